/**
 * Polls through the dispatcher: creation (quoted words, form, survey template), validation
 * in the user's language, live results, anonymity, closing (by hand, by time, announced to
 * the author once), and exact counts under concurrent clicks on SQLite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPostgresTestApp, createTestApp, type TestApp } from "../../helpers/test-app.js";
import { run, runStructured, textOf, type As } from "../../helpers/run.js";
import { refIn, rows } from "../../helpers/community.js";
import { closeDuePolls } from "../../../src/features/polls/service.js";
import { pgReachable } from "../data/support.js";

const ANNE: As = { user: "anne", role: "copil", commune: "Namur", platform: "slack" };

async function pollId(app: TestApp, line: string, as: As = ANNE): Promise<string> {
  const r = await run(app, line, as);
  const [poll] = await app.services.community.polls.findByPrefix(refIn(textOf(r)));
  if (!poll) throw new Error(textOf(r));
  return poll.id;
}

/** `people` vote at once (choices 1, 2, 3 in turn) while one more person clicks 12 times at once. */
async function concurrentVotes(app: TestApp, people: number): Promise<void> {
  const id = await pollId(app, 'sondage "Quel samedi ?" "Le 5" "Le 12" "Le 19"');
  const voters = Array.from({ length: people }, (_, i) => run(app, `sondage voter ${id} ${(i % 3) + 1}`, { user: `voter${i}`, platform: "discord" }));
  const clicks = Array.from({ length: 12 }, (_, i) => run(app, `sondage voter ${id} ${(i % 2) + 1}`, { user: "clicker", platform: "discord" }));
  const answers = await Promise.all([...voters, ...clicks]);
  for (const a of answers) expect(textOf(a)).toMatch(/Vote (enregistré|modifié)|Vous aviez déjà voté/);
  const tally = await app.services.community.polls.tally(id, 3);
  const expected = [0, 1, 2].map((c) => Array.from({ length: people }, (_, i) => i % 3).filter((x) => x === c).length);
  expect(tally.total).toBe(people + 1);
  // The clicker's one vote is on choice 1 or 2, never both, never twice.
  expect(tally.counts[0]! + tally.counts[1]! - expected[0]! - expected[1]!).toBe(1);
  expect(tally.counts[2]).toBe(expected[2]);
}

describe("polls on SQLite", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it("posts a poll in the channel with one button per choice and live results", async () => {
    const r = await run(app, 'sondage "Quel jour pour le stand ?" "Samedi" "Dimanche" fin:3j', ANNE);
    expect(r.visibility).toBe("channel");
    const text = textOf(r);
    expect(text).toContain("Quel jour pour le stand ?");
    expect(text).toContain("aucun vote");
    expect(text).toMatch(/clôture mercredi 2 décembre 2026/);
    const id = (await app.services.community.polls.findByPrefix(refIn(text)))[0]!.id;
    expect(text).toContain(`[1. Samedi](sondage voter ${id} 1)`);
    const vote = await run(app, `sondage voter ${id} 2`, { user: "bob", platform: "slack" });
    expect(textOf(vote)).toContain("Vote enregistré : **Dimanche**");
    expect(textOf(vote)).toContain("`▓▓▓▓▓▓▓▓▓▓` 1 (100 %) — bob");
    const changed = await run(app, `sondage voter ${id} 1`, { user: "bob", platform: "slack" });
    expect(textOf(changed)).toContain("Vote modifié : **Samedi**");
    expect((await app.services.community.polls.tally(id, 2)).counts).toEqual([1, 0]);
  });

  it("never names voters of an anonymous poll", async () => {
    const id = await pollId(app, 'sondage "Satisfait·e du CoPil ?" "Oui" "Non" anonyme:oui');
    const r = await run(app, `sondage voter ${id} 1`, { user: "carla", platform: "slack" });
    expect(textOf(r)).toContain("anonyme");
    expect(textOf(r)).not.toContain("carla");
  });

  it("refuses bad polls with clear messages, in the user's language", async () => {
    expect(textOf(await run(app, 'sondage "Seule option ?" "Oui"', ANNE))).toContain("de 2 à 10 choix");
    expect(textOf(await run(app, 'sondage "Q ?" "A" "B" fin:hier', ANNE))).toContain("déjà passée");
    expect(textOf(await run(app, 'sondage "Frage?" "Ja" "Nein" fin:irgendwann', { user: "dieter", locale: "de", platform: "slack" }))).toContain("Ich verstehe das Ende");
    const form = await run(app, "sondage", ANNE);
    expect(form.form?.fields.map((f) => f.name)).toEqual(["question", "choix", "anonyme", "fin", "public"]);
    const sent = await runStructured(app, "sondage", { question: "Café ou thé ?", choix: "Café\nThé\nChocolat", anonyme: "oui", fin: "vendredi 18h" }, ANNE);
    expect(textOf(sent)).toMatch(/clôture vendredi 4 décembre 2026 à 18:00/);
  });

  it("closes by hand (author or coordination only) and by time, telling the author once", async () => {
    const id = await pollId(app, 'sondage "Date du marché ?" "Mai" "Juin" fin:2h');
    expect(textOf(await run(app, `sondage fermer ${id}`, { user: "bob", platform: "slack" }))).toContain("Seul·e l’auteur·ice");
    const other = await pollId(app, 'sondage "Lieu ?" "Salle" "Place"');
    expect(textOf(await run(app, `sondage fermer ${other}`, ANNE))).toContain("Sondage clos");
    expect(textOf(await run(app, `sondage voter ${other} 1`, { user: "bob", platform: "slack" }))).toContain("est clos");
    app.setNow(new Date("2026-11-29T12:30:00Z"));
    expect(await closeDuePolls(app.services, app.services.clock())).toBe(1);
    expect(await closeDuePolls(app.services, app.services.clock())).toBe(0);
    const notice = await rows(app, `poll:${id}:closed`);
    expect(notice.map((n) => n.target.userId)).toEqual(["anne"]);
    expect(notice[0]!.summary).toContain("Votre sondage est clos");
    expect(textOf(await run(app, `sondage voter ${id} 1`, { user: "bob", platform: "slack" }))).toContain("est clos");
    app.setNow(new Date("2026-11-29T10:00:00Z"));
  });

  it("starts a survey template of the kit catalogue as a poll, from the kit's button", async () => {
    const kit = await run(app, "kit enquete citoyenne", ANNE);
    expect(textOf(kit)).toContain("[Lancer en sondage](sondage modele:modeles-enquete-citoyenne)");
    const list = await run(app, "sondage modele:modeles-enquete-citoyenne", ANNE);
    expect(textOf(list)).toContain("[Lancer la question 2](sondage modele:modeles-enquete-citoyenne numero:2)");
    const started = await run(app, "sondage modele:modeles-enquete-citoyenne numero:2", { ...ANNE, user: "dora", locale: "nl" });
    expect(textOf(started)).toContain("Wist u dat onze gemeente een ‘Fairtradegemeente’ is?");
    expect(textOf(await run(app, "sondage modele:modeles-enquete-citoyenne numero:9", ANNE))).toContain("Ce modèle a 3 questions");
  });

  it("counts exactly one vote per person under concurrent clicks", async () => {
    await concurrentVotes(app, 40);
  }, 30_000);
});

const pg = await pgReachable("polls-postgres");
describe.runIf(pg)("polls on PostgreSQL", () => {
  it("counts exactly one vote per person under concurrent clicks", async () => {
    const app = await createPostgresTestApp();
    try {
      await concurrentVotes(app, 20);
    } finally {
      await app.close();
    }
  }, 60_000);
});
