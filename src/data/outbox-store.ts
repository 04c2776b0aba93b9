/**
 * Prisma implementation of the outbox ({@link OutboxStore}), identical on SQLite and
 * PostgreSQL except for claiming: a conditional update on the due condition, which on
 * PostgreSQL locks with `FOR UPDATE SKIP LOCKED`, so that replicas claiming at the same
 * moment take different rows (each its full share) instead of queueing on each other's
 * locks. Either way a row is claimed by one batch only. The per-message queries are plain SQL (outbox-sql.ts).
 */
import type { DeliveredQuery, OutboxEntry, OutboxState } from "../core/notify.js";
import type { Platform } from "../core/types.js";
import { encodePayload } from "../delivery/payload.js";
import { encodeCalendarPayload } from "../core/calendar.js";
import type { ClaimRequest, NewOutboxMessage, OutboxRow, OutboxStats, OutboxStore, StaleClaimRequest } from "../delivery/outbox.js";
import type { Db } from "./client.js";
import type { Prisma } from "../generated/sqlite/client.js";
import { isUniqueViolation } from "./errors.js";
import { withSavepoint } from "./transaction.js";
import { pickFair, toEntry } from "./outbox-rows.js";
import { OutboxSql, type RowUpdate } from "./outbox-sql.js";
import { MicroBatch } from "./batch.js";
import { queueRemovals, WITHDRAWN_PAYLOAD } from "./outbox-removals.js";

/** Rows are written in chunks so that SQLite's bound-variable limit is never reached. */
const CHUNK = 500;
const TERMINAL: OutboxState[] = ["sent", "cancelled", "expired"];

export class PrismaOutboxStore implements OutboxStore {
  private readonly sql: OutboxSql;
  private readonly sendingBatch: MicroBatch<{ id: string; token: string }, boolean>;
  private readonly sentBatch: MicroBatch<{ id: string; token: string; externalId: string; at: Date }, boolean>;

  constructor(
    private readonly db: Db,
    private readonly provider: "sqlite" | "postgresql",
    /** Stamps rows' changes (the purge compares them with the jobs' now, which a demo clock may have moved). */
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.sql = new OutboxSql(db, provider === "postgresql");
    const held = (ids: Set<string>) => (item: { id: string }) => ids.has(item.id);
    this.sendingBatch = new MicroBatch(async (items) => held(await this.sql.markSendingMany(items, this.clock())), { delayMs: 2, maxSize: 100 });
    this.sentBatch = new MicroBatch(async (items) => held(await this.sql.markSentMany(items, this.clock())), { delayMs: 10, maxSize: 100 });
  }

  async enqueue(messages: readonly NewOutboxMessage[], now: Date): Promise<{ queued: number; duplicates: number }> {
    let queued = 0;
    for (let i = 0; i < messages.length; i += CHUNK) queued += await this.insertChunk(messages.slice(i, i + CHUNK), now);
    return { queued, duplicates: messages.length - queued };
  }

  private async insertChunk(messages: readonly NewOutboxMessage[], now: Date): Promise<number> {
    // PostgreSQL skips the keys already queued in the insert itself (ON CONFLICT DO NOTHING,
    // which also waits for a concurrent insert of the same key and then skips it): one
    // statement instead of a read, a savepoint, the insert and its release.
    if (this.provider === "postgresql") {
      const rows = this.newRows(messages, new Set(), now);
      // The option exists on PostgreSQL's client only; `Db` is typed as SQLite's (client.ts).
      const skipDuplicates = { skipDuplicates: true } as object;
      return rows.length === 0 ? 0 : (await this.db.outboxMessage.createMany({ data: rows, ...skipDuplicates })).count;
    }
    const keys = [...new Set(messages.map((m) => m.key))];
    const known = new Set(
      (await this.db.outboxMessage.findMany({ where: { idempotencyKey: { in: keys } }, select: { idempotencyKey: true } })).map((r) => r.idempotencyKey),
    );
    const rows = this.newRows(messages, known, now);
    if (rows.length === 0) return 0;
    // withSavepoint(): inside a unit of work (the change these messages announce), a key another
    // process queued meanwhile must not spoil the transaction: PostgreSQL would refuse the rest.
    try {
      return (await withSavepoint(this.db, () => this.db.outboxMessage.createMany({ data: rows }))).count;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      // Another process queued some of these keys between our read and our write: one by one.
      let count = 0;
      for (const data of rows) {
        try {
          await withSavepoint(this.db, () => this.db.outboxMessage.create({ data }));
          count++;
        } catch (e) {
          if (!isUniqueViolation(e)) throw e;
        }
      }
      return count;
    }
  }

