/**
 * Pacing for messages the bot sends on its own, in front of any `PlatformSender`:
 * one bottleneck limiter per channel (Slack asks for about 1 message per second per
 * channel; Discord allows 5 per 5 s), then one per workspace (a workspace-wide cap), then
 * optionally one for the whole platform (Discord: 50 requests per second), and retries that
 * honour what the platform said: Retry-After on `rate_limited`, exponential backoff on
 * `transient`, none on `permanent`. Nothing is dropped: no high-water mark, and a message
 * that finally fails rejects its promise with the last DeliveryError for the outbox to record.
 *
 * The per-channel gap is measured from the platform's answer to the previous post, not from
 * its start: the next post then reaches the platform at least `perChannelMinTimeMs` after the
 * previous one arrived, whatever the network latency, so a strict per-channel counter never
 * sees two posts too close. The channel's slot is held during that gap (the caller gets its
 * result at once), and with `clustering` (Redis, shared by every replica) a channel is held
 * by one replica at a time: their combined pace stays under the channel's limit.
 *
 * The slot is let go `perChannelLeadMs` before the gap ends, and a post waits that long after
 * taking the slot before it goes out: the next post's preparation (`beforePost`, a database
 * write) happens inside the gap instead of after it, and no post can come sooner than the gap
 * after the previous answer, on any replica, since a post's slot is never taken before the
 * previous one's is let go. (The hand-over itself, through Redis between replicas, still
 * counts: a post cannot know when another replica let the slot go.)
 *
 * First written with the Slack adapter; extended by the outbox with the
 * platform limiter, clustering, `transientAttempts`, `lookFirstSince` and `beforePost`.
 */
import Bottleneck from "bottleneck";
import { DeliveryError, type OutboundMessage, type PlatformSender, type SentMessage } from "../core/outbound.js";
import type { Logger } from "../core/logger.js";

export interface PacingOptions {
  logger: Logger;
  /** Minimum gap between the answer to a post and the next post in one channel (default 1,000 ms). */
  perChannelMinTimeMs?: number;
  /** Of that gap, how much the next post may use to get ready (default 100 ms, at most a quarter of the gap). */
  perChannelLeadMs?: number;
  /**
   * Minimum gap between two posts in one workspace (default 100 ms: at most 10 per second).
   * 0 turns the workspace limiter off (and `perWorkspaceConcurrent` with it): clustered, every
   * limiter a post passes costs Redis round trips, one post at a time per limiter.
   */
  perWorkspaceMinTimeMs?: number;
  /** Posts in flight at once in one workspace (default 4). */
  perWorkspaceConcurrent?: number;
  /** Minimum gap between two posts on the whole platform (default: no platform limiter). */
  perPlatformMinTimeMs?: number;
  /** Posts in flight at once on the whole platform (default 20, with `perPlatformMinTimeMs`). */
  perPlatformConcurrent?: number;
  /** Attempts per message, the first included (default 6). */
  maxAttempts?: number;
  /**
   * Of those, how many may end in a transient failure before giving up (default: all).
   * The outbox uses 1: it records the failure and reschedules the row itself, durably.
   */
  transientAttempts?: number;
  /** First backoff after a transient failure (default 1 s), doubled each time up to `backoffMaxMs`. */
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  /** Share the limits with other replicas through Redis (see {@link createRedisConnection}). */
  clustering?: { connection: Bottleneck.IORedisConnection; id: string };
  /** Told about every 429 received (metrics). */
  onRateLimited?: (retryAfterMs: number) => void;
  /** Waiting before a retry, injectable so that tests can observe the waits. */
  sleep?: (ms: number) => Promise<void>;
}

/** Per-call options of {@link PacedSender.send}. */
export interface PacedSendOptions {
  /** Before the first post, ask the platform whether the message is already there (posted since then). */
  lookFirstSince?: Date;
  /** Runs in the channel's slot right before each post; throwing aborts without posting. */
  beforePost?: () => Promise<void>;
}

/** What `send` resolves with: the posted message, `found` when it was already there. */
export type PacedResult = SentMessage & { found?: boolean };

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The delay before attempt `n + 1` after a transient failure: exponential, capped, with jitter. */
export function backoffMs(attempt: number, base: number, max: number): number {
  const exp = Math.min(max, base * 2 ** attempt);
  // Up to 20 % jitter, so that replicas retrying together do not hit the API in step.
  return Math.round(exp * (0.8 + Math.random() * 0.2));
}

