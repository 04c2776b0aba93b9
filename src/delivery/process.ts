/**
 * The life of one claimed outbox row in the worker: checks (expired? readable?), the post
 * under the limiters, and the outcome recorded in the database:
 *
 * | outcome                         | row becomes                                   |
 * |---------------------------------|-----------------------------------------------|
 * | posted, or found already posted | `sent` (with the platform's message id)       |
 * | 429 beyond the in-slot waits    | `pending`, due after Retry-After (no attempt lost) |
 * | 5xx, timeout, network           | `pending`, due after backoff with jitter; `failed` after `maxAttempts` |
 * | refusal (no access, bad content)| `failed` at once; coordination told once       |
 * | token refused (revoked, wrong)  | `pending`; the platform paused (auth-pause.ts) |
 * | expiry passed                   | `expired`                                     |
 */
import type { Logger } from "../core/logger.js";
import { DeliveryError, type LiveViews, type OutboundMessage } from "../core/outbound.js";
import type { Clock, Platform, Reply } from "../core/types.js";
import { backoffMs } from "./limits.js";
import { describeTarget, type OutboxRow, type OutboxStore } from "./outbox.js";
import { decodePayload } from "./payload.js";
import type { OutboxPlatform } from "./worker.js";
import type { CalendarMirrorStore } from "../core/calendar.js";
import { CalendarClaimLost, syncCalendarRow } from "./calendar-sync.js";

/** Hooks for metrics; every one optional. */
export interface OutboxEvents {
  /** Posted (`found`: it had been posted before a crash or a timeout); `lateMs` after its due time. */
  sent(platform: Platform, info: { found: boolean; lateMs: number }): void;
  failed(platform: Platform, kind: "permanent" | "attempts" | "invalid"): void;
  retried(platform: Platform, kind: "rate_limited" | "transient"): void;
  expired(platform: Platform): void;
}

export interface ProcessContext {
  store: OutboxStore;
  clock: Clock;
  logger: Logger;
  maxAttempts: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  events: Partial<OutboxEvents>;
  report?: (row: OutboxRow, error: string) => Promise<void>;
  /** Builds homes and boards when their refresh is sent; without it such rows expire. */
  live?: LiveViews;
  /** Where calendar rows find and record their platform entries (absent: such rows fail). */
  calendars?: CalendarMirrorStore;
  claimsValid(): boolean;
  isStopping(): boolean;
}

/** Thrown in the channel slot when the row must not be posted (claim lost, cancelled, expired). */
class Abort extends Error {
  constructor(readonly reason: "claim" | "expired") {
    super(reason);
  }
}

/** The refreshes of each live surface in flight in this process, by surface. */
const surfaceQueues = new WeakMap<ProcessContext, Map<string, Promise<void>>>();

/** Runs `work` after the refreshes of the same surface already in flight here. */
function afterSameSurface(ctx: ProcessContext, surface: string, work: () => Promise<void>): Promise<void> {
  let queues = surfaceQueues.get(ctx);
  if (!queues) surfaceQueues.set(ctx, (queues = new Map()));
  const mine = (queues.get(surface) ?? Promise.resolve()).then(work);
  queues.set(surface, mine);
  void mine.finally(() => {
    if (queues.get(surface) === mine) queues.delete(surface);
  });
  return mine;
}

/**
 * Handles one claimed row to the end; never throws (every failure is recorded on the row).
 * Two refreshes of one board (its pinning and a change right after, or rows left during a
 * downtime) go one after the other: built together, both would find no message to edit and
 * post the board twice.
 */
export function processRow(ctx: ProcessContext, p: OutboxPlatform, row: OutboxRow, token: string, recovered: boolean): Promise<void> {
  if (row.kind !== "board" && row.kind !== "home") return processOne(ctx, p, row, token, recovered);
  return afterSameSurface(ctx, `${row.kind} ${describeTarget(row.target)}`, () => processOne(ctx, p, row, token, recovered));
}

