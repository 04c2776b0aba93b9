/**
 * The yearly training cycle as a series: each session its own event and RSVP, one
 * announcement with a button per session; cancelling the series ahead tells the people
 * registered to any of its sessions; moving one session moves only that one.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../helpers/test-app.js";
import { run, textOf } from "../../helpers/run.js";
import { COORD, outbox } from "../../helpers/events.js";

let app: TestApp;
let codes: string[] = [];

beforeAll(async () => {
  app = await createTestApp({ now: new Date("2026-12-10T09:00:00Z") });
  await run(app, "config canal reseau", COORD);
});
afterAll(async () => {
  await app?.close();
});

describe("series", () => {
  it("plans the first Tuesdays from January, each session with its own code", async () => {
    const r = await run(app, 'webinaire serie titre:"Cycle gouvernance" theme:gouvernance quand:"premier mardi 19h-20h30" nombre:4 depuis:01/01/2027 capacite:10 public:copil', COORD);
    codes = [...textOf(r).matchAll(/`([a-z0-9]{5})`/g)].map((m) => m[1]!);
    expect(codes).toHaveLength(4);
    const events = await Promise.all(codes.map((c) => app.services.events.repo.byCode(c)));
    expect(events.map((e) => e!.startsAt.toISOString())).toEqual(["2027-01-05T18:00:00.000Z", "2027-02-02T18:00:00.000Z", "2027-03-02T18:00:00.000Z", "2027-04-06T17:00:00.000Z"]);
    expect(new Set(events.map((e) => e!.seriesId)).size).toBe(1);
    expect(events.every((e) => e!.kind === "training" && e!.capacity === 10 && e!.endsAt.getTime() - e!.startsAt.getTime() === 90 * 60_000)).toBe(true);
    const announce = await outbox(app, `series:${events[0]!.seriesId}:announce`, ["pending"]);
    expect(announce).toHaveLength(1);
  });

  it("refuses a rule whose hour one session's clock change makes unclear, naming the day, and plans nothing", async () => {
    const count = async () => (await app.services.events.repo.list({ from: new Date("2027-01-01T00:00:00Z"), includeCancelled: true, limit: 500 })).length;
    const before = await count();
    const gap = await run(app, 'webinaire serie titre:"Nuit" theme:gouvernance quand:"dernier dimanche 2h30" nombre:6 depuis:01/01/2027', COORD);
    expect(textOf(gap)).toContain("28 mars 2027");
    expect(textOf(gap)).toContain("heure d’été");
    const fold = await run(app, 'webinaire serie titre:"Nuit" theme:gouvernance quand:"dernier dimanche 2h30" nombre:3 depuis:01/09/2027', COORD);
    expect(textOf(fold)).toContain("31 octobre 2027");
    expect(textOf(fold)).toContain("deux fois");
    expect(await count()).toBe(before);
  });

  it("takes an explicit list too, and says which date is wrong", async () => {
    const bad = await run(app, 'webinaire serie titre:x theme:communication quand:"12/01 19h; 31/02 19h"', COORD);
    expect(textOf(bad)).toContain("Date n° 2");
    const ok = await run(app, 'webinaire serie titre:"Échanges" theme:"échange de pratiques" quand:"12/01 19h; 09/02 19h"', COORD);
    expect(textOf(ok)).toContain("2 sessions");
  });

  it("keeps a separate RSVP per session", async () => {
    await run(app, `webinaire rejoindre ${codes[0]}`, { user: "UA", role: "copil", commune: "Namur", platform: "slack" });
    await run(app, `webinaire rejoindre ${codes[2]}`, { user: "UB", role: "copil", commune: "Liège", platform: "slack" });
    const [s1, s2] = await Promise.all([codes[0]!, codes[1]!].map((c) => app.services.events.repo.byCode(c)));
    expect([s1!.goingCount, s2!.goingCount]).toEqual([1, 0]);
  });

  it("moves one session only", async () => {
    await run(app, `webinaire deplacer ${codes[0]} debut:"12/01 19h-20h30"`, COORD);
    const [s1, s2] = await Promise.all([codes[0]!, codes[1]!].map((c) => app.services.events.repo.byCode(c)));
    expect(s1!.startsAt.toISOString()).toBe("2027-01-12T18:00:00.000Z");
    expect(s2!.startsAt.toISOString()).toBe("2027-02-02T18:00:00.000Z");
    expect(await outbox(app, `evt:${s1!.id}:moved:`, ["pending"])).toHaveLength(1);
  });

  it("moves a session and the later ones by local days, keeping 19:00 across the DST change", async () => {
    // Session 2 (2 Feb) to Wednesday 3 Feb: sessions 3 and 4 move one day too, at 19:00 local.
    const r = await run(app, `webinaire deplacer ${codes[1]} debut:"3/02 19h" serie:oui`, COORD);
    expect(textOf(r)).toContain("2 sessions suivantes");
    const [s2, s3, s4] = await Promise.all(codes.slice(1).map((c) => app.services.events.repo.byCode(c)));
    expect([s2, s3, s4].map((e) => e!.startsAt.toISOString())).toEqual(["2027-02-03T18:00:00.000Z", "2027-03-03T18:00:00.000Z", "2027-04-07T17:00:00.000Z"]);
    expect(s4!.endsAt.getTime() - s4!.startsAt.getTime()).toBe(90 * 60_000);
    // UB registered to session 3: told of the move.
    expect(await outbox(app, `evt:${s3!.id}:moved:`, ["pending"])).toHaveLength(1);
  });

  it("cancels the series ahead: everyone registered to a session is told", async () => {
    const ask = await run(app, `webinaire annuler ${codes[1]} serie:oui`, COORD);
    expect(textOf(ask)).toContain("4 sessions");
    const done = await run(app, `webinaire annuler ${codes[1]} serie:oui confirmer:oui`, COORD);
    expect(textOf(done)).toContain("2 personnes inscrites sont prévenues");
    const events = await Promise.all(codes.map((c) => app.services.events.repo.byCode(c)));
    expect(events.every((e) => e!.state === "cancelled")).toBe(true);
    const notices = await outbox(app, "evt:", ["pending"]).then((rows) => rows.filter((r) => r.key.includes(":cancelled:")));
    expect(notices.map((n) => n.target.userId).sort()).toEqual(["UA", "UB"]);
  });
});
