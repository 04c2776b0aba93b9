/**
 * Pacing for messages the bot sends on its own, in front of any `PlatformSender`:
 * one bottleneck limiter per channel (Slack asks for about 1 message per second per
 * channel; Discord allows 5 per 5 s), then one per workspace (a workspace-wide cap), then
 * optionally one for the whole platform (Discord: 50 requests per second), and retries that
 * honour what the platform said: Retry-After on `rate_limited`, exponential backoff on
 * `transient`, none on `permanent`. Nothing is dropped: no high-water mark, and a message
 * that finally fails rejects its promise with the last DeliveryError for the outbox to record.
 *
 * The per-channel limit counts posts by when they were SENT, as the platforms do (see
 * send-window.ts): a post goes once its channel's window (`perChannelLimit` posts per
 * `perChannelMinTimeMs` plus a small `perChannelMarginMs` for jitter) has room, and is recorded
 * there as it leaves. The previous post's round trip is no longer part of the gap. With
 * `clustering` the window lives in Redis, shared by every replica: their combined posts stay
 * under the limit whichever replica sends them. In this process a channel's posts still go
 * one at a time, in order (a 429 pauses the channel as a whole).
 *
 * A post gets ready (`beforePost`, a database write) `perChannelLeadMs` before its channel's
 * window has room, inside the wait rather than after it.
 *
 * First written with the Slack adapter; extended by the outbox with the
 * platform limiter, clustering, `transientAttempts`, `lookFirstSince` and `beforePost`.
 */
import Bottleneck from "bottleneck";
import { DeliveryError, type OutboundMessage, type PlatformSender, type SentMessage } from "../core/outbound.js";
import type { Logger } from "../core/logger.js";
import { LocalSendWindow, RedisSendWindow, type RedisEval, type Reservation, type SendWindow } from "./send-window.js";

export interface PacingOptions {
  logger: Logger;
  /** The channel's window: at most `perChannelLimit` posts SENT in any `perChannelMinTimeMs` (default 1,000 ms). */
  perChannelMinTimeMs?: number;
  /** Posts per window and channel (default 1). */
  perChannelLimit?: number;
  /**
   * Added to the window (default 0.5 % of it, 1 to 5 ms): a post may travel a little faster
   * than the fastest trip measured (see send-window.ts).
   */
  perChannelMarginMs?: number;
  /** How long before the window has room the next post gets ready (default 100 ms, at most a quarter of the window). */
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
  clustering?: { connection: Bottleneck.IORedisConnection; id: string; client?: RedisEval };
  /** The channel windows (default: this process's, or Redis's with `clustering.client`); tests inject rules. */
  window?: SendWindow;
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
export async function createRedisConnection(url: string, logger: Logger): Promise<{ connection: Bottleneck.IORedisConnection; client: RedisEval; close(): Promise<void> }> {
  const { Redis } = await import("ioredis");
  const client = new Redis(url, { maxRetriesPerRequest: 3, enableOfflineQueue: true, lazyConnect: false });
  const connection = new Bottleneck.IORedisConnection({ client });
  connection.on("error", (err: unknown) => logger.warn({ err }, "redis (rate limits) error"));
  return { connection, client, close: async () => void (await connection.disconnect(true)) };
}

/**
 * The fastest round trip of a post seen (ms): what a post that was not held up takes. It is
 * trusted only once `TRUSTED_AFTER` trips were measured: the first posts (opening
 * connections, code not yet optimised) are slow on their way out too, and an estimate taken
 * from them alone would be too high and let the next post in early. Until then it is taken as
 * 0: the whole trip counts as held up, as if paced from the answer. The lowest ever, not a
 * recent one: a network that got slower for good only costs some pace, never the limit.
 */
class FastestTrip {
  static readonly TRUSTED_AFTER = 64;
  private fastest = Number.POSITIVE_INFINITY;
  private measured = 0;

  /** Call when a post leaves; call the function returned when it is answered: it returns the trip's extra delay. */
  begin(): () => number {
    const at = performance.now();
    const known = this.measured >= FastestTrip.TRUSTED_AFTER ? this.fastest : 0;
    return () => {
      const trip = performance.now() - at;
      this.measured++;
      this.fastest = Math.min(this.fastest, trip);
      return Math.max(0, trip - Math.min(known, this.fastest));
    };
  }
}

interface Lane {
  queue: Array<{ run: () => Promise<PacedResult>; resolve: (r: PacedResult) => void; reject: (e: unknown) => void }>;
  running: boolean;
}

export class PacedSender {
  private readonly channels: Bottleneck.Group;
  private readonly workspaces: Bottleneck.Group;
  private readonly platform: Bottleneck | undefined;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly gap: number;
  private readonly lead: number;
  private readonly workspaceGate: boolean;
  private readonly window: SendWindow;
  /** This process's queue of each channel: its posts go one at a time, in order. */
  private readonly lanes = new Map<string, Lane>();
  private stopped = false;
  private readonly trips = new FastestTrip();
  /** Where the time of the posts went (ms, summed): the bench prints it. */
  readonly timings = { posts: 0, waitingOnLimitMs: 0, preparingMs: 0, onPlatformMs: 0 };