async function processOne(ctx: ProcessContext, p: OutboxPlatform, row: OutboxRow, token: string, recovered: boolean): Promise<void> {
  const { store, clock, logger } = ctx;
  const platform = row.target.platform;
  const log = logger.child({ key: row.key, platform, target: describeTarget(row.target) });
  let posts = 0;
  try {
    if (row.kind === "removal") {
      posts = 1; // a failed removal is an attempt: retried with backoff, failed after maxAttempts
      return await removePosted(ctx, p, row, token, log);
    }
    if (row.expiresAt && row.expiresAt <= clock()) throw new Abort("expired");
    if (row.kind === "calendar") return await syncCalendar(ctx, p, row, token, log, () => posts++);
    let reply: Reply;
    let place: OutboundMessage["place"];
    if (row.kind === "home" || row.kind === "board") {
      // Built now, not when queued: the refresh shows every change made until it is sent.
      const content = ctx.live ? await ctx.live.render(row.kind, row.target) : null;
      if (!content) throw new Abort("expired");
      reply = content.reply;
      place = row.kind === "home" ? { kind: "home" } : { kind: "replace", ...(content.replaces ? { externalId: content.replaces } : {}) };
    } else {
      try {
        reply = decodePayload(row.payload);
      } catch (err) {
        await fail(ctx, row, token, `unreadable payload: ${String((err as Error).message).slice(0, 200)}`, "invalid");
        return;
      }
    }
    let target = row.target;
    if (target.userId && !target.channelId) {
      // A DM: open (or find) the conversation once and remember it on the row.
      const dm = p.sender.openDirect ? await p.sender.openDirect(target.workspaceId, target.userId) : { ...target, channelId: target.userId };
      target = { ...target, channelId: dm.channelId };
      if (p.sender.openDirect) await store.setChannel(row.id, token, dm.channelId);
    }
    // After a crash mid-post or a failed attempt, the post may have gone through: look first.
    // (Publishing a home or editing a board again is harmless: nothing to look for.)
    const lookFirstSince = !place && row.kind !== "board" && (recovered || row.attempts > 0) ? new Date((row.attemptedAt ?? row.createdAt).getTime() - 60_000) : undefined;
    const result = await p.pacer.send(
      { idempotencyKey: row.key, target, reply, ...(place ? { place } : {}) },
      {
        lookFirstSince,
        beforePost: async () => {
          // Paused by another row's refused token: this one waits, untouched.
          if (!ctx.claimsValid() || ctx.isStopping() || p.auth?.reason !== undefined) throw new Abort("claim");
          const now = clock();
          if (row.expiresAt && row.expiresAt <= now) throw new Abort("expired");
          // The first post of this claim counts as an attempt; re-posts after a 429 wait do not.
          if (!(await store.markSending(row.id, token, now, posts === 0))) throw new Abort("claim");
          posts++;
        },
      },
    );
    // A board posted anew (first time, or its message was deleted): edit that one next time.
    if (row.kind === "board" && (place?.kind !== "replace" || place.externalId !== result.externalId)) await ctx.live?.placed("board", target, result.externalId);
    await recordSent(ctx, row, token, result, log);
  } catch (err) {
    await settle(ctx, p, row, token, err, posts, log);
  }
}

/** The post is out: record it. If the database fails now, the row is given up, not retried as a failed post. */
async function recordSent(ctx: ProcessContext, row: OutboxRow, token: string, result: { externalId: string; found?: boolean }, log: Logger): Promise<void> {
  const now = ctx.clock();
  try {
    if (!(await ctx.store.markSent(row.id, token, result.externalId, now))) log.warn({}, "outbox: sent, but the row was taken over meanwhile");
  } catch (err) {
    // Taken over later like a dead replica's row: found with findSent, recorded then.
    log.error({ err }, "outbox: posted, but could not record it; the row will be checked and recorded later");
    await ctx.store.abandon(row.id, token).catch(() => undefined);
    return;
  }
  ctx.events.sent?.(row.target.platform, { found: !!result.found, lateMs: Math.max(0, now.getTime() - row.dueAt.getTime()) });
  if (result.found) log.info({ externalId: result.externalId }, "outbox: message found already posted, not posted again");
}

/**
 * A `removal` row (queued by `Notifier.retract`): takes down the message `row.externalId`
 * posted earlier on the same target. Removing a message already gone succeeds (the senders
 * treat "not found" as done). Not paced: removals are rare (a deleted initiative), and a 429
 * still comes back as `rate_limited` and reschedules the row like any other.
 */
async function removePosted(ctx: ProcessContext, p: OutboxPlatform, row: OutboxRow, token: string, log: Logger): Promise<void> {
  const { store, clock } = ctx;
  if (!row.externalId || !p.sender.remove) {
    await fail(ctx, row, token, row.externalId ? `${row.target.platform} cannot remove messages` : "removal without a message id", "invalid");
    return;
  }
  if (!(await store.markSending(row.id, token, clock(), true))) return;
  await p.sender.remove(row.target, row.externalId);
  if (!(await store.markSent(row.id, token, row.externalId, clock()))) log.warn({}, "outbox: removed, but the row was taken over meanwhile");
  log.info({ externalId: row.externalId }, "outbox: posted message removed");
}

