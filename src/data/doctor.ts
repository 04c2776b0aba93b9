/**
 * The database part of `npm run doctor`: reachable, migrated, communes loaded, who holds
 * coordination, and the channels linked to communes (whose rights the platform checks
 * test). Reads only: pending migrations are reported, never applied.
 */
import { existsSync } from "node:fs";
import type { Finding, LinkedChannel } from "../ops/doctor/report.js";
import { fail, ok, reason, warn } from "../ops/doctor/report.js";
import type { DatabaseTimeouts } from "./timeouts.js";
import { MigrationError } from "./errors.js";
import { migrationStatus } from "./migrate.js";
import { issueClaimCode } from "../features/network/index.js";
import { PrismaCoordinatorClaimStore } from "./repositories/coordinator-claim.js";
import { openDatabase } from "./database.js";
import { parseDatabaseUrl, type DatabaseTarget } from "./url.js";

/** What the other checks need from the data, or null when it could not be read. */
export interface DataSnapshot {
  communes: number;
  /** People holding the coordination role today. */
  coordinators: number;
  channels: LinkedChannel[];
}

export interface DataInspection {
  database: Finding[];
  data: DataSnapshot | null;
}

/** The database as a person recognises it, without credentials. */
export function describeTarget(target: DatabaseTarget): string {
  if (target.provider === "sqlite") return target.file;
  const url = new URL(target.connectionString);
  return `PostgreSQL ${url.hostname}:${url.port || 5432}${url.pathname}, schema ${target.schema}`;
}

export async function inspectData(o: { url: string; timeouts?: Partial<DatabaseTimeouts>; now: Date }): Promise<DataInspection> {
  const target = parseDatabaseUrl(o.url);
  const where = describeTarget(target);
  if (target.provider === "sqlite" && !existsSync(target.file)) {
    return { database: [warn("doctor.db.sqliteNew", { where })], data: null };
  }
  let status;
  try {
    status = await migrationStatus(target);
  } catch (err) {
    if (err instanceof MigrationError && err.code !== "no_migrations") {
      return { database: [fail("doctor.db.broken", { error: reason(err) }, { key: "doctor.db.broken.fix" })], data: null };
    }
    return { database: [fail("doctor.db.unreachable", { where, error: reason(err) }, { key: "doctor.db.unreachable.fix" })], data: null };
  }
  const database: Finding[] = [ok("doctor.db.ok", { where, applied: status.applied })];
  if (status.unknown.length) database.push(warn("doctor.db.newer", { names: status.unknown.join(", ") }, { key: "doctor.db.newer.fix" }));
  if (status.pending.length) {
    // The next start applies them; the tables this version reads may not exist yet.
    database.push(warn("doctor.db.pending", { count: status.pending.length }, { key: "doctor.db.pending.fix" }));
    return { database, data: null };
  }
  const db = await openDatabase({ url: o.url, timeouts: o.timeouts });
  try {
    const [communes, coordinators, links] = await Promise.all([
      db.prisma.commune.count(),
      db.prisma.membership.count({ where: { role: "coordination", since: { lte: o.now }, OR: [{ until: null }, { until: { gt: o.now } }] } }),
      db.prisma.channelLink.findMany({ include: { commune: { select: { name: true } } }, orderBy: [{ platform: "asc" }, { createdAt: "asc" }] }),
    ]);
    const channels = links.map((l) => ({
      platform: l.platform,
      workspaceId: l.workspaceId,
      channelId: l.channelId,
      purpose: l.commune ? `${l.purpose} ${l.commune.name}` : l.purpose,
    }));
    return { database, data: { communes, coordinators, channels } };
  } finally {
    await db.close();
  }
}

/**
 * A new one-time claim code for the first coordinator (the earlier ones stop working), for
 * `npm run doctor` when nobody is coordination: the start printed one, which may be lost.
 * Null when someone became coordination meanwhile, or the record kept changing.
 */
export async function renewClaimCode(o: { url: string; timeouts?: Partial<DatabaseTimeouts>; now: Date }): Promise<{ code: string; expiresAt: Date } | null> {
  const db = await openDatabase({ url: o.url, timeouts: o.timeouts });
  try {
    const result = await issueClaimCode(new PrismaCoordinatorClaimStore(db.prisma), o.now, { renew: true });
    return result.issued ? { code: result.code, expiresAt: result.expiresAt } : null;
  } finally {
    await db.close();
  }
}
