/**
 * The momentum signals of every commune in a handful of set-based queries (the last
 * activity by index seeks, GROUP BY over the last year of the activity log, the CoPil roster
 * and the prompts; two small reads for communes and Fair-O-Mètre records), whatever the
 * number of communes. The same queries filtered on
 * one commune serve the single-commune view.
 */
import type { Db } from "../client.js";
import { ACTION_KINDS, TRAINING_KINDS, type MomentumSignals, type TimeWindow, MOMENTUM_CONFIG, type MomentumConfig, addDays, emptySignals } from "../../features/watch/index.js";
import type { FomGrade } from "../../core/ports.js";
import { fomGradeSchema } from "../json.js";
import { instant, num, SqlParams, type Provider } from "./watch-sql.js";

type Row = Record<string, unknown>;

/** Computes the signals at `now`, for every commune or for one (`communeId`). */
export async function loadSignals(
  db: Db,
  provider: Provider,
  now: Date,
  windows: readonly TimeWindow[],
  communeId?: string,
  c: MomentumConfig = MOMENTUM_CONFIG,
): Promise<Map<string, MomentumSignals>> {
  const [last, activity, copil, prompts, fom] = await Promise.all([
    lastActivity(db, provider, now, communeId),
    windowAggregates(db, provider, now, windows, communeId, c),
    copilAggregates(db, provider, now, communeId, c),
    promptAggregates(db, provider, now, communeId, c),
    fomRecords(db, provider, now, communeId),
  ]);
  // The first query lists every commune (with its due date): the map's keys.
  const out = new Map<string, MomentumSignals>();
  for (const r of last) {
    const s = emptySignals(instant(r.fomDueOn));
    s.lastActivityAt = instant(r.last);
    out.set(String(r.communeId), s);
  }
  for (const r of activity) {
    const s = out.get(String(r.communeId));
    if (!s) continue;
    s.actions6m = num(r.a6);
    s.actions6mSemaine = num(r.a6s);
    s.actions12m = num(r.a12);
    s.actions12mSemaine = num(r.a12s);
    s.trainings12m = num(r.t12);
  }
  for (const r of copil) {
    const s = out.get(String(r.communeId));
    if (!s) continue;
    s.copilSize = num(r.n);
    s.copilSizeBefore = num(r.b);
  }
  for (const r of prompts) {
    const s = out.get(String(r.communeId));
    if (!s) continue;
    s.promptsSent = num(r.sent);
    s.promptsAnswered = num(r.answered);
  }
  const seen = new Map<string, number>();
  for (const r of fom) {
    const id = String(r.communeId);
    const s = out.get(id);
    const n = seen.get(id) ?? 0;
    seen.set(id, n + 1);
    if (!s || n > 1) continue;
    const grade: FomGrade | null = r.grade === null || r.grade === undefined ? null : fomGradeSchema.parse(r.grade);
    if (n === 0) s.lastGrade = grade;
    else s.previousGrade = grade;
  }
  return out;
}

/**
 * Every commune with its due date and last activity: one index seek per commune on
 * (communeId, at, ...) through a correlated subquery, instead of reading every event ever
 * recorded.
 */
function lastActivity(db: Db, provider: Provider, now: Date, communeId: string | undefined): Promise<Row[]> {
  const q = new SqlParams(provider);
  const sql =
    `SELECT c."id" AS "communeId", c."fomDueOn" AS "fomDueOn", (SELECT MAX(a."at") FROM "ActivityEvent" a WHERE a."communeId" = c."id" AND a."at" <= ${q.p(now)}) AS last ` +
    `FROM "Commune" c${communeId ? ` WHERE c."id" = ${q.p(communeId)}` : ""}`;
  return db.$queryRawUnsafe<Row[]>(sql, ...q.values);
}

/**
 * Actions (with their part around the Semaine) and trainings in their windows, per commune:
 * only the last year's events are read, from the covering index (communeId, at, kind).
 * Placeholders are written inline, left to right: SQLite binds `?` in text order, so a value
 * used twice is bound twice.
 */