/** A `calendar` row (calendar-sync.ts); its failures are settled like a post's. */
async function syncCalendar(ctx: ProcessContext, p: OutboxPlatform, row: OutboxRow, token: string, log: Logger, attempted: () => void): Promise<void> {
  const { store, clock } = ctx;
  if (!ctx.calendars) return void (await fail(ctx, row, token, "no calendar store in this process", "invalid"));
  try {
    await syncCalendarRow(
      {
        mirrors: ctx.calendars,
        logger: log,
        markSending: async () => {
          if (!ctx.claimsValid() || ctx.isStopping() || p.auth?.reason !== undefined) return false;
          const ok = await store.markSending(row.id, token, clock(), true);
          if (ok) attempted();
          return ok;
        },
        markSent: async (externalId) => {
          if (!(await store.markSent(row.id, token, externalId, clock()))) log.warn({}, "outbox: calendar in step, but the row was taken over meanwhile");
          else ctx.events.sent?.(row.target.platform, { found: false, lateMs: Math.max(0, clock().getTime() - row.dueAt.getTime()) });
        },
      },
      p,
      row,
    );
  } catch (err) {
    if (err instanceof CalendarClaimLost) throw new Abort("claim");
    throw err;
  }
}

async function settle(ctx: ProcessContext, p: OutboxPlatform, row: OutboxRow, token: string, err: unknown, posts: number, log: Logger): Promise<void> {
  const { store, clock } = ctx;
  const platform = row.target.platform;
  try {
    if (err instanceof Abort) {
      if (err.reason === "expired" && (await store.markExpired(row.id, token, clock()))) {
        ctx.events.expired?.(platform);
        log.info({}, "outbox: expired before it could be sent");
      }
      // "claim": cancelled or taken over (then this does nothing), or this replica may no longer
      // act on it (stopping, claims not renewed): give it back, state unchanged.
      await store.abandon(row.id, token);
      return;
    }
    const e = err instanceof DeliveryError ? err : new DeliveryError("transient", String((err as Error)?.message ?? err), undefined, { cause: err });
    const now = clock().getTime();
    if (e.kind === "unauthorized") {
      // No message's fault: pause the platform, keep this one queued (due at once: a paused
      // platform's rows are not claimed here, and a restart with a valid token sends it
      // first), with the reason shown in `/cdce admin envois`.
      p.auth?.refused(e.message);
      await store.reschedule(row.id, token, new Date(now), e.message);
      return;
    }
    if (posts === 0 && e.kind !== "permanent") {
      // Nothing was posted (stopping, limiter or lookup trouble): back in the queue as it was.
      await store.reschedule(row.id, token, new Date(now + (ctx.isStopping() ? 0 : 1000)), row.lastError);
      return;
    }
    if (e.kind === "permanent") return void (await fail(ctx, row, token, e.message, "permanent"));
    if (e.kind === "rate_limited") {
      ctx.events.retried?.(platform, "rate_limited");
      await store.reschedule(row.id, token, new Date(now + (e.retryAfterMs ?? 1000)), e.message);
      return;
    }
    const attempts = row.attempts + 1;
    if (attempts >= ctx.maxAttempts) return void (await fail(ctx, row, token, `${e.message} (after ${attempts} attempts)`, "attempts"));
    ctx.events.retried?.(platform, "transient");
    const wait = backoffMs(attempts - 1, ctx.backoffBaseMs, ctx.backoffMaxMs);
    log.warn({ attempts, waitMs: wait, reason: e.message }, "outbox: will retry");
    await store.reschedule(row.id, token, new Date(now + wait), e.message);
  } catch (dbError) {
    // Given up: taken over later and checked with findSent (the renewals must not keep it).
    log.error({ err: dbError }, "outbox: could not record the outcome");
    await store.abandon(row.id, token).catch(() => undefined);
  }
}

async function fail(ctx: ProcessContext, row: OutboxRow, token: string, error: string, kind: "permanent" | "attempts" | "invalid"): Promise<void> {
  if (!(await ctx.store.markFailed(row.id, token, error, ctx.clock()))) return;
  ctx.events.failed?.(row.target.platform, kind);
  ctx.logger.error({ key: row.key, platform: row.target.platform, target: describeTarget(row.target), kind, error }, "outbox: message failed");
  // A notice about a notice would loop when the coordination channel itself is unreachable.
  if (row.kind !== "notice" && ctx.report) {
    await ctx.report(row, error).catch((err: unknown) => ctx.logger.error({ err }, "outbox: could not report a failure"));
  }
}
