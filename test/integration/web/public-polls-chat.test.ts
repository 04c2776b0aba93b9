/**
 * The chat side of public surveys, through the dispatcher on SQLite and PostgreSQL: a poll
 * started with `public:oui` gives its public link and a QR code (PNG) when PUBLIC_URL is set,
 * says there is no link yet when it is not, and needs a commune; public answers count in the
 * results, which the CoPil exports as CSV (`sondage resultats <ref> csv`), formulas defused.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appsOnEachDatabase, createTestApp, type TestApp } from "../../helpers/test-app.js";
import { run, textOf, type As } from "../../helpers/run.js";
import { answerPublicPoll } from "../../../src/features/polls/index.js";

const COPIL: As = { user: "U0COPIL", role: "copil", commune: "Namur", platform: "slack" };
const COPIL_DE: As = { user: "U0COPILDE", role: "copil", commune: "Eupen", platform: "discord", locale: "de" };
const LONER: As = { user: "U0SEUL", platform: "slack" };
const PNG = [0x89, 0x50, 0x4e, 0x47];

describe.each(await appsOnEachDatabase("public polls in the chat", { publicUrl: "https://cdce.example.be" }))("public polls from the chat (%s)", (_name, makeApp) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await makeApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it("gives the public link and a QR code, counts public answers, exports CSV", async () => {
    const r = await run(app, 'sondage "Quel jour pour le stand ?" "Samedi" "=SUM(1,2)" public:oui', COPIL);
    const text = textOf(r);
    const url = /https:\/\/cdce\.example\.be\/s\/([0-9a-f-]{36})/.exec(text);
    expect(url, text).not.toBeNull();
    expect(r.files).toHaveLength(1);
    expect(r.files![0]!.contentType).toBe("image/png");
    expect([...(r.files![0]!.data as Uint8Array).slice(0, 4)]).toEqual(PNG);
    const poll = (await app.services.community.polls.get(url![1]!))!;
    expect(poll.isPublic).toBe(true);
    expect(poll.communeId).toBe((await app.services.repos.communes.findByName("Namur"))!.id);

    await answerPublicPoll(app.services, poll.id, 0);
    await answerPublicPoll(app.services, poll.id, 0);
    await answerPublicPoll(app.services, poll.id, 1);
    await run(app, `sondage voter ${poll.id.slice(0, 8)} 2`, COPIL);
    const results = await run(app, `sondage resultats ${poll.id.slice(0, 8)} csv`, COPIL);
    expect(textOf(results)).toContain("4 votes");
    const csv = results.files?.[0];
    expect(csv?.contentType).toBe("text/csv");
    expect(String(csv!.data).split("\r\n")).toEqual(["choix,libellé,votes,pourcentage", "1,Samedi,2,50", `2,"'=SUM(1,2)",2,50`, "total,,4,100", ""]);

    // The export is the CoPil's: not a volunteer's, even of the commune; another CoPil member's, yes.
    expect(textOf(await run(app, `sondage resultats ${poll.id.slice(0, 8)} csv`, { user: "U0BENE", role: "benevole", commune: "Namur", platform: "slack" }))).toContain("L’export CSV est réservé");
    expect((await run(app, `sondage resultats ${poll.id.slice(0, 8)} csv`, { user: "U0COPIL2", role: "copil", commune: "Namur", platform: "slack" })).files).toHaveLength(1);
    expect((await run(app, `sondage resultats ${poll.id.slice(0, 8)} csv`, { user: "U0COPILE", role: "copil", commune: "Eupen", platform: "slack" })).files ?? []).toEqual([]);

    // In German, with German words.
    const de = await run(app, 'umfrage "Welcher Tag?" "Samstag" "Sonntag" oeffentlich:oui', COPIL_DE);
    expect(textOf(de)).toContain("Offen für Einwohner:innen");
    const ref = /\/s\/([0-9a-f]{8})/.exec(textOf(de))![1]!;
    const deCsv = await run(app, `umfrage ergebnisse ${ref} format:csv`, COPIL_DE);
    expect(String(deCsv.files![0]!.data)).toMatch(/^Option,Bezeichnung,Stimmen,Prozent/);
  });

  it("needs a commune for a public poll; a private poll stays off the public pages", async () => {
    const r = await run(app, 'sondage "Question ?" "A" "B" public:oui', LONER);
    expect(textOf(r)).toContain("il faut faire partie d’une commune");
    const p = await run(app, 'sondage "Question privée ?" "A" "B"', COPIL);
    expect(textOf(p)).not.toContain("cdce.example.be");
    expect(p.files ?? []).toEqual([]);
  });
});

describe("a public poll without PUBLIC_URL", () => {
  it("says there is no link to share yet", async () => {
    const app = await createTestApp();
    try {
      const r = await run(app, 'sondage "Question ?" "A" "B" public:oui', COPIL);
      expect(textOf(r)).toContain("PUBLIC_URL n’est pas réglé");
      expect(r.files ?? []).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