/**
 * A Redis connection for bottleneck's clustering; `close()` at shutdown. ioredis is loaded
 * here, only when REDIS_URL is set: a single replica never pays its memory.
 */
export async function createRedisConnection(url: string, logger: Logger): Promise<{ connection: Bottleneck.IORedisConnection; close(): Promise<void> }> {
  const { Redis } = await import("ioredis");
  const client = new Redis(url, { maxRetriesPerRequest: 3, enableOfflineQueue: true, lazyConnect: false });
  const connection = new Bottleneck.IORedisConnection({ client });
  connection.on("error", (err: unknown) => logger.warn({ err }, "redis (rate limits) error"));
  return { connection, close: async () => void (await connection.disconnect(true)) };
}

export class PacedSender {
  private readonly channels: Bottleneck.Group;
  private readonly workspaces: Bottleneck.Group;
  private readonly platform: Bottleneck | undefined;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly gap: number;
  private readonly lead: number;
  private readonly workspaceGate: boolean;

  constructor(
    private readonly sender: PlatformSender,
    private readonly options: PacingOptions,
  ) {
    this.sleep = options.sleep ?? realSleep;
    this.gap = options.perChannelMinTimeMs ?? 1000;
    this.lead = Math.max(0, Math.min(options.perChannelLeadMs ?? 100, this.gap / 4));
    const c = options.clustering;
    const shared = (name: string) =>
      // A group drops a limiter (and its Redis keys) after `timeout` without activity in the
      // cluster; a long one, so that a channel waiting out a long Retry-After is never dropped
      // with posts still queued behind it.
      c ? { datastore: "ioredis" as const, connection: c.connection, id: `${c.id}:${sender.platform}:${name}`, clearDatastore: false, timeout: 3_600_000 } : {};
    this.workspaceGate = (options.perWorkspaceMinTimeMs ?? 100) > 0;
    this.workspaces = new Bottleneck.Group({ maxConcurrent: options.perWorkspaceConcurrent ?? 4, minTime: options.perWorkspaceMinTimeMs ?? 100, ...shared("workspace") });
    // maxConcurrent 1: a channel waiting out a 429, or the gap after a post, holds its slot,
    // so the channel pauses as a whole (across replicas when clustered).
    this.channels = new Bottleneck.Group({ maxConcurrent: 1, minTime: 0, ...shared("channel") });
    if (options.perPlatformMinTimeMs !== undefined) {
      const p = shared("platform");
      this.platform = new Bottleneck({ maxConcurrent: options.perPlatformConcurrent ?? 20, minTime: options.perPlatformMinTimeMs, ...p });
      this.platform.on("error", (err: unknown) => options.logger.warn({ err }, "rate limiter error"));
    }
    for (const g of [this.workspaces, this.channels]) g.on("error", (err: unknown) => options.logger.warn({ err }, "rate limiter error"));
  }

  /** Posts `message` under the limits, retrying as the platform allows; rejects with a DeliveryError. */
  send(message: OutboundMessage, opts: PacedSendOptions = {}): Promise<PacedResult> {
    const { workspaceId, channelId } = message.target;
    return new Promise<PacedResult>((resolve, reject) => {
      this.channels
        .key(`${workspaceId}\u0000${channelId}`)
        .schedule(async () => {
          const notBefore = Date.now() + this.lead;
          let answeredAt = Date.now();
          try {
            const result = await this.attempt(message, opts, notBefore, (at) => (answeredAt = at));
            resolve(result);
          } catch (err) {
            reject(err);
          }
          // Keep the channel for the rest of the gap but the lead; the caller already has its answer.
          const rest = answeredAt + this.gap - this.lead - Date.now();
          if (rest > 0) await realSleep(rest);
        })
        .catch((err: unknown) => reject(err instanceof DeliveryError ? err : new DeliveryError("transient", `limiter: ${String((err as Error)?.message ?? err)}`, undefined, { cause: err })));
    });
  }

