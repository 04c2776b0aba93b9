/**
 * The demo network looks alive: on a fresh SQLite database, the demo seed gives the 40
 * communes a year of history, and the momentum watch (its real queries, through
 * `/cdce veille`) finds most of them green, some orange, a few red, each with reasons that
 * match what was seeded for it. Seeded at several dates (around the Semaine du Commerce
 * Équitable and far from it): the history is always "the last year" of the seed's `now`.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../../src/data/database.js";
import { seedDemoData } from "../../../src/data/seed/seed.js";
import { planCommunes, seedDemoHistory } from "../../../src/data/seed/load-history.js";
import { planDemoHistory, planSignals, type HistoryPlan, type PlanCommune } from "../../../src/data/seed/demo-history.js";
import { STORY_LEVEL, type Story } from "../../../src/data/seed/demo-stories.js";
import { scoreAll } from "../../../src/features/watch/scan.js";
import { daysBetween } from "../../../src/features/watch/calendar.js";
import type { Reason, ReasonCode } from "../../../src/features/watch/ports.js";
import { createTestApp } from "../../helpers/test-app.js";
import { run, textOf } from "../../helpers/run.js";

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** Weaknesses each story has: the watch must name them among the commune's reasons. */
const EXPECTED: Record<Story, ReasonCode[]> = {
  thriving: [],
  steady: [],
  slowing: ["recencyDays", "actions6m", "copilTrend"],
  smallTeam: ["copilSize", "training"],
  stalled: ["recencyDays", "actions6m", "copilTrend"],
  dormant: ["recencyDays", "actions6m", "copilTrend", "fomDecline"],
};

/** Seeds a fresh file at `now` (timed), then returns the plan and the communes it was drawn for. */
async function seedFresh(now: Date): Promise<{ url: string; plan: HistoryPlan; communes: PlanCommune[] }> {
  const dir = mkdtempSync(join(tmpdir(), "cdce-demo-"));
  dirs.push(dir);
  const url = `file:${join(dir, "demo.db")}`;
  const db = await openDatabase({ url });
  try {
    await seedDemoData(db.repos, now);
    const communes = await planCommunes(db.prisma);
    const result = await seedDemoHistory(db.prisma, now);
    if (!result.written) throw new Error(`demo history not written: ${result.why}`);
    return { url, plan: result.plan, communes };
  } finally {
    await db.close();
  }
}

/** Checks one reason's numbers against the facts the seed wrote for the commune. */
function expectReasonTrue(reason: Reason, facts: ReturnType<typeof planSignals>, now: Date, where: string) {
  const p = reason.params;
  const says = `${where}: ${reason.code} ${JSON.stringify(p)}`;
  switch (reason.code) {
    case "recencyDays":
      expect(p.days, says).toBe(daysBetween(facts.lastActivityAt!, now));
      break;
    case "recencyNever":
      expect(facts.lastActivityAt, says).toBeNull();
      break;
    case "actions6m":
      expect(p.count, says).toBe(facts.actions6m);
      break;
    case "actions12m":
      expect(p.count, says).toBe(facts.actions12m);
      break;
    case "training":
      expect(p.count, says).toBe(facts.trainings12m);
      break;
    case "copilSize":
      expect(p.size, says).toBe(facts.copilSize);
      break;
    case "copilTrend":
      expect([p.before, p.now], says).toEqual([facts.copilSizeBefore, facts.copilSize]);
      expect(facts.copilSize, says).toBeLessThan(facts.copilSizeBefore);
      break;
    case "fomGrade":
      expect(p.grade, says).toBe(facts.lastGrade ?? "?");
      break;
    case "fomDecline":
      expect([p.from, p.to], says).toEqual([facts.previousGrade, facts.lastGrade]);
      break;
    case "fomNone":
      expect(facts.lastGrade, says).toBeUndefined();
      break;
    case "fomOverdue":
      expect(p.days, says).toBe(daysBetween(facts.fomDueOn!, now));
      break;
    case "answers":
      expect(p.sent, says).toBe(facts.promptsSent);
      break;
  }
}

