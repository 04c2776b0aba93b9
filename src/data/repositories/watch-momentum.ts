/** Prisma implementation of the momentum repository: signals (set-based) and snapshots. */
import { z } from "zod";
import type { Db } from "../client.js";
import { type MomentumRepository, type MomentumSignals, type MomentumSnapshot, type Reason, type SnapshotHead, type TimeWindow, REASON_CODES, emptySignals } from "../../features/watch/index.js";
import { checkStored, fomGradeSchema, parseStored } from "../json.js";
import { loadSignals } from "./watch-signals.js";
import { instant, SqlParams, type Provider } from "./watch-sql.js";

const levelSchema = z.enum(["green", "orange", "red"]);
const alertSchema = z.enum(["level", "drop", "first"]).nullable();
const gradeOrMissing = fomGradeSchema.nullable().optional();
const dateOrNull = z.union([z.iso.datetime(), z.null()]).transform((v) => (v === null ? null : new Date(v)));

const signalsSchema = z.object({
  lastActivityAt: dateOrNull,
  actions6m: z.number(),
  actions6mSemaine: z.number(),
  actions12m: z.number(),
  actions12mSemaine: z.number(),
  trainings12m: z.number(),
  copilSize: z.number(),
  copilSizeBefore: z.number(),
  lastGrade: gradeOrMissing,
  previousGrade: gradeOrMissing,
  fomDueOn: dateOrNull,
  promptsSent: z.number(),
  promptsAnswered: z.number(),
});
const reasonsSchema = z.array(
  z.object({ code: z.enum(REASON_CODES), lost: z.number(), params: z.record(z.string(), z.union([z.string(), z.number()])) }),
);

type SnapshotRow = { id: string; communeId: string; at: unknown; score: unknown; level: string; signals: string; reasons: string; alert: string | null };

function toSnapshot(row: SnapshotRow): MomentumSnapshot {
  const origin = (column: string) => ({ table: "MomentumSnapshot", column, id: row.id });
  return {
    communeId: row.communeId,
    at: instant(row.at) ?? new Date(0),
    score: Number(row.score),
    level: checkStored(levelSchema, row.level, origin("level")),
    signals: parseStored(signalsSchema, row.signals, origin("signals")) as MomentumSignals,
    reasons: parseStored(reasonsSchema, row.reasons, origin("reasons")) as Reason[],
    alert: checkStored(alertSchema, row.alert, origin("alert")),
  };
}

type HeadRow = Omit<SnapshotRow, "signals" | "reasons">;

function toHead(row: HeadRow): SnapshotHead {
  const origin = (column: string) => ({ table: "MomentumSnapshot", column, id: row.id });
  return {
    communeId: row.communeId,
    at: instant(row.at) ?? new Date(0),
    score: Number(row.score),
    level: checkStored(levelSchema, row.level, origin("level")),
    alert: checkStored(alertSchema, row.alert, origin("alert")),
  };
}

/** Momentum signals, snapshots and their history. */
export class PrismaMomentumRepository implements MomentumRepository {
  constructor(
    private readonly db: Db,
    private readonly provider: Provider,
  ) {}

  signalsForAll(now: Date, windows: readonly TimeWindow[]): Promise<Map<string, MomentumSignals>> {
    return loadSignals(this.db, this.provider, now, windows);
  }

  async signalsFor(communeId: string, now: Date, windows: readonly TimeWindow[]): Promise<MomentumSignals> {
    const map = await loadSignals(this.db, this.provider, now, windows, communeId);
    return map.get(communeId) ?? emptySignals(null);
  }

  /** One batch insert; a snapshot already stored for the same commune and instant is kept. */
  async saveSnapshots(snapshots: readonly MomentumSnapshot[]): Promise<void> {
    if (snapshots.length === 0) return;
    await this.db.momentumSnapshot.createMany({
      data: snapshots.map((s) => ({
        communeId: s.communeId,
        at: s.at,
        score: s.score,
        level: s.level,
        signals: JSON.stringify(s.signals),
        reasons: JSON.stringify(s.reasons),
        alert: s.alert,
      })),
    });
  }

  /**
   * Each commune's latest snapshot, and its latest alerted one (heads: no JSON to parse):
   * per commune, one seek on the (communeId, at) and (communeId, alert, at) indexes, however
   * long the history grows.
   */
  async latestAll(): Promise<Map<string, { latest: SnapshotHead; lastAlert: SnapshotHead | null }>> {
    // Written so that the plan is driven by the communes (one backward index seek each) even
    // without statistics: plain joins let SQLite, then PostgreSQL, scan every snapshot.
    const latest = (alertedOnly: boolean) => {
      const alerted = alertedOnly ? ` AND x."alert" IS NOT NULL` : "";
      const last = `FROM "MomentumSnapshot" x WHERE x."communeId" = c."id"${alerted} ORDER BY x."at" DESC LIMIT 1`;
      const sql =
        this.provider === "postgresql"
          ? `SELECT s.* FROM "Commune" c CROSS JOIN LATERAL (SELECT x."id", x."communeId", x."at", x."score", x."level", x."alert" ${last}) s`
          : `SELECT s."id", s."communeId", s."at", s."score", s."level", s."alert" FROM "MomentumSnapshot" s WHERE s."id" IN (SELECT (SELECT x."id" ${last}) FROM "Commune" c)`;
      return this.db.$queryRawUnsafe<HeadRow[]>(sql);
    };
    const [all, alerted] = await Promise.all([latest(false), latest(true)]);
    const alerts = new Map(alerted.map((r) => [r.communeId, toHead(r)]));
    return new Map(all.map((r) => [r.communeId, { latest: toHead(r), lastAlert: alerts.get(r.communeId) ?? null }]));
  }

  async history(communeId: string, limit: number): Promise<MomentumSnapshot[]> {
    const q = new SqlParams(this.provider);
    const rows = await this.db.$queryRawUnsafe<SnapshotRow[]>(
      `SELECT "id", "communeId", "at", "score", "level", "signals", "reasons", "alert" FROM "MomentumSnapshot" WHERE "communeId" = ${q.p(communeId)} ORDER BY "at" DESC LIMIT ${Math.max(1, Math.floor(limit))}`,
      ...q.values,
    );
    return rows.map(toSnapshot);
  }
}