  /**
   * Runs `work` alone in the lane of `target` (one at a time, across replicas when
   * clustered), through the workspace and platform limiters: calendar updates of one
   * workspace never overtake each other.
   */
  exclusive<T>(target: { workspaceId: string; channelId: string }, work: () => Promise<T>): Promise<T> {
    return this.channels.key(`${target.workspaceId}\u0000${target.channelId}`).schedule(() => this.gate(target.workspaceId, work));
  }

  /** Runs one post through the workspace and platform limiters. */
  private gate<T>(workspaceId: string, fn: () => Promise<T>): Promise<T> {
    const platform = this.platform;
    const inner = () => (platform ? platform.schedule(fn) : fn());
    return this.workspaceGate ? this.workspaces.key(workspaceId).schedule(inner) : inner();
  }

  private async attempt(message: OutboundMessage, opts: PacedSendOptions, notBefore: number, answered: (at: number) => void): Promise<PacedResult> {
    const max = this.options.maxAttempts ?? 6;
    const maxTransient = this.options.transientAttempts ?? max;
    let since = opts.lookFirstSince;
    let transient = 0;
    let last: DeliveryError | undefined;
    for (let attempt = 0; attempt < max; attempt++) {
      // After a crash or a transient failure (a timeout) the post may have gone through: look first.
      if (since && this.sender.findSent) {
        const lookup = since;
        const found = await this.gate(message.target.workspaceId, () => this.sender.findSent!(message.target, message.idempotencyKey, lookup, message.reply)).catch(() => null);
        if (found) return { ...found, found: true };
      }
      // Outside the try: a failing check (the row was cancelled, the claim lost) aborts, no retry.
      await opts.beforePost?.();
      // The rest of the previous post's gap (see the top of this file); later attempts waited longer.
      // (+1: a timer may fire up to a millisecond early by Date.now(); two timers meet here.)
      const early = notBefore - Date.now();
      if (early > 0) await realSleep(early + 1);
      try {
        const sent = await this.gate(message.target.workspaceId, () => this.sender.send(message));
        answered(Date.now());
        return sent;
      } catch (err) {
        answered(Date.now());
        last = err instanceof DeliveryError ? err : new DeliveryError("transient", String(err), undefined, { cause: err });
        if (last.kind === "transient") transient++;
        if (last.kind === "rate_limited") this.options.onRateLimited?.(last.retryAfterMs ?? 1000);
        // A refused token fails every post alike: the outbox pauses the platform and logs it
        // there, once a minute at most, not once per message here.
        if (last.kind === "unauthorized") throw last;
        const log = { key: message.idempotencyKey, platform: this.sender.platform, kind: last.kind, attempt: attempt + 1, reason: last.message };
        if (last.kind === "permanent" || attempt + 1 >= max || transient >= maxTransient) {
          this.options.logger[last.kind === "permanent" ? "error" : "warn"](log, "outbound message not delivered");
          throw last;
        }
        const wait = Math.max(
          this.gap,
          last.kind === "rate_limited"
            ? (last.retryAfterMs ?? 1000)
            : backoffMs(attempt, this.options.backoffBaseMs ?? 1000, this.options.backoffMaxMs ?? 60_000),
        );
        if (last.kind === "transient") since = new Date(Date.now() - 60_000);
        this.options.logger.warn({ ...log, waitMs: wait }, "outbound message will be retried");
        await this.sleep(wait);
      }
    }
    throw last ?? new DeliveryError("transient", "no attempt made");
  }

  /**
   * Stops taking messages. By default waits for the queued ones to finish; with
   * `dropWaiting` rejects those not started yet (the outbox gives their rows back).
   */
  async stop(options: { dropWaiting?: boolean } = {}): Promise<void> {
    const dropWaitingJobs = options.dropWaiting ?? false;
    // Channels first: their queued jobs still pass through the workspace limiters.
    await Promise.all(this.channels.limiters().map(({ limiter }) => limiter.stop({ dropWaitingJobs })));
    await Promise.all(this.workspaces.limiters().map(({ limiter }) => limiter.stop({ dropWaitingJobs: false })));
    await this.platform?.stop({ dropWaitingJobs: false });
    // Clustered limiters hold Redis subscriptions and heartbeats: let them go.
    if (this.options.clustering) {
      await Promise.all([...this.channels.limiters(), ...this.workspaces.limiters()].map(({ limiter }) => limiter.disconnect(false)));
      await this.platform?.disconnect(false);
    }
  }
}
