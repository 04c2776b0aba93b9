/**
 * The outbox's hot path in plain SQL (same text on SQLite and PostgreSQL but for the
 * placeholders and the row locks). Why not the ORM: with the driver-adapter "client"
 * engine, Prisma 6.19 compiles every ORM query in WASM, call after call; measured here,
 * an `updateMany` costs 3.6 ms of CPU on SQLite (4.5 on PostgreSQL) against 0.6 (1.2) for
 * the same statement raw. Claiming and recording each post are the per-message queries,
 * so they are written here; the rest of the store keeps the ORM.
 */
import type { OutboxState } from "../core/notify.js";
import type { Platform } from "../core/types.js";
import type { OutboxRow } from "../delivery/outbox.js";
import type { OutboxMessage } from "../generated/sqlite/client.js";
import type { Db } from "./client.js";
import { toRow, type Candidate } from "./outbox-rows.js";

/** Columns a claimed row's update may set (values bound as parameters). */
export type RowUpdate = Partial<Record<"state" | "attemptedAt" | "sentAt" | "externalId" | "nextAttemptAt" | "lastError" | "claimedBy" | "claimedUntil" | "channelId", unknown>> & {
  /** Adds one to `attempts`. */
  countAttempt?: boolean;
};

const literal = (states: readonly OutboxState[]) => states.map((s) => `'${s}'`).join(", ");

export class OutboxSql {
  constructor(
    private readonly db: Db,
    private readonly pg: boolean,
  ) {}

  /**
   * A statement builder: `bind(v)` returns the placeholder of a new parameter, in the order
   * the text is written (`?` on SQLite, `$n` on PostgreSQL), so the two always agree.
   */
  private statement(): { params: unknown[]; bind(value: unknown): string; binds(values: readonly unknown[]): string } {
    const params: unknown[] = [];
    const bind = (value: unknown) => (params.push(value), this.pg ? `$${params.length}` : "?");
    return { params, bind, binds: (values) => values.map(bind).join(", ") };
  }

  /** Updates a row still held by `token` and in one of `states`; true when it was. */
  async update(id: string, token: string, set: RowUpdate, now: Date, states: readonly OutboxState[] = ["pending", "sending"]): Promise<boolean> {
    const { countAttempt, ...columns } = set;
    const q = this.statement();
    const sets = Object.entries(columns).map(([column, value]) => `"${column}" = ${q.bind(value)}`);
    if (countAttempt) sets.push(`"attempts" = "attempts" + 1`);
    sets.push(`"updatedAt" = ${q.bind(now)}`);
    const sql = `UPDATE "OutboxMessage" SET ${sets.join(", ")} WHERE "id" = ${q.bind(id)} AND "claimedBy" = ${q.bind(token)} AND "state" IN (${literal(states)})`;
    return (await this.db.$executeRawUnsafe(sql, ...q.params)) === 1;
  }

  /**
   * Due, unclaimed pending rows for these platforms, oldest due first, taken only from the
   * head of each channel's queue: the first `perChannel` rows of the channel that are due or
   * held (claimed, being sent), wherever they are held. A channel whose head is already held
   * (here or by another replica) offers nothing more; an idle channel offers its first rows.
   * Without this, when a backlog spans many channels, the oldest rows may all belong to
   * channels already busy, and idle channels wait although each may post at once (measured:
   * 1 replica reached 0.69 of the allowed rate over 1,000 channels). A plain read: nothing
   * is locked.
   */
  candidates(now: Date, platforms: readonly Platform[], limit: number, channels?: readonly string[], perChannel = 3): Promise<Candidate[]> {
    const q = this.statement();
    // A new placeholder at each use: on SQLite they are positional, in the order of the text.
    const at = () => q.bind(now);
    const queue =
      `SELECT "id", "platform", "workspaceId", "channelId", "userId", "state", "nextAttemptAt", "claimedUntil", ` +
      `ROW_NUMBER() OVER (PARTITION BY "platform", "workspaceId", "channelId", "userId" ORDER BY "nextAttemptAt", "id") AS "place" ` +
      `FROM "OutboxMessage" ` +
      `WHERE "state" IN ('pending', 'sending') AND ("nextAttemptAt" <= ${at()} OR "claimedUntil" >= ${at()}) ` +
      `AND "platform" IN (${q.binds(platforms)}) ` +
      (channels?.length ? `AND "channelId" IN (${q.binds(channels)}) ` : "");
    const sql =
      `SELECT "id", "platform", "workspaceId", "channelId", "userId" FROM (${queue}) AS "queues" ` +
      `WHERE "place" <= ${Math.max(1, Math.floor(perChannel))} AND "state" = 'pending' AND "nextAttemptAt" <= ${at()} ` +
      `AND ("claimedUntil" IS NULL OR "claimedUntil" < ${at()}) ` +
      // Every channel's next message before any channel's one after: on a backlog over many
      // channels, all of them start posting at once, and queue depth fills in afterwards.
      `ORDER BY "place", "nextAttemptAt", "id" LIMIT ${Math.floor(limit)}`;
    return this.db.$queryRawUnsafe<Candidate[]>(sql, ...q.params);
  }

