/**
 * The live calendar feeds end to end, on SQLite and PostgreSQL: addresses given by
 * `/cdce agenda lien` through the dispatcher, every feed parsed with ical.js (RFC 5545 and
 * RFC 7986 properties, the Brussels VTIMEZONE, alarms at the person's reminder offsets across
 * the March DST change, the Fair-O-Mètre due date of a CoPil member's commune), a move that
 * raises SEQUENCE, a cancellation, ETag and 304, renewal, the one-off .ics sharing the feed's
 * UID, and no token ever in the logs.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { appsOnEachDatabase, type TestApp } from "../../helpers/test-app.js";
import { run, textOf, type As } from "../../helpers/run.js";
import { COORD, codeOf, planWebinar } from "../../helpers/events.js";
import { captureLogger } from "../../helpers/capture-logger.js";
import { alarmOffsets, getFeed, parseFeed, start, tokenIn } from "../../helpers/feeds.js";
import { parseIcs } from "../../helpers/ics.js";
import { openDatabase } from "../../../src/data/database.js";
import { silentLogger } from "../../../src/core/logger.js";

const PUBLIC_URL = "https://cdce.example.be";
const logger = captureLogger();
const providers = await appsOnEachDatabase("calendar-feeds", { now: new Date("2027-03-01T09:00:00Z"), publicUrl: PUBLIC_URL, logger });

const UA: As = { user: "UA", role: "copil", commune: "Namur", platform: "slack" };
const UB: As = { user: "UB", role: "benevole", commune: "Namur", platform: "slack" };
const UC: As = { user: "UC", role: "benevole", commune: "Eupen", platform: "slack", locale: "de" };
const COPIL_NAMUR: As = { user: "copil-namur", role: "copil", commune: "Namur", platform: "slack" };

describe.each(providers)("calendar feeds on %s", (_name, makeApp) => {
  let app: TestApp;
  let webinar = "";
  let local = "";
  let tokenA = "";
  const tokens: string[] = [];
  const uidOf = async (code: string) => `${(await app.services.events.repo.byCode(code))!.id}@cdce-bot`;

  beforeAll(async () => {
    app = await makeApp();
    await run(app, "config canal reseau", COORD);
    // Tuesday 30 March 2027, 19:00 in Brussels: just after the change to summer time (28 March).
    webinar = await planWebinar(app, 'titre:"Charte du CoPil, version 2" theme:gouvernance debut:"30/03 19h" duree:1h30 capacite:2 lien:https://meet.example.org/cdce');
    local = codeOf(textOf(await run(app, 'evenement creer type:stand titre:"Stand au marché" debut:"20/03 9h-13h" lieu:"Place d’Armes, Namur"', COPIL_NAMUR)));
    await run(app, `webinaire rejoindre ${webinar}`, UA);
    await run(app, `webinaire rejoindre ${webinar}`, UB);
    await run(app, `webinaire rejoindre ${webinar}`, UC); // third: on the waiting list
    await run(app, "rappels 2j 30min", UA);
  });
  afterAll(async () => {
    await app?.close();
  });

  it("offers the subscription from /cdce agenda, next to the one-off file", async () => {
    const agenda = await run(app, "agenda", UA);
    const buttons = agenda.blocks.flatMap((b) => (b.type === "actions" ? b.buttons : []));
    expect(buttons.map((b) => b.command)).toEqual(expect.arrayContaining(["agenda ics", "agenda lien"]));
  });

  it("gives a private address once: https and webcal, at least 128 random bits, only its hash stored", async () => {
    const r = await run(app, "agenda lien", UA);
    expect(r.visibility).toBe("ephemeral");
    const text = textOf(r);
    tokenA = tokenIn(text)!;
    tokens.push(tokenA);
    expect(tokenA).toMatch(/^[A-Za-z0-9_-]{43}$/); // 32 bytes of base64url
    expect(Buffer.from(tokenA, "base64url").length).toBeGreaterThanOrEqual(16);
    expect(text).toContain(`${PUBLIC_URL}/cal/p/${tokenA}.ics`);
    expect(text).toContain(`webcal://cdce.example.be/cal/p/${tokenA}.ics`);
    expect(text).toContain(`${PUBLIC_URL}/cal/reseau.ics`);
    expect(text).toContain(`${PUBLIC_URL}/cal/c/namur.ics`);
    // Asked again: the same address cannot be shown (only a hash is kept), and no new one is made.
    const again = textOf(await run(app, "agenda lien", UA));
    expect(again).toContain("déjà une adresse");
    expect(tokenIn(again)).toBeNull();
    expect((await getFeed(app, `/cal/p/${tokenA}.ics`)).status).toBe(200);

    const db = await openDatabase({ url: app.databaseUrl, logger: silentLogger });
    try {
      const rows = await db.prisma.calendarFeedToken.findMany();
      expect(rows).toHaveLength(1);
      expect(rows[0]!.tokenHash).toBe(createHash("sha256").update(tokenA).digest("hex"));
      expect(JSON.stringify(rows)).not.toContain(tokenA);
    } finally {
      await db.close();
    }
  });

  it("personal feed: the calendar's RFC 7986 properties, the Brussels VTIMEZONE, the webinar with alarms at the person's offsets", async () => {
    const res = await getFeed(app, `/cal/p/${tokenA}.ics`);
    expect(res.headers["Content-Type"]).toBe("text/calendar; charset=utf-8");
    const feed = parseFeed(res.body);
    const cal = feed.calendar;
    expect(cal.getFirstPropertyValue("version")).toBe("2.0");
    expect(cal.getFirstPropertyValue("name")).toBe("CDCE · Mon agenda");
    expect(cal.getFirstPropertyValue("x-wr-calname")).toBe("CDCE · Mon agenda");
    expect(String(cal.getFirstPropertyValue("description"))).toContain("inscrit·e");
    expect(String(cal.getFirstProperty("refresh-interval")!.getFirstValue())).toBe("PT1H");
    expect(cal.getFirstProperty("refresh-interval")!.type).toBe("duration");
    expect(cal.getFirstPropertyValue("url")).toBe(PUBLIC_URL);
    expect(cal.getFirstPropertyValue("source")).toBe(`${PUBLIC_URL}/cal/p/${tokenA}.ics`);
    expect(cal.getAllSubcomponents("vtimezone").map((z) => z.getFirstPropertyValue("tzid"))).toEqual(["Europe/Brussels"]);

    const ev = feed.byUid(await uidOf(webinar))!;
    expect(ev).toBeTruthy();
    expect(ev.getFirstPropertyValue("summary")).toBe("Charte du CoPil, version 2");
    expect(ev.getFirstPropertyValue("sequence")).toBe(0);
    expect(ev.getFirstPropertyValue("status")).toBe("CONFIRMED");
    expect(ev.getFirstProperty("dtstart")!.getParameter("tzid")).toBe("Europe/Brussels");
    expect(String(ev.getFirstPropertyValue("dtstart"))).toBe("2027-03-30T19:00:00");
    expect(start(ev).toISOString()).toBe("2027-03-30T17:00:00.000Z");
    expect(ev.getFirstPropertyValue("location")).toBe("https://meet.example.org/cdce");
    // "2j": 09:00 Brussels two days before (28 March, already summer time: 07:00Z) = 2 days 10 hours; "30min".
    expect(alarmOffsets(ev)).toEqual([2 * 86400 + 10 * 3600, 30 * 60]);
    // Only what the person registered for: not the local stand of Namur.
    expect(feed.byUid(await uidOf(local))).toBeUndefined();
  });

  it("personal feed of a CoPil member: their commune's Fair-O-Mètre due date, all day; not for a volunteer", async () => {
    const namur = (await app.services.repos.communes.findByName("namur"))!;
    expect(namur.fomDueOn).toBeTruthy();
    const ymd = namur.fomDueOn!.toISOString().slice(0, 10);
    const feed = parseFeed((await getFeed(app, `/cal/p/${tokenA}.ics`)).body);
    const fom = feed.events.find((e) => String(e.getFirstPropertyValue("uid")).startsWith(`fom-${namur.id}-`))!;
    expect(fom.getFirstPropertyValue("summary")).toBe("Fair-O-Mètre de Namur : échéance");
    expect(fom.getFirstProperty("dtstart")!.type).toBe("date");
    expect(String(fom.getFirstPropertyValue("dtstart"))).toBe(ymd);
    expect(new ICALDate(fom).isDate).toBe(true);

    const tokenB = tokenIn(textOf(await run(app, "agenda lien", UB)))!;
    tokens.push(tokenB);
    const b = parseFeed((await getFeed(app, `/cal/p/${tokenB}.ics`)).body);
    expect(b.events.map((e) => String(e.getFirstPropertyValue("uid")))).toEqual([await uidOf(webinar)]);
  });

  it("a volunteer's slot: the entry keeps the event's times and UID, the alarms ring before their slot", async () => {
    const stand = codeOf(textOf(await run(app, 'evenement creer type:stand titre:"Stand de Pâques" debut:"27/03 9h-13h" lieu:Halle creneaux:"9h-11h x1, 11h-13h x2"', COPIL_NAMUR)));
    await run(app, `webinaire rejoindre ${stand} creneau:2`, UB);
    const tokenB = tokens[1]!;
    const ev = parseFeed((await getFeed(app, `/cal/p/${tokenB}.ics`)).body).byUid(await uidOf(stand))!;
    expect(start(ev).toISOString()).toBe("2027-03-27T08:00:00.000Z"); // the event, 09:00 CET
    // Local defaults "1d" and "2h", before the 11:00 slot: 26 March 09:00 (a day before the event's start), and 09:00 (its start).
    expect(alarmOffsets(ev)).toEqual([86400, 0]);
    expect(ev.getAllSubcomponents("valarm")[1]!.getFirstProperty("trigger")!.getParameter("related")).toBe("START");
  });

  it("a person on the waiting list sees the webinar as TENTATIVE, without alarms, in their language", async () => {
    const tokenC = tokenIn(textOf(await run(app, "termine link", UC)))!;
    tokens.push(tokenC);
    const feed = parseFeed((await getFeed(app, `/cal/p/${tokenC}.ics`)).body);
    expect(feed.calendar.getFirstPropertyValue("name")).toBe("CDCE · Mein Kalender");
    const ev = feed.byUid(await uidOf(webinar))!;
    expect(ev.getFirstPropertyValue("status")).toBe("TENTATIVE");
    expect(alarmOffsets(ev)).toEqual([]);
  });

  it("ETag and If-None-Match: unchanged feed answers 304 with no body, even a minute later", async () => {
    const first = await getFeed(app, `/cal/p/${tokenA}.ics`);
    const etag = first.headers.ETag!;
    expect(etag).toMatch(/^W\/".+"$/);
    app.setNow(new Date("2027-03-01T09:01:00Z"));
    const same = await getFeed(app, `/cal/p/${tokenA}.ics`, { "if-none-match": etag });
    expect(same.status).toBe(304);
    expect(same.body).toBe("");
    expect(same.headers.ETag).toBe(etag);
    expect((await getFeed(app, `/cal/p/${tokenA}.ics`, { "If-None-Match": `"other", ${etag}` })).status).toBe(304);
    expect((await getFeed(app, `/cal/p/${tokenA}.ics`, { "if-none-match": 'W/"other"' })).status).toBe(200);
  });

  it("a move raises SEQUENCE, changes the times and the ETag; the alarms follow", async () => {
    const before = await getFeed(app, `/cal/p/${tokenA}.ics`);
    await run(app, `webinaire deplacer ${webinar} debut:"6/04 14h"`, COORD);
    const after = await getFeed(app, `/cal/p/${tokenA}.ics`, { "if-none-match": before.headers.ETag });
    expect(after.status).toBe(200);
    expect(after.headers.ETag).not.toBe(before.headers.ETag);
    const ev = parseFeed(after.body).byUid(await uidOf(webinar))!;
    expect(ev.getFirstPropertyValue("sequence")).toBe(1);
    expect(start(ev).toISOString()).toBe("2027-04-06T12:00:00.000Z");
    // 4 April 09:00 CEST to 6 April 14:00 CEST: 2 days 5 hours.
    expect(alarmOffsets(ev)).toEqual([2 * 86400 + 5 * 3600, 30 * 60]);
    const network = parseFeed((await getFeed(app, "/cal/reseau.ics")).body).byUid(await uidOf(webinar))!;
    expect(network.getFirstPropertyValue("sequence")).toBe(1);
  });

  it("the one-off .ics of the event has the feed's UID and SEQUENCE (no duplicate when both are used)", async () => {
    const r = await run(app, `ics ${webinar}`, UA);
    const file = r.files?.find((f) => f.name.endsWith(".ics"));
    const data = typeof file!.data === "string" ? file!.data : Buffer.from(file!.data).toString("utf8");
    const oneOff = parseIcs(data).events[0]!;
    expect(oneOff.UID).toBe(await uidOf(webinar));
    expect(oneOff.SEQUENCE).toBe("1");
    const agenda = await run(app, "agenda ics", UA);
    const all = agenda.files!.find((f) => f.name.endsWith(".ics"))!;
    expect(parseIcs(typeof all.data === "string" ? all.data : Buffer.from(all.data).toString("utf8")).events.map((e) => e.UID)).toContain(await uidOf(webinar));
  });

  it("the commune feed has its public local events only; the network feed its webinars only; ?lang= picks the language", async () => {
    const commune = await getFeed(app, "/cal/c/namur.ics");
    expect(commune.status).toBe(200);
    expect(commune.headers["Cache-Control"]).toMatch(/^public/);
    const c = parseFeed(commune.body);
    expect(c.calendar.getFirstPropertyValue("name")).toBe("CDCE · Namur");
    expect(c.calendar.getFirstPropertyValue("source")).toBe(`${PUBLIC_URL}/cal/c/namur.ics`);
    const stand = c.byUid(await uidOf(local))!;
    expect(stand.getFirstPropertyValue("location")).toBe("Place d’Armes, Namur");
    expect(start(stand).toISOString()).toBe("2027-03-20T08:00:00.000Z"); // 09:00 CET
    expect(alarmOffsets(stand)).toEqual([]); // public feeds carry nobody's reminders
    expect(c.byUid(await uidOf(webinar))).toBeUndefined();

    const n = parseFeed((await getFeed(app, "/cal/reseau.ics?lang=nl")).body);
    expect(n.calendar.getFirstPropertyValue("name")).toBe("CDCE · Webinars van het netwerk");
    expect(n.byUid(await uidOf(webinar))).toBeTruthy();
    expect(n.byUid(await uidOf(local))).toBeUndefined();
    expect(parseFeed((await getFeed(app, "/cal/reseau.ics")).body).calendar.getFirstPropertyValue("name")).toBe("CDCE · Webinaires du réseau");
  });

  it("a cancellation gives STATUS:CANCELLED and a higher SEQUENCE in every feed, with no alarm left", async () => {
    await run(app, `webinaire annuler ${webinar} confirmer:oui`, COORD);
    const uid = await uidOf(webinar);
    for (const path of [`/cal/p/${tokenA}.ics`, "/cal/reseau.ics"]) {
      const ev = parseFeed((await getFeed(app, path)).body).byUid(uid)!;
      expect(ev.getFirstPropertyValue("status")).toBe("CANCELLED");
      expect(ev.getFirstPropertyValue("sequence")).toBe(2);
      expect(alarmOffsets(ev)).toEqual([]);
    }
  });

  it("unknown, malformed or foreign paths: a bare 404, or null when the path is not a feed's", async () => {
    const handler = (path: string) => getFeed(app, path);
    for (const path of ["/cal/p/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics", "/cal/p/x.ics", "/cal/p/%E0%A4%A.ics", "/cal/c/atlantis.ics", "/cal/c/Namur.ics", "/cal/autre.ics", "/cal/p/"]) {
      const res = await handler(path);
      expect(res.status, path).toBe(404);
      expect(res.body).toBe("Not found\n");
      expect(res.headers["Content-Type"]).toBe("text/plain; charset=utf-8");
    }
    const { createFeedHandler } = await import("../../../src/features/calendar-feeds/index.js");
    expect(await createFeedHandler(app.services)({ path: "/initiatives", headers: {} })).toBeNull();
  });

  it("renewal: a new address works, the old one is a 404 at once; in German too", async () => {
    const renewed = textOf(await run(app, "agenda lien renouveler", UA));
    const fresh = tokenIn(renewed)!;
    tokens.push(fresh);
    expect(fresh).not.toBe(tokenA);
    expect(renewed).toContain("l’ancienne ne fonctionne plus");
    expect((await getFeed(app, `/cal/p/${tokenA}.ics`)).status).toBe(404);
    expect((await getFeed(app, `/cal/p/${fresh}.ics`)).status).toBe(200);
    const de = textOf(await run(app, "termine link erneuern", UC));
    const deToken = tokenIn(de)!;
    tokens.push(deToken);
    expect(de).toContain("die alte funktioniert nicht mehr");
    expect((await getFeed(app, `/cal/p/${deToken}.ics`)).status).toBe(200);
    expect((await getFeed(app, `/cal/p/${tokens[2]}.ics`)).status).toBe(404);
  });

  it("never writes a token in the logs", async () => {
    expect(tokens.length).toBeGreaterThanOrEqual(5);
    expect(logger.entries.some((e) => (e.obj as { component?: string }).component === "calendar-feeds")).toBe(true);
    const logged = JSON.stringify(logger.entries);
    for (const token of tokens) expect(logged).not.toContain(token);
  });
});

/** ical.js's view of an all-day DTSTART. */
class ICALDate {
  readonly isDate: boolean;
  constructor(vevent: import("ical.js").default.Component) {
    this.isDate = (vevent.getFirstPropertyValue("dtstart") as import("ical.js").default.Time).isDate;
  }
}