  constructor(
    private readonly sender: PlatformSender,
    private readonly options: PacingOptions,
  ) {
    this.sleep = options.sleep ?? realSleep;
    this.gap = options.perChannelMinTimeMs ?? 1000;
    this.lead = Math.max(0, Math.min(options.perChannelLeadMs ?? 100, this.gap / 4));
    const margin = options.perChannelMarginMs ?? (this.gap > 0 ? Math.min(5, Math.max(1, this.gap / 200)) : 0);
    const rule = { limit: Math.max(1, options.perChannelLimit ?? 1), windowMs: this.gap > 0 ? this.gap + margin : 0 };
    this.window =
      options.window ??
      (options.clustering?.client && rule.windowMs > 0 ? new RedisSendWindow(options.clustering.client, `${options.clustering.id}:${sender.platform}:sent`, rule) : new LocalSendWindow(rule));
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
    const key = `${workspaceId}\u0000${channelId}`;
    if (this.stopped) return Promise.reject(new DeliveryError("transient", "limiter: stopped"));
    return new Promise<PacedResult>((resolve, reject) => {
      let lane = this.lanes.get(key);
      if (!lane) this.lanes.set(key, (lane = { queue: [], running: false }));
      lane.queue.push({ run: () => this.attempt(key, message, opts), resolve, reject });
      if (!lane.running) void this.drain(key, lane);
    });
  }

  /** Runs a channel's queued posts one after the other. */
  private async drain(key: string, lane: Lane): Promise<void> {
    lane.running = true;
    for (let job = lane.queue.shift(); job; job = lane.queue.shift()) {
      try {
        job.resolve(await job.run());
      } catch (err) {
        job.reject(err instanceof DeliveryError ? err : new DeliveryError("transient", `limiter: ${String((err as Error)?.message ?? err)}`, undefined, { cause: err }));
      }
    }
    lane.running = false;
    this.lanes.delete(key);
  }

  /** Waits until the channel's window has room, getting ready (`prepare`) `lead` ms before; returns the time preparing took. */
  private async untilRoom(key: string, prepare?: () => Promise<void>): Promise<number> {
    let prepared = !prepare;
    let preparing = 0;
    for (;;) {
      const wait = await this.window.wait(key);
      if (!prepared && wait <= this.lead) {
        const started = performance.now();
        await prepare!();
        preparing = performance.now() - started;
        this.timings.preparingMs += preparing;
        prepared = true;
        continue; // the preparation took some of the wait: look again
      }
      if (wait === 0) return preparing;
      await realSleep(prepared ? wait : wait - this.lead);
    }
  }

  /**
   * Sends once the channel's window has room, recorded as it leaves; the workspace and
   * platform limiters are passed first, so that the time recorded is the time it was sent.
   */
  private async post(key: string, message: OutboundMessage): Promise<SentMessage> {
    for (;;) {
      let reservation: Reservation | undefined;
      let started = 0;
      let extra = () => 0;
      const out = await this.gate(message.target.workspaceId, async () => {
        started = performance.now();
        extra = this.trips.begin();
        const r = await this.window.reserve(key);
        if (typeof r === "number") return undefined; // taken meanwhile (another replica): wait again
        reservation = r;
        return await this.sender.send(message);
      }).finally(() => {
        const late = extra();
        if (!reservation) return;
        this.timings.onPlatformMs += performance.now() - started;
        this.timings.posts++;
        // Slower than the fastest trip: held up on its way, counted later by the platform.
        void reservation.settle(late).catch((err: unknown) => this.options.logger.warn({ err }, "rate limiter: send not settled"));
      });
      if (out) return out;
      await this.untilRoom(key);
    }
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

  private async attempt(key: string, message: OutboundMessage, opts: PacedSendOptions): Promise<PacedResult> {
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
      // A failing check in `beforePost` (the row was cancelled, the claim lost) aborts, no retry.
      const waiting = performance.now();
      const preparing = await this.untilRoom(key, opts.beforePost);
      this.timings.waitingOnLimitMs += performance.now() - waiting - preparing;
      try {
        return await this.post(key, message);
      } catch (err) {
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
    this.stopped = true;
    // Channels first: their queued posts still pass through the workspace limiters.
    const running: Array<Promise<void>> = [];
    for (const lane of this.lanes.values()) {
      if (dropWaitingJobs) for (const job of lane.queue.splice(0)) job.reject(new DeliveryError("transient", "limiter: stopped before this post"));
      running.push(new Promise<void>((resolve) => lane.queue.push({ run: async () => ({ externalId: "" }), resolve: () => resolve(), reject: () => resolve() })));
    }
    await Promise.all(running);
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
