/**
 * What a person typed wrong, answered in their language with what was understood and what
 * to type: a past date, an end before the start, a capacity below 1, an unknown theme (with
 * the closest ones), an ambiguous or unreadable date, an unknown code.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../helpers/test-app.js";
import { run, textOf, type As } from "../../helpers/run.js";
import { outbox, planWebinar } from "../../helpers/events.js";
import { icsDate, parseIcs } from "../../helpers/ics.js";

let app: TestApp;
const as = (locale: string): As => ({ user: `coord-${locale}`, role: "coordination", locale, platform: "slack" });

beforeAll(async () => {
  app = await createTestApp({ now: new Date("2027-03-01T09:00:00Z") });
});
afterAll(async () => {
  await app?.close();
});

describe("planning errors, per field, in the user's language", () => {
  it("French: past date, end before start, capacity 0, unknown theme with suggestions", async () => {
    const r = await run(app, 'webinaire planifier titre:"X" theme:gouvernanse debut:"12/02/2027 14h" capacite:0', as("fr"));
    expect(r.fieldErrors?.debut).toContain("j’ai compris vendredi 12 février 2027");
    expect(r.fieldErrors?.debut).toContain("déjà passé");
    expect(r.fieldErrors?.capacite).toContain("de 1 à");
    expect(r.fieldErrors?.theme).toContain("gouvernance");
    const e = await run(app, 'webinaire planifier titre:"X" theme:communication debut:"12/03 16h-14h"', as("fr"));
    expect(e.fieldErrors?.debut).toContain("n’est pas après le début");
  });

  it("German: a date read as 12 March (not 2014), and an ambiguous one", async () => {
    const ok = await run(app, 'webinaire planifier titre:"Governance" theme:gouvernance debut:"12. März 14 Uhr"', as("de"));
    expect(textOf(ok)).toContain("Geplant");
    expect(textOf(ok)).toContain("Freitag, 12. März 2027");
    const amb = await run(app, 'webinaire planifier titre:"X" theme:gouvernance debut:"Montag 12. März 14 Uhr"', as("de"));
    expect(amb.fieldErrors?.debut).toContain("Der Wochentag passt nicht");
  });

  it("Dutch: a time without a day; English: day/month order", async () => {
    const nl = await run(app, 'webinaire planifier titre:"X" theme:gouvernance debut:"om 14u"', as("nl"));
    expect(nl.fieldErrors?.debut).toContain("geen dag");
    const en = await run(app, 'webinaire planifier titre:"X" theme:gouvernance debut:"04/05 14:00"', as("en"));
    expect(en.fieldErrors?.debut).toContain("(day/month, as in Belgium)");
    expect(en.fieldErrors?.debut).toContain("4 May 2027");
  });

  it("an unknown code, an unknown filter", async () => {
    expect(textOf(await run(app, "webinaire zz9zz", { user: "someone" }))).toContain("Aucun webinaire ni évènement n’a le code « zz9zz »");
    expect(textOf(await run(app, "webinaires theme:cuisine", { user: "someone" }))).toContain("Je ne connais pas le thème « cuisine »");
    expect(textOf(await run(app, "rappels demain", { user: "someone" }))).toContain("Je ne comprends pas « demain »");
  });
});

describe("lists, filters and my agenda", () => {
  it("filters by theme, language and audience, and gives my agenda as one calendar", async () => {
    const a = await planWebinar(app, 'titre:"Gouvernance FR" theme:gouvernance debut:"20/03 10h" public:copil', as("fr"));
    const b = await planWebinar(app, 'titre:"Kommunikation DE" theme:communication debut:"21/03 10h" langue:de public:benevoles', as("fr"));
    expect(textOf(await run(app, "webinaires theme:gouvernance", { user: "reader" }))).toContain("Gouvernance FR");
    expect(textOf(await run(app, "webinaires theme:gouvernance", { user: "reader" }))).not.toContain("Kommunikation DE");
    expect(textOf(await run(app, "webinaires langue:allemand", { user: "reader" }))).toContain("Kommunikation DE");
    expect(textOf(await run(app, "webinaires public:bénévoles", { user: "reader" }))).not.toContain("Gouvernance FR");
    await run(app, `webinaire rejoindre ${a}`, { user: "reader" });
    await run(app, `webinaire rejoindre ${b}`, { user: "reader" });
    expect(textOf(await run(app, "agenda", { user: "reader" }))).toContain("Mon agenda (2)");
    const feed = textOf(await run(app, "agenda ics", { user: "reader" }));
    const ics = /```\n?([\s\S]*?)```/.exec(feed)![1]!.replace(/\r?\n/g, "\r\n");
    const parsed = parseIcs(ics);
    expect(parsed.calendar["X-WR-CALNAME"]).toBe("CDCE : mes rendez-vous");
    expect(parsed.events.map((e) => [e.SUMMARY, icsDate(e.DTSTART!).toISOString()])).toEqual([
      ["Gouvernance FR", "2027-03-20T09:00:00.000Z"],
      ["Kommunikation DE", "2027-03-21T09:00:00.000Z"],
    ]);
  });

  it("changes my reminder offsets and re-plans what is queued", async () => {
    const r = await run(app, "rappels 2j 30min", { user: "reader" });
    expect(textOf(r)).toMatch(/rappels 2\sjours, 30\sminutes/);
    // "reader" uses the terminal, whose direct inbox gets the reminders: two webinars, two each.
    expect(textOf(r)).toContain("(4 rappels planifiés)");
    expect(textOf(r)).not.toContain("ne peut vous parvenir");
    expect(textOf(await run(app, "rappels", { user: "reader" }))).toMatch(/2\sjours, 30\sminutes/);
    expect(textOf(await run(app, "rappels defaut", { user: "reader" }))).toContain("remis par défaut");
  });

  it("reads reminder offsets in each language's words, with that language's command words", async () => {
    const said = async (locale: string, line: string) => textOf(await run(app, line, { user: `reader-${locale}`, locale }));
    expect(await said("de-BE", "erinnerungen 7t 1t 1h")).toMatch(/Erinnerungen 7\sTage, 1\sTag, 1\sStunde vor/);
    expect(await said("nl-BE", "herinneringen 7d 1d 1u")).toMatch(/herinneringen 7\sdagen, 1\sdag, 1\suur voor/);
    expect(await said("en-GB", "reminders 2d 30min")).toMatch(/reminders 2\sdays, 30\sminutes before/);
    const defaults = await said("de-BE", "erinnerungen standard");
    expect(defaults).not.toMatch(/\b\d+[dhm]\b/);
    expect(await said("de-BE", "erinnerungen")).toContain("`/cdce erinnerungen 3t 1h`");
    expect(await said("de-BE", "erinnerungen")).not.toContain("rappels");
  });
});

describe("editing a session", () => {
  it("more seats promote the waiting people at once; a new link re-plans the reminders", async () => {
    const code = await planWebinar(app, 'titre:"Petit comité" theme:mobilisation debut:"25/03 18h" capacite:1 lien:https://meet.example.org/old', as("fr"));
    await run(app, `webinaire rejoindre ${code}`, { user: "first", platform: "slack" });
    await run(app, `webinaire rejoindre ${code}`, { user: "second", platform: "slack" });
    expect(textOf(await run(app, `webinaire modifier ${code} capacite:0`, as("fr")))).toContain("de 1 à");
    const r = await run(app, `webinaire modifier ${code} capacite:2`, as("fr"));
    expect(textOf(r)).toContain("Une personne en attente a reçu une place");
    const event = (await app.services.events.repo.byCode(code))!;
    expect(event.goingCount).toBe(2);
    const second = (await app.services.repos.identity.findByAccount("slack", "W1", "second"))!.id;
    expect(await outbox(app, `evt:${event.id}:promoted:${second}:`, ["pending"])).toHaveLength(1);
    const first = (await app.services.repos.identity.findByAccount("slack", "W1", "first"))!.id;
    const before = await outbox(app, `evt:${event.id}:rem:${first}:`, ["pending"]);
    expect(textOf(await run(app, `webinaire modifier ${code} lien:https://meet.example.org/new`, as("fr")))).toContain("mis à jour");
    const after = await outbox(app, `evt:${event.id}:rem:${first}:`, ["pending"]);
    expect(after.map((x) => x.dueAt.toISOString())).toEqual(before.map((x) => x.dueAt.toISOString()));
    expect(after.every((x) => x.key.includes(".s1:"))).toBe(true);
    expect(await outbox(app, `evt:${event.id}:rem:${first}:`, ["cancelled"])).toHaveLength(before.length);
    expect((await app.services.events.repo.get(event.id))!.link).toBe("https://meet.example.org/new");
  });
});

describe("erasure (/cdce moi supprimer)", () => {
  it("removes the person's registrations and gives their seat to the first waiting person", async () => {
    const code = await planWebinar(app, 'titre:"Petit groupe" theme:communication debut:"22/03 10h" capacite:1', as("fr"));
    await run(app, `webinaire rejoindre ${code}`, { user: "leaving", platform: "slack" });
    await run(app, `webinaire rejoindre ${code}`, { user: "waiting", platform: "slack" });
    await run(app, "rappels 2j", { user: "leaving", platform: "slack" });
    const leaving = (await app.services.repos.identity.findByAccount("slack", "W1", "leaving"))!.id;
    await run(app, "moi supprimer confirmer:oui", { user: "leaving", platform: "slack" });
    const event = (await app.services.events.repo.byCode(code))!;
    const regs = await app.services.events.repo.registrations(event.id);
    expect(regs.some((r) => r.personId === leaving)).toBe(false);
    expect(regs.map((r) => r.status)).toEqual(["going"]);
    expect(event.goingCount).toBe(1);
    expect(await app.services.events.repo.reminderPreference(leaving)).toBeNull();
  });
});
