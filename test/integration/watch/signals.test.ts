/**
 * The set-based signal queries against a plain JavaScript count of the same random rows, on
 * SQLite and on PostgreSQL (a fresh schema; skipped with a notice when the server is down):
 * window edges, the Semaine weighting, CoPil trend, grades, answered prompts.
 */
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "../../../src/data/database.js";
import { createWatchRepositories } from "../../../src/data/repositories/watch.js";
import { MOMENTUM_CONFIG as C } from "../../../src/features/watch/config.js";
import { addDays, inWindows, semaineWindowsBefore } from "../../../src/features/watch/calendar.js";
import { ACTION_KINDS, TRAINING_KINDS, type MomentumSignals } from "../../../src/features/watch/ports.js";
import type { FomGrade } from "../../../src/core/ports.js";
import { pgReachable, scratchPostgres, scratchSqlite, type Scratch } from "../data/support.js";
import { prng } from "../../../bench/lib.js";

const NOW = new Date("2026-10-20T08:00:00Z"); // inside the 2026 Semaine window, a year after 2025's
const KINDS = ["initiative", "event", "evidence", "training_attended", "webinar_attended", "command", "fom_submitted"];
const GRADES: (FomGrade | null)[] = ["A", "B", "C", "D", "E", null];

interface Fixture {
  communes: { slug: string; due: Date | null }[];
  events: { c: number; kind: string; at: Date }[];
  members: { c: number; since: Date; until: Date | null }[];
  grades: { c: number; on: Date; grade: FomGrade | null }[];
  prompts: { c: number; sentAt: Date; answerBy: Date }[];
}

/** Random rows, with instants placed on and around every window edge. */
function fixture(seed: number): Fixture {
  const rand = prng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const edges = [0, 1, C.actions6m.days, C.actions12m.days, C.copil.trendDays, C.answers.days].flatMap((d) => [d - 1, d, d + 1]);
  const dayAt = () => (rand() < 0.3 ? addDays(NOW, -pick(edges)) : new Date(NOW.getTime() - rand() * 500 * 86_400_000));
  const f: Fixture = { communes: [], events: [], members: [], grades: [], prompts: [] };
  for (let c = 0; c < 24; c++) {
    f.communes.push({ slug: `sig-${seed}-${c}`, due: rand() < 0.8 ? addDays(NOW, Math.round(rand() * 400 - 100)) : null });
    const n = c % 6 === 0 ? 0 : Math.floor(rand() * 40);
    for (let i = 0; i < n; i++) f.events.push({ c, kind: pick(KINDS), at: rand() < 0.05 ? addDays(NOW, 3) : dayAt() });
    for (let i = 0; i < Math.floor(rand() * 8); i++) f.members.push({ c, since: dayAt(), until: rand() < 0.3 ? dayAt() : null });
    for (let i = 0; i < Math.floor(rand() * 3); i++) f.grades.push({ c, on: addDays(NOW, -100 - i * 700 - Math.floor(rand() * 50)), grade: pick(GRADES) });
    for (let i = 0; i < Math.floor(rand() * 4); i++) {
      const sentAt = dayAt();
      f.prompts.push({ c, sentAt, answerBy: addDays(sentAt, C.answers.answerWithinDays) });
    }
  }
  return f;
}

