/**
 * The durable outbox, as the delivery code sees it: one row per message to post on one
 * target, and the state machine every row follows.
 *
 * ```
 * pending ──claim──▶ pending (claimed by a replica, waiting in its limiter queue)
 *    ▲                  │ just before the post
 *    │ 5xx, timeout,    ▼
 *    └── 429 ◀──── sending ──▶ sent
 *                       │ ──▶ failed (permanent refusal, or too many attempts; coordination is told)
 * pending ──▶ expired (expiresAt passed)      pending/failed ──▶ cancelled (coordination, a feature)
 * ```
 *
 * Claims expire (`claimedUntil`) unless the replica renews them; a row left in `sending` by
 * a replica that died is taken over by another one, which asks the platform (`findSent`)
 * whether the post went through before trying again: nothing is lost, nothing is sent twice.
 * The Prisma implementation is src/data/outbox-store.ts.
 */
import type { CalendarEntry } from "../core/calendar.js";
import type { OutboxAdmin, OutboxEntry, OutboxState } from "../core/notify.js";
import type { ChannelRef, Platform, Reply } from "../core/types.js";

/** Where one row goes: a channel, or a user's direct messages (`userId`, channel opened later). */
export interface OutboxTarget extends ChannelRef {
  /** Set for a direct message; `channelId` is then "" until the DM channel is opened. */
  userId?: string;
}

/**
 * `notice`: a message about the outbox itself (a failure report), never reported in turn.
 * `removal`: takes down a message posted earlier (`externalId` on the same target), see
 * `Notifier.retract`; never cancelled by `cancelByPrefix`.
 * `home`, `board`: a refresh of a live surface (a person's home, a channel's board); the row
 * holds no content, built when it is sent (src/core/outbound.ts, `LiveViews`).
 * `calendar`: brings a platform calendar entry in step with an event (`calendar` below, see
 * src/core/calendar.ts); the target is the workspace (`channelId` ""), `externalId` the entry.
 */
export type OutboxKind = "notification" | "notice" | "removal" | "home" | "board" | "calendar";

export interface NewOutboxMessage {
  key: string;
  kind?: OutboxKind;
  target: OutboxTarget;
  /** The message; for a `calendar` row, its summary (what `/cdce admin envois` lists). */
  reply: Reply;
  /** For a `calendar` row: the entry to bring the platform in step with. */
  calendar?: CalendarEntry;
  dueAt: Date;
  expiresAt?: Date;
}

export interface OutboxRow {
  id: string;
  key: string;
  kind: OutboxKind;
  target: OutboxTarget;
  /** The stored Reply, as JSON (decoded by the worker, see payload.ts). */
  payload: string;
  dueAt: Date;
  expiresAt: Date | null;
  nextAttemptAt: Date;
  attempts: number;
  state: OutboxState;
  lastError: string | null;
  claimedBy: string | null;
  attemptedAt: Date | null;
  createdAt: Date;
  /** The platform's id of the posted message; for a `removal` row, of the message to remove. */
  externalId: string | null;
}

export interface ClaimRequest {
  now: Date;
  /** This claim batch: `<replica>/<n>`; every conditional update below checks it. */
  token: string;
  /** The claim lapses at this instant unless renewed. */
  until: Date;
  limit: number;
  /** Only rows for platforms this replica can post to right now. */
  platforms: readonly Platform[];
  /** At most this many rows per channel held locally, counting `busy(channelKey)` already held. */
  perChannel: number;
  /** Only rows of these channel ids (channels that just freed a place here), when given. */
  channels?: readonly string[];
  busy(channelKey: string): number;
}

export interface StaleClaimRequest {
  now: Date;
  token: string;
  until: Date;
  limit: number;
  platforms: readonly Platform[];
}

/** Queue depth and age, for /metrics. */
export interface OutboxStats {
  /** Rows per state and platform (sent, cancelled and expired rows are history, not depth). */
  depth: Array<{ state: OutboxState; platform: Platform; count: number }>;
  /** Oldest due time among pending rows, if any. */
  oldestPendingDueAt: Date | null;
}