function windowAggregates(db: Db, provider: Provider, now: Date, windows: readonly TimeWindow[], communeId: string | undefined, c: MomentumConfig): Promise<Row[]> {
  const q = new SqlParams(provider);
  const actions = () => q.list(ACTION_KINDS);
  const since6 = () => q.p(addDays(now, -c.actions6m.days));
  const since12 = () => q.p(addDays(now, -c.actions12m.days));
  const inSemaine = () => (windows.length ? `(${windows.map((w) => `(a."at" >= ${q.p(w.from)} AND a."at" < ${q.p(w.to)})`).join(" OR ")})` : "1 = 0");
  const earliest = addDays(now, -Math.max(c.actions6m.days, c.actions12m.days, c.training.days));
  const sums =
    `SUM(CASE WHEN a."kind" IN ${actions()} AND a."at" >= ${since6()} THEN 1 ELSE 0 END) AS a6, ` +
    `SUM(CASE WHEN a."kind" IN ${actions()} AND a."at" >= ${since6()} AND ${inSemaine()} THEN 1 ELSE 0 END) AS a6s, ` +
    `SUM(CASE WHEN a."kind" IN ${actions()} AND a."at" >= ${since12()} THEN 1 ELSE 0 END) AS a12, ` +
    `SUM(CASE WHEN a."kind" IN ${actions()} AND a."at" >= ${since12()} AND ${inSemaine()} THEN 1 ELSE 0 END) AS a12s, ` +
    `SUM(CASE WHEN a."kind" IN ${q.list(TRAINING_KINDS)} AND a."at" >= ${q.p(addDays(now, -c.training.days))} THEN 1 ELSE 0 END) AS t12`;
  const filter = `a."communeId" = c."id" AND a."at" >= ${q.p(earliest)} AND a."at" <= ${q.p(now)} AND a."kind" IN ${q.list([...ACTION_KINDS, ...TRAINING_KINDS])}`;
  const only = communeId ? ` AND c."id" = ${q.p(communeId)}` : "";
  // Both forms drive the plan by the communes: one range seek per commune on the covering
  // index, whether or not the tables have statistics. SQLite: `CROSS JOIN` fixes the join
  // order. PostgreSQL: a LATERAL subquery (a plain join let it scan all the events).
  const sql =
    provider === "postgresql"
      ? `SELECT c."id" AS "communeId", x.* FROM "Commune" c CROSS JOIN LATERAL (SELECT ${sums} FROM "ActivityEvent" a WHERE ${filter}) x WHERE 1 = 1${only}`
      : `SELECT a."communeId" AS "communeId", ${sums} FROM "Commune" c CROSS JOIN "ActivityEvent" a WHERE ${filter}${only} GROUP BY a."communeId"`;
  return db.$queryRawUnsafe<Row[]>(sql, ...q.values);
}

/** CoPil members present now and `trendDays` ago, per commune. */
function copilAggregates(db: Db, provider: Provider, now: Date, communeId: string | undefined, c: MomentumConfig): Promise<Row[]> {
  const q = new SqlParams(provider);
  const present = (at: Date) => `SUM(CASE WHEN "since" <= ${q.p(at)} AND ("until" IS NULL OR "until" > ${q.p(at)}) THEN 1 ELSE 0 END)`;
  const sql =
    `SELECT "communeId", ${present(now)} AS n, ${present(addDays(now, -c.copil.trendDays))} AS b FROM "CopilMember"` +
    `${communeId ? ` WHERE "communeId" = ${q.p(communeId)}` : ""} GROUP BY "communeId"`;
  return db.$queryRawUnsafe<Row[]>(sql, ...q.values);
}

/**
 * Prompts of the answer window, per commune: answered when some activity of the commune
 * follows within the prompt's `answerBy`; counted as sent once answered or once the
 * window closed (a prompt still open and unanswered is not held against anyone).
 */
function promptAggregates(db: Db, provider: Provider, now: Date, communeId: string | undefined, c: MomentumConfig): Promise<Row[]> {
  const q = new SqlParams(provider);
  const sql =
    `SELECT "communeId", SUM(CASE WHEN ok = 1 OR closed = 1 THEN 1 ELSE 0 END) AS sent, SUM(ok) AS answered FROM (` +
    `SELECT p."communeId" AS "communeId", ` +
    `CASE WHEN EXISTS (SELECT 1 FROM "ActivityEvent" a WHERE a."communeId" = p."communeId" AND a."at" > p."sentAt" AND a."at" <= p."answerBy" AND a."at" <= ${q.p(now)}) THEN 1 ELSE 0 END AS ok, ` +
    `CASE WHEN p."answerBy" <= ${q.p(now)} THEN 1 ELSE 0 END AS closed ` +
    `FROM "CommunePrompt" p WHERE p."sentAt" >= ${q.p(addDays(now, -c.answers.days))} AND p."sentAt" <= ${q.p(now)}` +
    `${communeId ? ` AND p."communeId" = ${q.p(communeId)}` : ""}) x GROUP BY "communeId"`;
  return db.$queryRawUnsafe<Row[]>(sql, ...q.values);
}

/** Fair-O-Mètre records up to `now`, latest first per commune (the last two give the trend). */
function fomRecords(db: Db, provider: Provider, now: Date, communeId: string | undefined): Promise<Row[]> {
  const q = new SqlParams(provider);
  const sql =
    `SELECT "communeId", "grade" FROM "FomRecord" WHERE "on" <= ${q.p(now)}${communeId ? ` AND "communeId" = ${q.p(communeId)}` : ""} ` +
    `ORDER BY "communeId", "on" DESC`;
  return db.$queryRawUnsafe<Row[]>(sql, ...q.values);
}
