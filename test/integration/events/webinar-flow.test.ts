/**
 * The whole webinar flow through the dispatcher with a controllable clock: create, announce,
 * RSVP to capacity, waitlist promotion, reminders at 09:00 local across the March DST change,
 * move and cancellation notices, and the .ics parsed back.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../helpers/test-app.js";
import { run, textOf } from "../../helpers/run.js";
import { COORD, outbox, planWebinar } from "../../helpers/events.js";
import { icsDate, parseIcs } from "../../helpers/ics.js";

let app: TestApp;
const person = async (user: string) => (await app.services.repos.identity.findByAccount("slack", "W1", user))!.id;

beforeAll(async () => {
  // Monday 1 March 2027, 10:00 in Brussels (winter time).
  app = await createTestApp({ now: new Date("2027-03-01T09:00:00Z") });
  await run(app, "config canal reseau", COORD);
});
afterAll(async () => {
  await app?.close();
});

describe("webinar: create, announce, RSVP, waitlist, reminders, move, cancel", () => {
  let code = "";

  it("coordination schedules it in Brussels time; it is announced to the network channel", async () => {
    code = await planWebinar(app, 'titre:"Charte du CoPil" theme:gouvernance debut:"mardi 30 mars 19h" duree:1h30 capacite:2 lien:https://meet.example.org/cdce public:copil,élu·es');
    const event = (await app.services.events.repo.byCode(code))!;
    expect(event.startsAt.toISOString()).toBe("2027-03-30T17:00:00.000Z"); // 19:00 CEST
    expect(event.endsAt.toISOString()).toBe("2027-03-30T18:30:00.000Z");
    expect(event.audiences).toEqual(["copil", "elus"]);
    const announce = await outbox(app, `evt:${event.id}:announce:`);
    expect(announce).toHaveLength(1);
    expect(announce[0]!.target).toMatchObject({ platform: "slack", workspaceId: "W1", channelId: "C1" });
    expect(announce[0]!.summary).toContain("Charte du CoPil");
  });

  it("refuses a volunteer creating a network webinar", async () => {
    const r = await run(app, 'webinaire planifier titre:x theme:gouvernance debut:"30/03 19h"', { user: "vol", role: "benevole", platform: "slack" });
    expect(textOf(r)).toContain("réservée");
  });

  it("gives the two seats, then a waitlist place; asking twice changes nothing", async () => {
    const a = await run(app, `webinaire rejoindre ${code}`, { user: "UA", role: "copil", commune: "Namur", platform: "slack" });
    expect(textOf(a)).toContain("Vous êtes inscrit·e");
    expect(textOf(await run(app, `webinaire rejoindre ${code}`, { user: "UB", role: "copil", commune: "Namur", platform: "slack" }))).toContain("inscrit·e");
    const c = await run(app, `webinaire rejoindre ${code}`, { user: "UC", role: "copil", commune: "Eupen", platform: "slack", locale: "de" });
    expect(textOf(c)).toContain("Nr. 1 auf der Warteliste");
    expect(textOf(await run(app, `webinaire rejoindre ${code}`, { user: "UA", platform: "slack" }))).toContain("déjà inscrit·e");
    const event = (await app.services.events.repo.byCode(code))!;
    expect(event.goingCount).toBe(2);
  });

  it("queues A's reminders at 09:00 Brussels on both sides of the DST change, and 1 hour before", async () => {
    const event = (await app.services.events.repo.byCode(code))!;
    const rows = await outbox(app, `evt:${event.id}:rem:${await person("UA")}:`, ["pending"]);
    expect(rows.map((r) => r.dueAt.toISOString())).toEqual([
      "2027-03-23T08:00:00.000Z", // 7 days before, 09:00 CET
      "2027-03-29T07:00:00.000Z", // the day before, 09:00 CEST
      "2027-03-30T16:00:00.000Z", // 1 hour before
    ]);
    expect(rows.every((r) => r.expiresAt?.toISOString() === "2027-03-30T17:00:00.000Z")).toBe(true);
    expect(rows[0]!.target).toMatchObject({ platform: "slack", userId: "UA" });
    // The person on the waitlist gets no reminder.
    expect(await outbox(app, `evt:${event.id}:rem:${await person("UC")}:`, ["pending"])).toEqual([]);
  });

  it("shows who from my commune takes part", async () => {
    const t = textOf(await run(app, `webinaire ${code}`, { user: "UB", platform: "slack" }));
    expect(t).toContain("De ma commune (2)");
    expect(t).toContain("UA");
  });

  it("promotes the first waiting person when a seat frees up, and tells them at once", async () => {
    app.setNow(new Date("2027-03-10T12:00:00Z"));
    const r = await run(app, `webinaire quitter ${code}`, { user: "UA", platform: "slack" });
    expect(textOf(r)).toContain("première personne en attente");
    const event = (await app.services.events.repo.byCode(code))!;
    expect(event.goingCount).toBe(2);
    const promoted = await outbox(app, `evt:${event.id}:promoted:${await person("UC")}:`, ["pending"]);
    expect(promoted).toHaveLength(1);
    expect(promoted[0]!.dueAt.toISOString()).toBe("2027-03-10T12:00:00.000Z");
    expect(promoted[0]!.summary).toContain("Ein Platz ist frei geworden"); // in C's language
    expect((await outbox(app, `evt:${event.id}:rem:${await person("UC")}:`, ["pending"])).length).toBe(3);
    expect(await outbox(app, `evt:${event.id}:rem:${await person("UA")}:`, ["pending"])).toEqual([]);
  });

  it("moves the session: registered people are told, reminders are re-keyed to the new time", async () => {
    const event = (await app.services.events.repo.byCode(code))!;
    const r = await run(app, `webinaire deplacer ${code} debut:"6 avril 19h-20h30"`, COORD);
    expect(textOf(r)).toContain("déplacé");
    const moved = (await app.services.events.repo.byCode(code))!;
    expect(moved.startsAt.toISOString()).toBe("2027-04-06T17:00:00.000Z");
    expect(moved.sequence).toBe(1);
    const notices = await outbox(app, `evt:${event.id}:moved:`, ["pending"]);
    expect(notices.map((n) => n.target.userId).sort()).toEqual(["UB", "UC"]);
    const pending = await outbox(app, `evt:${event.id}:rem:${await person("UB")}:`, ["pending"]);
    expect(pending.map((p) => p.dueAt.toISOString())).toEqual(["2027-03-30T07:00:00.000Z", "2027-04-05T07:00:00.000Z", "2027-04-06T16:00:00.000Z"]);
    const old = await outbox(app, `evt:${event.id}:rem:${await person("UB")}:`, ["cancelled"]);
    expect(old).toHaveLength(3);
  });

  it("gives an .ics that parses back to the new time, with a Google Calendar link", async () => {
    const r = await run(app, `ics ${code}`, { user: "UB", platform: "slack" });
    const ics = /```\n?([\s\S]*?)```/.exec(textOf(r))![1]!.replace(/\r?\n/g, "\r\n");
    const { events } = parseIcs(ics);
    expect(icsDate(events[0]!.DTSTART!).toISOString()).toBe("2027-04-06T17:00:00.000Z");
    expect(icsDate(events[0]!.DTEND!).toISOString()).toBe("2027-04-06T18:30:00.000Z");
    expect(events[0]!.SEQUENCE).toBe("1");
    expect(textOf(r)).toContain("calendar.google.com");
    // The same calendar as a file (written by the terminal, uploadable by the platforms).
    expect(r.files?.[0]).toMatchObject({ name: `cdce-${code}.ics`, contentType: "text/calendar" });
    expect(parseIcs(String(r.files![0]!.data)).events[0]!.UID).toBe(events[0]!.UID);
  });

  it("cancels: everyone registered is told, no reminder is left pending", async () => {
    const event = (await app.services.events.repo.byCode(code))!;
    const ask = await run(app, `webinaire annuler ${code}`, COORD);
    expect(ask.blocks.some((b) => b.type === "actions" && b.buttons[0]!.command === `webinaire annuler ${code} confirmer:oui`)).toBe(true);
    expect(textOf(await run(app, `webinaire annuler ${code} confirmer:oui`, COORD))).toContain("annulé");
    expect(await outbox(app, `evt:${event.id}:rem:`, ["pending"])).toEqual([]);
    const notices = await outbox(app, `evt:${event.id}:cancelled:`, ["pending"]);
    expect(notices.map((n) => n.target.userId).sort()).toEqual(["UB", "UC"]);
    expect(textOf(await run(app, `webinaire rejoindre ${code}`, { user: "UD", platform: "slack" }))).toContain("annulé");
  });
});
