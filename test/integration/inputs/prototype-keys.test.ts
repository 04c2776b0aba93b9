/**
 * Words that are keys of Object.prototype are words like any other: unknown in every
 * vocabulary, never Object's own functions. Before, `/cdce initiatives constructor`,
 * `/cdce outils __proto__` and `/cdce webinaires constructor` got the generic error,
 * `/cdce rappels 7constructor` stored a reminder "7function Object()…", and an option named
 * `__proto__` sent by a platform was not reported.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../helpers/test-app.js";
import { run, runStructured, textOf } from "../../helpers/run.js";
import { translator } from "../../../src/core/i18n/catalogue.js";

let app: TestApp;
const COPIL = { user: "copil-namur", role: "copil", commune: "Namur" } as const;
const GENERIC = translator("fr")("error.internal");

beforeAll(async () => {
  app = await createTestApp();
  await run(app, "outils declarer Canva categorie:design", COPIL);
  await run(app, 'initiative titre:"Petit-déjeuner" description:"Au marché" type:petit-dejeuner', COPIL);
});
afterAll(async () => {
  await app?.close();
});

describe("Object.prototype keys typed as words", () => {
  it("searches answer that nothing matches instead of failing", async () => {
    for (const line of ["initiatives constructor", "initiatives __proto__ toString", "outils __proto__", "outils constructor", "webinaires constructor", "webinaires langue:valueOf", "idees hasOwnProperty"]) {
      const text = textOf(await run(app, line, COPIL));
      expect(text, line).not.toContain(GENERIC);
      expect(text, line).not.toMatch(/function|native code|\[object/);
    }
  });

  it("a reminder unit named constructor is refused, not stored", async () => {
    const text = textOf(await run(app, "rappels 7constructor", COPIL));
    expect(text).toContain("7constructor");
    expect(text).not.toContain("function");
    const person = (await app.services.repos.identity.findByAccount("terminal", "W1", COPIL.user))!;
    expect(await app.services.events.repo.reminderPreference(person.id)).toBeNull();
  });

  it("a language or a status named like a prototype key is an unknown value", async () => {
    expect(textOf(await run(app, "langue constructor", COPIL))).toContain("constructor");
    expect(textOf(await run(app, "langue constructor", COPIL))).toContain("fr, de, nl, en");
  });

  it("an option named __proto__ sent by a platform is reported as unknown", async () => {
    const options = JSON.parse('{"__proto__": "x", "mots": "jeunes"}') as Record<string, unknown>;
    const text = textOf(await runStructured(app, "kit", options));
    expect(text).toContain(translator("fr")("error.option.unknown", { option: "__proto__", known: "mots, public, theme, format, langue, profil, page" }).split(".")[0]);
  });
});
