/**
 * Numbers typed in commands are decimal integers within the option's bounds, or refused with
 * the bounds named: `0x10` is not 16 seats, `1e3` not 1,000, `x100` volunteers not 1.
 * Through the real dispatcher, on SQLite; nothing is saved when refused.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../helpers/test-app.js";
import { run, runStructured, textOf } from "../../helpers/run.js";
import { codeOf, COORD, planWebinar } from "../../helpers/events.js";

let app: TestApp;
const COPIL = { user: "copil-namur", role: "copil", commune: "Namur", platform: "slack" } as const;
const PLAN = 'webinaire planifier titre:"Charte" theme:gouvernance debut:"12/03 14h-15h30"';
const LOCAL = 'evenement creer type:stand titre:"Stand" debut:"12/03 9h-13h" lieu:"Place"';

beforeAll(async () => {
  app = await createTestApp({ now: new Date("2026-11-29T10:00:00Z") });
});
afterAll(async () => {
  await app?.close();
});

const eventCount = async () => (await app.services.events.repo.list({ from: new Date(0), includeCancelled: true, limit: 1000 })).length;

describe("numbers typed in commands", () => {
  it("a webinar's seats in hex or with an exponent are refused with the bounds, and nothing is planned", async () => {
    const before = await eventCount();
    for (const seats of ["0x10", "1e3", "1E2", "0b11", "2.0", "1_000", "Infinity"]) {
      const text = textOf(await run(app, `${PLAN} capacite:${seats}`, COORD));
      expect(text, seats).toContain(`Nombre de places « ${seats} » impossible : un nombre entier de 1 à 10000`);
      expect(text, seats).not.toMatch(/code `[a-z0-9]{5}`/);
    }
    expect(await eventCount()).toBe(before);
    // Plain digits still work.
    const code = codeOf(textOf(await run(app, `${PLAN} capacite:16`, COORD)));
    expect((await app.services.events.repo.byCode(code))!.capacity).toBe(16);
  });

  it("changing a webinar's seats to a hex number is refused, the seats stay", async () => {
    const code = await planWebinar(app, 'titre:"Atelier" theme:gouvernance debut:"13/03 14h" capacite:20');
    const text = textOf(await run(app, `webinaire modifier ${code} capacite:0x10`, COORD));
    expect(text).toContain("un nombre entier de 1 à 10000");
    expect((await app.services.events.repo.byCode(code))!.capacity).toBe(20);
  });

  it("a volunteer slot over or under its bounds is refused with them, never read as 1 person", async () => {
    for (const slot of ["9h-11h x100", "9h-11h x0", "9h-11h x51", "9h-11h 120 personnes"]) {
      const text = textOf(await run(app, `${LOCAL} creneaux:"${slot}"`, COPIL));
      expect(text, slot).toContain(`Créneau « ${slot} » : de 1 à 50 bénévoles par créneau.`);
    }
    const r = await run(app, `${LOCAL} creneaux:"9h-11h x50"`, COPIL);
    const event = (await app.services.events.repo.byCode(codeOf(textOf(r))))!;
    expect((await app.services.events.repo.slots(event.id)).map((s) => s.capacity)).toEqual([50]);
  });

  it("a page or a criterion in hex is refused with its bounds, in the user's language", async () => {
    expect(textOf(await run(app, "kit jeunes page:0x2"))).toContain("« page » doit être un nombre entier entre 1 et");
    expect(textOf(await run(app, "kit jeunes page:1e0", { locale: "de", user: "de1" }))).toContain("„seite“ muss eine ganze Zahl zwischen 1 und");
    expect(textOf(await runStructured(app, "kit", { mots: "jeunes", page: "0x2" }))).toContain("« page » doit être un nombre entier entre 1 et");
    const fom = textOf(await run(app, "fom preuve critere:0x4 Stand au marché", COPIL));
    expect(fom).toContain("Indiquez le ou les critères servis (1 à 6)");
  });

  it("a page past the end shows the last one and says so, never silently", async () => {
    const kits = textOf(await run(app, "kit jeunes page:99"));
    expect(kits).toContain("(page 2/2)");
    expect(kits).toContain("Pas de page 99 : il y a 2 pages, voici la dernière.");
    expect(textOf(await run(app, "kit jeunes page:2"))).not.toContain("Pas de page");
    const webinars = textOf(await run(app, "webinaires page:7", { locale: "en", user: "en1" }));
    expect(webinars).toContain("No page 7: there is only one page.");
  });
});