  /** The rows to insert: keys in `known` left out, each key once. */
  private newRows(messages: readonly NewOutboxMessage[], known: Set<string>, now: Date): Prisma.OutboxMessageCreateManyInput[] {
    const rows: Prisma.OutboxMessageCreateManyInput[] = [];
    for (const m of messages) {
      if (known.has(m.key)) continue;
      known.add(m.key); // the same key twice in one batch is queued once
      rows.push({
        idempotencyKey: m.key,
        kind: m.kind ?? "notification",
        platform: m.target.platform,
        workspaceId: m.target.workspaceId,
        channelId: m.target.channelId,
        userId: m.target.userId ?? null,
        payload: m.calendar ? encodeCalendarPayload(m.calendar, m.reply.text) : encodePayload(m.reply),
        dueAt: m.dueAt,
        expiresAt: m.expiresAt ?? null,
        nextAttemptAt: m.dueAt,
        createdAt: now,
      });
    }
    return rows;
  }

  async claimDue(r: ClaimRequest): Promise<OutboxRow[]> {
    if (r.platforms.length === 0 || r.limit <= 0) return [];
    const window = Math.min(5000, Math.max(50, r.limit * 2, (r.channels?.length ?? 0) * r.perChannel * 2));
    // Read, pick fairly, then claim with a conditional update: of two replicas picking the
    // same rows, each row goes to one (see OutboxSql.claim). On PostgreSQL twice the rows
    // wanted are picked: what another replica claims at the same instant is skipped and the
    // next picks are taken.
    const picks = this.provider === "postgresql" ? { ...r, limit: r.limit * 2 } : r;
    const chosen = pickFair(await this.sql.candidates(r.now, r.platforms, window, r.channels, r.perChannel), picks);
    return this.sql.claim(chosen, r.token, r.until, r.now, r.limit);
  }

  async claimStale(r: StaleClaimRequest): Promise<OutboxRow[]> {
    if (r.platforms.length === 0) return [];
    const stale = await this.db.outboxMessage.findMany({
      where: { state: "sending", claimedUntil: { lt: r.now }, platform: { in: [...r.platforms] } },
      take: r.limit,
      select: { id: true, claimedBy: true },
    });
    const taken: string[] = [];
    for (const row of stale) {
      // Conditional on the old claim: of two replicas taking over the same row, one wins.
      const { count } = await this.db.outboxMessage.updateMany({
        where: { id: row.id, state: "sending", claimedBy: row.claimedBy, claimedUntil: { lt: r.now } },
        data: { claimedBy: r.token, claimedUntil: r.until },
      });
      if (count === 1) taken.push(row.id);
    }
    return this.sql.rows(taken, r.token, "sending");
  }

  async renewClaims(tokens: readonly string[], until: Date): Promise<number> {
    let count = 0;
    for (let i = 0; i < tokens.length; i += CHUNK) count += await this.sql.renew(tokens.slice(i, i + CHUNK), until, this.clock());
    return count;
  }

  async releaseClaims(replica: string): Promise<number> {
    const where = { claimedBy: { startsWith: `${replica}/` }, state: "pending" };
    return (await this.db.outboxMessage.updateMany({ where, data: { claimedBy: null, claimedUntil: null } })).count;
  }

  private update(id: string, token: string, set: RowUpdate): Promise<boolean> {
    return this.sql.update(id, token, set, this.clock());
  }

  /** The first post of a claim is batched with others starting now (2 ms at most); a re-post after a 429 is not. */
  markSending(id: string, token: string, now: Date, countAttempt: boolean): Promise<boolean> {
    if (countAttempt) return this.sendingBatch.add({ id, token });
    return this.update(id, token, { state: "sending", attemptedAt: now });
  }

