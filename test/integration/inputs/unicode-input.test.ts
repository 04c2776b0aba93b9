/**
 * Text is made well-formed before it is read or stored, whatever the field and the way it
 * came (a typed line, structured options, the platform's display name): a lone UTF-16
 * surrogate (half an emoji) becomes U+FFFD instead of failing in the database layer; NUL and
 * other controls, and bidirectional overrides, are removed. On SQLite and on PostgreSQL (whose
 * text columns refuse NUL).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPostgresTestApp, createTestApp, type TestApp } from "../../helpers/test-app.js";
import { prepareUser, run, runStructured, textOf } from "../../helpers/run.js";
import { translator } from "../../../src/core/i18n/catalogue.js";
import { pgReachable } from "../data/support.js";

const COPIL = { user: "copil-namur", role: "copil", commune: "Namur" } as const;
const GENERIC = translator("fr")("error.internal");
// eslint-disable-next-line no-control-regex -- looking for what must not be there
const UNWANTED = /[\uD800-\uDFFF]|[\u0000-\u0008\u000B-\u001F\u007F]|[\u202A-\u202E\u2066-\u2069]/u;

function unicodeSuite(makeApp: () => Promise<TestApp>) {
  let app: TestApp;
  beforeAll(async () => {
    app = await makeApp();
    await prepareUser(app, COPIL);
  }, 120_000);
  afterAll(async () => {
    await app?.close();
  });

  async function storedIdeas(): Promise<string[]> {
    const namur = (await app.services.repos.communes.findByName("Namur"))!;
    return (await app.services.community.ideas.list(namur.id, ["new"], 100)).map((i) => i.text);
  }

  it("a lone surrogate, NUL, controls and bidi overrides in a typed line", async () => {
    const lines = ["idee Stand \uD83D au marché", "idee Affiche \uDE00 recto", "idee Café\u0000 équitable\u0007", "idee Lien moc.\u202Elive\u202C et \u2067isolé\u2069"];
    for (const line of lines) {
      const text = textOf(await run(app, line, COPIL));
      expect(text, JSON.stringify(line)).not.toContain(GENERIC);
      expect(text, JSON.stringify(line)).not.toMatch(UNWANTED);
    }
    const ideas = await storedIdeas();
    expect(ideas).toEqual(expect.arrayContaining(["Stand \uFFFD au marché", "Affiche \uFFFD recto", "Café équitable", "Lien moc.live et isolé"]));
    for (const idea of ideas) expect(idea).not.toMatch(UNWANTED);
  });

  it("the same through structured options and in the platform's display name", async () => {
    const r = await runStructured(app, "idee", { texte: "Panneau \uDBFF\u202E gare\u0000" }, COPIL);
    expect(textOf(r)).not.toContain(GENERIC);
    expect(await storedIdeas()).toContain("Panneau \uFFFD gare");
    const named = await app.dispatcher.handle({ platform: "slack", workspaceId: "W1", userId: "U-odd", userName: "Ma\uD800rie\u202E\u0000", text: "moi" });
    expect(textOf(named)).not.toContain(GENERIC);
    const person = await app.services.repos.identity.findByAccount("slack", "W1", "U-odd");
    expect(person?.name).toBe("Ma\uFFFDrie");
  });

  it("an unknown command word or option value echoed in the reply is well-formed too", async () => {
    for (const line of ["\uD83Dkit", "langue \uDC00\u202E", "kit jeunes page:\uD800"]) {
      const text = textOf(await run(app, line));
      expect(text, JSON.stringify(line)).not.toContain(GENERIC);
      expect(text, JSON.stringify(line)).not.toMatch(UNWANTED);
    }
  });
}

describe("typed text is normalised before it is stored, on SQLite", () => {
  unicodeSuite(() => createTestApp());
});

const pgUp = await pgReachable("unicode-input");
// Skipped with pgReachable's notice when the server is down.
describe.skipIf(!pgUp)("typed text is normalised before it is stored, on PostgreSQL", () => {
  unicodeSuite(() => createPostgresTestApp());
});