describe.each([
  ["just after the Semaine", "2026-11-29T10:00:00Z"],
  ["in spring", "2027-05-10T07:30:00Z"],
  ["at the start of the Semaine", "2027-10-06T08:00:00Z"],
])("demo network seeded %s", (_label, iso) => {
  const now = new Date(iso);

  it("shows a realistic spread in /cdce veille, every red or orange commune with reasons true to its history", async () => {
    const seeded = await seedFresh(now);
    // (How long it takes is a bench's business, not a test's: a loaded machine would fail it.)

    // A second start on the same file: the seed runs again and writes nothing more.
    const app = await createTestApp({ now, databaseUrl: seeded.url, demoHistory: true });
    try {
      const namur = (await app.services.repos.communes.findByName("Namur"))!.id;
      const seededForNamur = seeded.plan.activities.filter((a) => a.communeId === namur).length;
      expect(seededForNamur).toBeGreaterThan(0);
      expect((await app.services.repos.activity.recent(namur, 1000)).length).toBe(seededForNamur);

      const list = textOf(await run(app, "veille", { user: "coord", role: "coordination" }));
      const counts = /(\d+) en rouge · (\d+) en orange · (\d+) en vert/.exec(list);
      expect(counts, list).not.toBeNull();
      const [red, orange, green] = counts!.slice(1).map(Number);
      // 40 demo communes, Bertogne merged into Bastogne: 39 followed, all with history (none "no data yet").
      expect(red! + orange! + green!).toBe(39);
      expect(list).not.toContain("Bertogne");
      expect(list).not.toContain("Pas encore de données");
      expect(red!).toBeLessThan(20);
      expect(red!).toBeGreaterThanOrEqual(1);
      expect(orange!).toBeGreaterThanOrEqual(1);
      expect(green!).toBeGreaterThan(orange! + red!);
      expect(list).not.toContain("Aucune activité enregistrée");

      const scored = await scoreAll(app.services, now);
      const bySlug = new Map(seeded.communes.map((c) => [c.slug, c]));
      for (const s of scored) {
        const commune = bySlug.get(s.commune.slug)!;
        const story = seeded.plan.stories.get(commune.id)!;
        const where = `${s.commune.name} (${story}, ${s.result.score})`;
        // The level the story tells: the watch finds it from the rows alone.
        expect(s.result.level, where).toBe(STORY_LEVEL[story]);
        if (s.result.level === "green") continue;
        const facts = planSignals(seeded.plan, commune, now);
        for (const reason of s.result.allReasons) expectReasonTrue(reason, facts, now, where);
        const codes = s.result.allReasons.map((r) => r.code);
        for (const code of EXPECTED[story]) expect(codes, where).toContain(code);
      }
    } finally {
      await app.close();
    }
  }, 60_000);
});

describe("the demo history plan", () => {
  it("is deterministic and always dated from the seed's now", async () => {
    const now = new Date("2027-03-15T09:00:00Z");
    const { communes } = await seedFresh(now);
    const a = planDemoHistory(communes, now);
    const b = planDemoHistory(communes, now);
    expect(JSON.stringify([...a.stories, a])).toBe(JSON.stringify([...b.stories, b]));
    // Nothing happened more than a year ago; only local events and webinars still to come lie ahead.
    const yearAgo = now.getTime() - 366 * 86_400_000;
    for (const x of a.activities) expect(x.at.getTime()).toBeGreaterThan(yearAgo);
    const ahead = a.activities.filter((x) => x.at > now);
    expect(ahead.every((x) => x.kind === "event")).toBe(true);
    // The two active mentoring pairs and the ended one, each between demo communes.
    expect(a.mentorships.map((m) => m.state).sort()).toEqual(["active", "active", "ended"]);
  }, 30_000);
});