  /**
   * Batched (see batch.ts): a post is already out, so a crash before the batch is written
   * only means the row is found with findSent after the restart.
   */
  markSent(id: string, token: string, externalId: string, now: Date): Promise<boolean> {
    return this.sentBatch.add({ id, token, externalId, at: now });
  }

  reschedule(id: string, token: string, at: Date, error: string | null): Promise<boolean> {
    return this.update(id, token, { state: "pending", nextAttemptAt: at, lastError: error?.slice(0, 1000) ?? null, claimedBy: null, claimedUntil: null });
  }

  markFailed(id: string, token: string, error: string): Promise<boolean> {
    return this.update(id, token, { state: "failed", lastError: error.slice(0, 1000), claimedBy: null, claimedUntil: null });
  }

  markExpired(id: string, token: string): Promise<boolean> {
    return this.update(id, token, { state: "expired", lastError: "expired before it could be sent", claimedBy: null, claimedUntil: null });
  }

  abandon(id: string, token: string): Promise<void> {
    return this.sql.abandon(id, token, this.clock());
  }

  setChannel(id: string, token: string, channelId: string): Promise<boolean> {
    return this.update(id, token, { channelId });
  }

  async expireDue(now: Date, limit: number): Promise<Array<{ key: string; platform: Platform }>> {
    // Claimed rows too: their replica checks the state before posting (markSending fails).
    const rows = await this.db.outboxMessage.findMany({
      where: { state: "pending", expiresAt: { lte: now } },
      take: limit,
      select: { id: true, idempotencyKey: true, platform: true },
    });
    if (rows.length === 0) return [];
    await this.db.outboxMessage.updateMany({
      where: { id: { in: rows.map((r) => r.id) }, state: "pending" },
      data: { state: "expired", lastError: "expired before it could be sent", claimedBy: null, claimedUntil: null },
    });
    return rows.map((r) => ({ key: r.idempotencyKey, platform: r.platform as Platform }));
  }

  async cancelByPrefix(prefix: string): Promise<number> {
    if (!prefix) throw new Error("cancelByPrefix needs a non-empty prefix");
    const rows = await this.db.outboxMessage.findMany({
      where: { idempotencyKey: { startsWith: prefix }, state: "pending", kind: { not: "removal" } },
      select: { id: true, idempotencyKey: true },
    });
    // LIKE treats `_` and `%` as wildcards: keep the exact prefix matches only.
    const ids = rows.filter((r) => r.idempotencyKey.startsWith(prefix)).map((r) => r.id);
    let count = 0;
    for (let i = 0; i < ids.length; i += CHUNK) {
      const where = { id: { in: ids.slice(i, i + CHUNK) }, state: "pending" };
      count += (await this.db.outboxMessage.updateMany({ where, data: { state: "cancelled", lastError: "cancelled" } })).count;
    }
    return count;
  }

  async enqueueRemovals(prefix: string, now: Date): Promise<number> {
    if (!prefix) throw new Error("enqueueRemovals needs a non-empty prefix");
    const sent = await this.db.outboxMessage.findMany({
      where: { idempotencyKey: { startsWith: prefix }, state: "sent", externalId: { not: null }, kind: { not: "removal" } },
    });
    // LIKE wildcards, as in cancelByPrefix: keep the exact prefix matches only.
    const count = await queueRemovals(this.db, sent.filter((r) => r.idempotencyKey.startsWith(prefix)), now);
    // What was cancelled under the prefix is not kept either (see outbox-removals.ts).
    const cancelled = await this.db.outboxMessage.findMany({ where: { idempotencyKey: { startsWith: prefix }, state: "cancelled", kind: { not: "removal" } }, select: { id: true, idempotencyKey: true } });
    const ids = cancelled.filter((r) => r.idempotencyKey.startsWith(prefix)).map((r) => r.id);
    for (let i = 0; i < ids.length; i += CHUNK) {
      await this.db.outboxMessage.updateMany({ where: { id: { in: ids.slice(i, i + CHUNK) } }, data: { payload: WITHDRAWN_PAYLOAD } });
    }
    return count;
  }