/** The signals, counted in JavaScript from the fixture. */
function expected(f: Fixture, c: number): MomentumSignals {
  const windows = semaineWindowsBefore(NOW);
  const ev = f.events.filter((e) => e.c === c && e.at <= NOW);
  const since = (days: number) => addDays(NOW, -days);
  const actions = ev.filter((e) => (ACTION_KINDS as readonly string[]).includes(e.kind));
  const a6 = actions.filter((e) => e.at >= since(C.actions6m.days));
  const a12 = actions.filter((e) => e.at >= since(C.actions12m.days));
  const present = (at: Date) => f.members.filter((m) => m.c === c && m.since <= at && (m.until === null || m.until > at)).length;
  const grades = f.grades.filter((g) => g.c === c && g.on <= NOW).sort((a, b) => b.on.getTime() - a.on.getTime());
  const prompts = f.prompts.filter((p) => p.c === c && p.sentAt >= since(C.answers.days) && p.sentAt <= NOW);
  const answered = prompts.filter((p) => ev.some((e) => e.at > p.sentAt && e.at <= p.answerBy));
  const last = ev.reduce<Date | null>((m, e) => (m === null || e.at > m ? e.at : m), null);
  return {
    lastActivityAt: last,
    actions6m: a6.length,
    actions6mSemaine: a6.filter((e) => inWindows(e.at, windows)).length,
    actions12m: a12.length,
    actions12mSemaine: a12.filter((e) => inWindows(e.at, windows)).length,
    trainings12m: ev.filter((e) => (TRAINING_KINDS as readonly string[]).includes(e.kind) && e.at >= since(C.training.days)).length,
    copilSize: present(NOW),
    copilSizeBefore: present(since(C.copil.trendDays)),
    lastGrade: grades[0] ? grades[0].grade : undefined,
    previousGrade: grades[1] ? grades[1].grade : undefined,
    fomDueOn: f.communes[c]!.due,
    promptsSent: prompts.filter((p) => p.answerBy <= NOW || answered.includes(p)).length,
    promptsAnswered: answered.length,
  };
}

async function load(db: Database, f: Fixture): Promise<string[]> {
  const ids: string[] = [];
  for (const c of f.communes) {
    const stored = await db.repos.communes.upsert({ slug: c.slug, name: c.slug, region: "Wallonie", province: null, languages: ["fr"], timeZone: "Europe/Brussels", profile: "rural", populationBand: "lt10k", titledOn: null, fomDueOn: c.due, latitude: null, longitude: null });
    ids.push(stored.id);
  }
  const watch = createWatchRepositories(db.prisma, db.provider);
  // One batch (the repository writes one row at a time: fine for the bot, slow for a fixture).
  await db.prisma.activityEvent.createMany({ data: f.events.map((e) => ({ communeId: ids[e.c]!, personId: null, kind: e.kind, at: e.at, data: null })) });
  for (const m of f.members) {
    const added = await watch.copil.add({ communeId: ids[m.c]!, name: "x", kind: "citizen", personId: null, since: m.since, mandateEndsOn: null });
    if (m.until) await watch.copil.remove(added.id, m.until);
  }
  for (const g of f.grades) await db.repos.communes.addFomRecord({ communeId: ids[g.c]!, on: g.on, grade: g.grade });
  for (const [i, p] of f.prompts.entries()) await watch.prompts.record({ communeId: ids[p.c]!, key: `${f.communes[0]!.slug}:k${i}`, kind: "fom", sentAt: p.sentAt, answerBy: p.answerBy });
  return ids;
}

async function check(scratch: Scratch): Promise<void> {
  const db = await openDatabase({ url: scratch.url });
  try {
    for (const seed of [7]) {
      const f = fixture(seed);
      const ids = await load(db, f);
      const watch = createWatchRepositories(db.prisma, db.provider);
      const all = await watch.momentum.signalsForAll(NOW, semaineWindowsBefore(NOW));
      for (const [c, id] of ids.entries()) {
        expect(all.get(id), `seed ${seed}, commune ${c}`).toEqual(expected(f, c));
        if (c % 5 === 0) expect(await watch.momentum.signalsFor(id, NOW, semaineWindowsBefore(NOW))).toEqual(expected(f, c));
      }
    }
  } finally {
    await db.close();
    await scratch.cleanup();
  }
}

const pgUp = await pgReachable("watch signals");
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups) await c().catch(() => {});
});

describe("momentum signals, set-based, against a JavaScript count", () => {
  it("agree on SQLite", async () => {
    await check(scratchSqlite());
  });
  // A visible skip (with the notice pgReachable prints), never a green test that checked nothing.
  it.skipIf(!pgUp)("agree on PostgreSQL", async () => {
    const scratch = scratchPostgres();
    cleanups.push(scratch.cleanup);
    await check(scratch);
  });
});