  /**
   * Claims at most `limit` of these rows for `token`, in the order given, if they are still
   * pending and free, in one statement, and returns the rows claimed. PostgreSQL: rows another
   * replica is claiming at this instant are skipped (`FOR UPDATE SKIP LOCKED`), not waited
   * for, and the next ones of the list are taken instead; so replicas reading the same
   * candidates at once get disjoint rows each (given exactly `limit` ids, the slower one got
   * nothing and sat idle until its next sweep: measured, the second replica's first posts
   * came 0.9 s after the first's). SQLite has one writer anyway.
   * One statement, no interactive transaction: nothing holds a connection between queries.
   */
  async claim(ids: readonly string[], token: string, until: Date, now: Date, limit = ids.length): Promise<OutboxRow[]> {
    if (ids.length === 0 || limit <= 0) return [];
    const q = this.statement();
    const set = `"claimedBy" = ${q.bind(token)}, "claimedUntil" = ${q.bind(until)}, "updatedAt" = ${q.bind(now)}`;
    // A function, not a string: bound where it is written (SQLite's `?` are positional).
    const free = () => `"state" = 'pending' AND ("claimedUntil" IS NULL OR "claimedUntil" < ${q.bind(now)})`;
    let where: string;
    if (this.pg) {
      // $n may appear twice in PostgreSQL: once to find the rows, once for their order.
      const list = q.binds(ids);
      where =
        `"id" IN (SELECT "id" FROM "OutboxMessage" WHERE "id" IN (${list}) AND ${free()} ` +
        `ORDER BY array_position(ARRAY[${list}]::text[], "id") LIMIT ${Math.floor(limit)} FOR UPDATE SKIP LOCKED)`;
    } else {
      where = `"id" IN (${q.binds(ids.slice(0, limit))}) AND ${free()}`;
    }
    const rows = await this.db.$queryRawUnsafe<OutboxMessage[]>(`UPDATE "OutboxMessage" SET ${set} WHERE ${where} RETURNING *`, ...q.params);
    return rows.map(toRow).sort((x, y) => x.nextAttemptAt.getTime() - y.nextAttemptAt.getTime() || (x.id < y.id ? -1 : 1));
  }

  /** The full rows of these ids still held by `token` in `state`, oldest due first. */
  async rows(ids: readonly string[], token: string, state: OutboxState): Promise<OutboxRow[]> {
    if (ids.length === 0) return [];
    const q = this.statement();
    const sql =
      `SELECT * FROM "OutboxMessage" WHERE "id" IN (${q.binds(ids)}) AND "claimedBy" = ${q.bind(token)} AND "state" = ${q.bind(state)} ` +
      `ORDER BY "nextAttemptAt", "id"`;
    const rows = await this.db.$queryRawUnsafe<OutboxMessage[]>(sql, ...q.params);
    return rows.map(toRow);
  }

  /** Marks several claimed rows `sending` (one more attempt each) in one statement; returns the ids updated. */
  async markSendingMany(items: ReadonlyArray<{ id: string; token: string }>, now: Date): Promise<Set<string>> {
    const q = this.statement();
    const sets = `"state" = 'sending', "attemptedAt" = ${q.bind(now)}, "attempts" = "attempts" + 1, "updatedAt" = ${q.bind(now)}`;
    const held = items.map((i) => `("id" = ${q.bind(i.id)} AND "claimedBy" = ${q.bind(i.token)})`).join(" OR ");
    const sql = `UPDATE "OutboxMessage" SET ${sets} WHERE (${held}) AND "state" IN ('pending', 'sending') RETURNING "id"`;
    const rows = await this.db.$queryRawUnsafe<Array<{ id: string }>>(sql, ...q.params);
    return new Set(rows.map((r) => r.id));
  }

  /**
   * Records several posts as sent in one statement (each row only if still held by its
   * token); returns the ids actually updated.
   */
  async markSentMany(items: ReadonlyArray<{ id: string; token: string; externalId: string; at: Date }>, now: Date): Promise<Set<string>> {
    const q = this.statement();
    const ext = items.map((i) => `WHEN ${q.bind(i.id)} THEN ${q.bind(i.externalId)}`).join(" ");
    // PostgreSQL types a CASE branch from its values, and a bound parameter is text: cast it.
    const ts = this.pg ? "::timestamp(3)" : "";
    const at = items.map((i) => `WHEN ${q.bind(i.id)} THEN ${q.bind(i.at)}${ts}`).join(" ");
    const sets = `"state" = 'sent', "externalId" = CASE "id" ${ext} END, "sentAt" = CASE "id" ${at} END, "claimedBy" = NULL, "claimedUntil" = NULL, "updatedAt" = ${q.bind(now)}`;
    const held = items.map((i) => `("id" = ${q.bind(i.id)} AND "claimedBy" = ${q.bind(i.token)})`).join(" OR ");
    const sql = `UPDATE "OutboxMessage" SET ${sets} WHERE (${held}) AND "state" IN ('pending', 'sending') RETURNING "id"`;
    const rows = await this.db.$queryRawUnsafe<Array<{ id: string }>>(sql, ...q.params);
    return new Set(rows.map((r) => r.id));
  }

  /**
   * Gives up a claim at once without touching the state: the row is then taken over like a
   * dead replica's (a row left in `sending` is looked up with findSent first).
   */
  async abandon(id: string, token: string, now: Date): Promise<void> {
    const q = this.statement();
    const sql = `UPDATE "OutboxMessage" SET "claimedBy" = ${q.bind(`abandoned/${token}`)}, "claimedUntil" = ${q.bind(new Date(0))}, "updatedAt" = ${q.bind(now)} WHERE "id" = ${q.bind(id)} AND "claimedBy" = ${q.bind(token)}`;
    await this.db.$executeRawUnsafe(sql, ...q.params);
  }

  /** Extends the claims of these tokens. */
  renew(tokens: readonly string[], until: Date, now: Date): Promise<number> {
    if (tokens.length === 0) return Promise.resolve(0);
    const q = this.statement();
    const sql =
      `UPDATE "OutboxMessage" SET "claimedUntil" = ${q.bind(until)}, "updatedAt" = ${q.bind(now)} ` +
      `WHERE "state" IN ('pending', 'sending') AND "claimedBy" IN (${q.binds(tokens)})`;
    return this.db.$executeRawUnsafe(sql, ...q.params);
  }
}