/** Persistence of the outbox. Every method taking a `token` changes the row only if that claim still holds it. */
export interface OutboxStore extends OutboxAdmin {
  /** Inserts the messages whose key is new; the others count as duplicates. */
  enqueue(messages: readonly NewOutboxMessage[], now: Date): Promise<{ queued: number; duplicates: number }>;
  /** Atomically claims due pending rows (PostgreSQL: FOR UPDATE SKIP LOCKED; SQLite: one writer). */
  claimDue(request: ClaimRequest): Promise<OutboxRow[]>;
  /** Takes over rows left in `sending` whose claim lapsed (their replica died mid-post). */
  claimStale(request: StaleClaimRequest): Promise<OutboxRow[]>;
  /**
   * Extends these claims (the batches this replica still works on) to `until`. Only what is
   * in progress is renewed: a row the replica lost track of lapses and is taken over.
   */
  renewClaims(tokens: readonly string[], until: Date): Promise<number>;
  /** Gives back the pending rows this replica claimed but did not start (graceful stop). */
  releaseClaims(replica: string): Promise<number>;
  /** pending → sending just before a post (`countAttempt`: the first post of this claim). False when the claim was lost. */
  markSending(id: string, token: string, now: Date, countAttempt: boolean): Promise<boolean>;
  markSent(id: string, token: string, externalId: string, now: Date): Promise<boolean>;
  /** Back to pending, due at `at`, claim released (after a 5xx, a timeout or a 429). */
  reschedule(id: string, token: string, at: Date, error: string | null): Promise<boolean>;
  markFailed(id: string, token: string, error: string, now: Date): Promise<boolean>;
  markExpired(id: string, token: string, now: Date): Promise<boolean>;
  /**
   * Gives up this claim at once, state unchanged (the outcome could not be recorded): another
   * pass takes the row over as if this replica had died.
   */
  abandon(id: string, token: string): Promise<void>;
  /** Records the DM channel opened for a direct message. */
  setChannel(id: string, token: string, channelId: string): Promise<boolean>;
  /** Expires unclaimed pending rows whose `expiresAt` passed; returns them (for logs and metrics). */
  expireDue(now: Date, limit: number): Promise<Array<{ key: string; platform: Platform }>>;
  /** Cancels pending, unclaimed rows whose key starts with `prefix` (removals excepted). */
  cancelByPrefix(prefix: string): Promise<number>;
  /**
   * Queues a `removal` row (key `<row key>#remove`, due `now`) for each sent row whose key
   * starts with `prefix`; returns how many are queued or already waiting.
   */
  enqueueRemovals(prefix: string, now: Date): Promise<number>;
  stats(now: Date): Promise<OutboxStats>;
  /** Rows queued at or after `since` (removals aside), due first: what one `--once` command queued. */
  queuedBetween(since: Date, until: Date, limit: number): Promise<OutboxEntry[]>;
  /** Deletes sent, cancelled and expired rows last changed before `before` (housekeeping). */
  purge(before: Date): Promise<number>;
  /** When the next pending row may be tried, strictly after `after` (the terminal demo's clock wakes the sweep then). */
  nextAttemptAfter(after: Date): Promise<Date | undefined>;
  /** Messages (not removals, not cancelled) that fell due in (`from`, `to`]: what a demo advance brought due. */
  countDueBetween(from: Date, to: Date): Promise<number>;
}

/** The limiter and bookkeeping key of a row's channel (a DM counts as its own channel). */
export function channelKey(target: OutboxTarget): string {
  return `${target.platform}\u0000${target.workspaceId}\u0000${target.channelId || `@${target.userId ?? ""}`}`;
}

/** A short, human description of a target: `slack T0CDCE #C0NAMUR` or `discord 123 @456`. */
export function describeTarget(target: OutboxTarget): string {
  const where = target.userId ? `@${target.userId}` : `#${target.channelId}`;
  return `${target.platform} ${target.workspaceId} ${where}`;
}