  async stats(now: Date = new Date()): Promise<OutboxStats> {
    const groups = await this.db.outboxMessage.groupBy({
      by: ["state", "platform"],
      where: { state: { notIn: TERMINAL } },
      _count: { _all: true },
    });
    const oldest = await this.db.outboxMessage.findFirst({
      where: { state: "pending", nextAttemptAt: { lte: now } },
      orderBy: { dueAt: "asc" },
      select: { dueAt: true },
    });
    return {
      depth: groups.map((g) => ({ state: g.state as OutboxState, platform: g.platform as Platform, count: g._count._all })),
      oldestPendingDueAt: oldest?.dueAt ?? null,
    };
  }

  async nextAttemptAfter(after: Date): Promise<Date | undefined> {
    const next = await this.db.outboxMessage.findFirst({ where: { state: "pending", nextAttemptAt: { gt: after } }, orderBy: { nextAttemptAt: "asc" }, select: { nextAttemptAt: true } });
    return next?.nextAttemptAt ?? undefined;
  }

  async countDueBetween(from: Date, to: Date): Promise<number> {
    return this.db.outboxMessage.count({ where: { dueAt: { gt: from, lte: to }, kind: { not: "removal" }, state: { not: "cancelled" } } });
  }

  async purge(before: Date): Promise<number> {
    return (await this.db.outboxMessage.deleteMany({ where: { state: { in: TERMINAL }, updatedAt: { lt: before } } })).count;
  }

  // ------------------------------------------------------------ administration (OutboxAdmin)

  async list(states: readonly OutboxState[], limit: number): Promise<OutboxEntry[]> {
    const out: OutboxEntry[] = [];
    for (const state of states) {
      if (out.length >= limit) break;
      const rows = await this.db.outboxMessage.findMany({
        where: { state },
        orderBy: state === "failed" ? [{ updatedAt: "desc" }] : [{ nextAttemptAt: "asc" }, { id: "asc" }],
        take: limit - out.length,
      });
      out.push(...rows.map(toEntry));
    }
    return out;
  }

  async delivered(q: DeliveredQuery): Promise<OutboxEntry[]> {
    const where: Prisma.OutboxMessageWhereInput[] = [];
    if (q.channels !== null) where.push({ userId: null, ...(q.channels === "all" ? {} : { channelId: q.channels }) });
    if (q.directTo !== undefined) where.push({ userId: q.directTo });
    if (where.length === 0 || q.limit <= 0) return [];
    const rows = await this.db.outboxMessage.findMany({
      where: { platform: q.platform, workspaceId: q.workspaceId, state: "sent", kind: { not: "removal" }, OR: where },
      orderBy: [{ sentAt: "desc" }, { id: "desc" }],
      take: q.limit,
    });
    return rows.reverse().map(toEntry);
  }

  async queuedBetween(since: Date, until: Date, limit: number): Promise<OutboxEntry[]> {
    const rows = await this.db.outboxMessage.findMany({
      where: { createdAt: { gte: since, lte: until }, kind: { not: "removal" } },
      orderBy: [{ dueAt: "asc" }, { id: "asc" }],
      take: limit,
    });
    return rows.map(toEntry);
  }

  async counts(): Promise<Record<OutboxState, number>> {
    const counts: Record<OutboxState, number> = { pending: 0, sending: 0, sent: 0, failed: 0, cancelled: 0, expired: 0 };
    const groups = await this.db.outboxMessage.groupBy({ by: ["state"], _count: { _all: true } });
    for (const g of groups) if (g.state in counts) counts[g.state as OutboxState] = g._count._all;
    return counts;
  }

  async retry(id: string, now: Date): Promise<boolean> {
    const { count } = await this.db.outboxMessage.updateMany({
      where: { id, state: { in: ["failed", "cancelled", "expired"] } },
      // Coordination asked for it: it goes out now, whatever its former expiry.
      data: { state: "pending", attempts: 0, nextAttemptAt: now, expiresAt: null, claimedBy: null, claimedUntil: null },
    });
    return count === 1;
  }

  async cancel(id: string): Promise<boolean> {
    const { count } = await this.db.outboxMessage.updateMany({
      where: { id, state: { in: ["pending", "failed"] } },
      data: { state: "cancelled", lastError: "cancelled by coordination" },
    });
    return count === 1;
  }
}
