/**
 * The outbox dispatcher of one replica: claims due rows, posts them through each platform's
 * paced sender, and records what happened. Driven by the scheduler's sweep (every few
 * seconds) and by itself between sweeps (a completion frees a channel: the next row of that
 * channel is claimed at once), so throughput is bound by the rate limits, not by the sweep.
 *
 * - Only what can go out soon is claimed: at most `perChannelQueue` rows per channel and
 *   `maxInFlight` in all. A backlog after a downtime therefore leaves in due order, spread
 *   under the limits, never as a burst; rows stay `pending` in the database meanwhile.
 * - Claims lapse after `claimTtlMs` unless renewed (every third of it, only those still in
 *   progress here, so nothing can stay held by mistake): rows claimed by a replica that died
 *   go back to the others; rows it left in `sending` are checked with the
 *   platform (`findSent`) before being posted again (see process.ts).
 * - Each post is preceded, in its channel's slot, by a conditional `pending → sending`
 *   update: a row cancelled or expired meanwhile, or claimed by someone else, is not posted.
 */
import type { Logger } from "../core/logger.js";
import type { PlatformSender } from "../core/outbound.js";
import type { ChatPlatform } from "../core/platform.js";
import type { Clock, Platform } from "../core/types.js";
import { PacedSender, type PacingOptions } from "./limits.js";
import type { AuthPause } from "./auth-pause.js";
import { channelKey, type OutboxRow, type OutboxStore } from "./outbox.js";
import { processRow, type OutboxEvents, type ProcessContext } from "./process.js";

/** One platform the worker can post to. */
export interface OutboxPlatform {
  sender: PlatformSender;
  pacer: PacedSender;
  /** False while the platform cannot post (not connected, standby replica, token refused): its rows wait. */
  available(): boolean;
  /** Paused when the platform refuses the bot's token (see auth-pause.ts). */
  auth?: AuthPause;
}

/**
 * A connected platform as the worker posts to it: its `PlatformSender` part, paced, while it
 * is connected and its token is not refused.
 */
export function outboxPlatform(platform: ChatPlatform, pacing: PacingOptions, auth?: AuthPause): OutboxPlatform {
  return { sender: platform, pacer: new PacedSender(platform, pacing), available: () => platform.isConnected() && auth?.reason === undefined, auth };
}

export interface OutboxWorkerOptions {
  store: OutboxStore;
  platforms: Partial<Record<Platform, OutboxPlatform>>;
  /** This replica's id (src/cluster/instance.ts). */
  replica: string;
  logger: Logger;
  clock?: Clock;
  claimTtlMs?: number;
  maxInFlight?: number;
  /** Rows held per channel: one being posted, the next ones ready (default 3). */
  perChannelQueue?: number;
  /** After a post, how soon to claim again for the channel it freed (default 100 ms). */
  kickDelayMs?: number;
  /** Posts that may end in a transient failure before the row is failed (default 6). */
  maxAttempts?: number;
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  events?: Partial<OutboxEvents>;
  /** Tells coordination about a failed row (src/delivery/report.ts). */
  report?: ProcessContext["report"];
  /** Builds homes and boards when their refresh is sent (the home feature). */
  live?: ProcessContext["live"];
  /** The mapping of events to platform calendar entries, for `calendar` rows. */
  calendars?: ProcessContext["calendars"];
}

export class OutboxWorker {
  private readonly inFlight = new Map<string, Promise<void>>();
  private readonly perChannel = new Map<string, number>();
  /**
   * Channels that just freed a place here: the next pass claims their next rows first (a
   * plain pass reads the oldest due rows, which may all be for channels still busy).
   */
  private readonly hungry = new Set<string>();
  /** Claim tokens with rows still in progress here, and how many: only these are renewed. */
  private readonly tokens = new Map<string, number>();
  private readonly clock: Clock;
  private readonly ttl: number;
  private seq = 0;
  private stopping = false;
  private claimsValidUntil = Number.POSITIVE_INFINITY;
  private renewTimer: NodeJS.Timeout | undefined;
  private kickTimer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private readonly ctx: ProcessContext;

  constructor(private readonly o: OutboxWorkerOptions) {
    this.clock = o.clock ?? (() => new Date());
    this.ttl = o.claimTtlMs ?? 20_000;
    this.ctx = {
      store: o.store,
      clock: this.clock,
      logger: o.logger,
      maxAttempts: o.maxAttempts ?? 6,
      backoffBaseMs: o.backoffBaseMs ?? 5_000,
      backoffMaxMs: o.backoffMaxMs ?? 15 * 60_000,
      events: o.events ?? {},
      report: o.report,
      live: o.live,
      calendars: o.calendars,
      claimsValid: () => Date.now() < this.claimsValidUntil,
      isStopping: () => this.stopping,
    };
  }

  /** Starts renewing this replica's claims. Sweeps come from the scheduler (or `sweep()`). */
  start(): void {
    this.claimsValidUntil = Date.now() + this.ttl - Math.min(2_000, this.ttl / 4);
    const renew = async () => {
      const started = Date.now();
      try {
        await this.o.store.renewClaims([...this.tokens.keys()], new Date(this.clock().getTime() + this.ttl));
        this.claimsValidUntil = started + this.ttl - Math.min(2_000, this.ttl / 4);
      } catch (err) {
        this.o.logger.warn({ err }, "outbox: claims not renewed");
      }
      if (!this.stopping) (this.renewTimer = setTimeout(() => void renew(), this.ttl / 3)).unref();
    };
    (this.renewTimer = setTimeout(() => void renew(), this.ttl / 3)).unref();
  }

  /** Messages being handled by this replica right now. */
  get inFlightCount(): number {
    return this.inFlight.size;
  }

  /**
   * One pass: expire, take over rows left by dead replicas (`full`), then claim due rows
   * while there is room. Concurrent calls share the running pass (and ask for one more).
   */
  sweep(options: { full?: boolean } = { full: true }): Promise<void> {
    if (this.stopping) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.pass(options.full ?? true)
      .catch((err: unknown) => this.o.logger.error({ err }, "outbox sweep failed"))
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
    return this.running;
  }

  /** Asks for a claim-only pass soon (debounced): called when a channel frees up. */
  kick(delayMs = this.o.kickDelayMs ?? 100): void {
    if (this.stopping || this.kickTimer) return;
    this.kickTimer = setTimeout(() => {
      this.kickTimer = undefined;
      void this.sweep({ full: false });
    }, delayMs);
    this.kickTimer.unref();
  }

  private available(): Platform[] {
    for (const p of Object.values(this.o.platforms)) p?.auth?.remind();
    return (Object.entries(this.o.platforms) as Array<[Platform, OutboxPlatform]>).filter(([, p]) => p.available()).map(([name]) => name);
  }

  private token(): string {
    return `${this.o.replica}/${++this.seq}`;
  }

  private async pass(full: boolean): Promise<void> {
    const { store, logger } = this.o;
    if (full) {
      const expired = await store.expireDue(this.clock(), 1000);
      for (const e of expired) this.ctx.events.expired?.(e.platform);
      if (expired.length) logger.info({ count: expired.length, keys: expired.slice(0, 5).map((e) => e.key) }, "outbox: expired messages dropped");
    }
    const platforms = this.available();
    if (platforms.length === 0 || !this.ctx.claimsValid()) return;
    const until = () => new Date(this.clock().getTime() + this.ttl);
    if (full) {
      const token = this.token();
      const stale = await store.claimStale({ now: this.clock(), token, until: until(), limit: 100, platforms });
      if (stale.length) logger.warn({ count: stale.length }, "outbox: taking over messages left mid-post by a stopped replica");
      for (const row of stale) this.dispatch(row, token, true);
    }
    const max = this.o.maxInFlight ?? 500;
    const perChannel = this.o.perChannelQueue ?? 3;
    const busy = (k: string) => this.perChannel.get(k) ?? 0;
    if (this.hungry.size) {
      const channels = [...this.hungry].slice(0, 500);
      for (const c of channels) this.hungry.delete(c);
      const room = max - this.inFlight.size;
      if (room > 0) {
        const token = this.token();
        const rows = await store.claimDue({ now: this.clock(), token, until: until(), limit: Math.min(room, channels.length * perChannel), platforms, perChannel, busy, channels });
        for (const row of rows) this.dispatch(row, token, false);
      }
    }
    while (!this.stopping) {
      const room = max - this.inFlight.size;
      if (room <= 0) return;
      const token = this.token();
      const limit = Math.min(room, 500);
      const rows = await store.claimDue({ now: this.clock(), token, until: until(), limit, platforms, perChannel, busy });
      for (const row of rows) this.dispatch(row, token, false);
      if (rows.length < limit) return;
    }
  }

  private dispatch(row: OutboxRow, token: string, recovered: boolean): void {
    const platform = this.o.platforms[row.target.platform];
    if (!platform) return; // not claimable: claims are filtered by platform
    const key = channelKey(row.target);
    this.perChannel.set(key, (this.perChannel.get(key) ?? 0) + 1);
    this.tokens.set(token, (this.tokens.get(token) ?? 0) + 1);
    const work = processRow(this.ctx, platform, row, token, recovered).finally(() => {
      this.inFlight.delete(row.id);
      const rest = (this.tokens.get(token) ?? 1) - 1;
      if (rest > 0) this.tokens.set(token, rest);
      else this.tokens.delete(token);
      const left = (this.perChannel.get(key) ?? 1) - 1;
      if (left > 0) this.perChannel.set(key, left);
      else this.perChannel.delete(key);
      if (row.target.channelId) this.hungry.add(row.target.channelId);
      this.kick();
    });
    this.inFlight.set(row.id, work);
  }

  /**
   * Sweeps and waits for the posts, again until a pass claims nothing: everything due now has
   * been posted (or rescheduled after a failure). For a process driven step by step (the
   * terminal's runtime, a clock moved by hand, tests) rather than by the sweep's schedule.
   */
  async drain(maxPasses = 50): Promise<void> {
    for (let pass = 0; pass < maxPasses && !this.stopping; pass++) {
      await this.sweep();
      if (this.inFlight.size === 0) return;
      while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight.values()]);
    }
  }

  /**
   * Stops claiming, gives back the rows not started yet (they stay `pending` for the next
   * replica or start), waits for posts in progress, then stops the limiters.
   */
  async stop(): Promise<void> {
    if (this.stopping) return;
    this.stopping = true;
    clearTimeout(this.kickTimer);
    clearTimeout(this.renewTimer);
    await this.running;
    const pacers = new Set(Object.values(this.o.platforms).map((p) => p!.pacer));
    await Promise.all([...pacers].map((p) => p.stop({ dropWaiting: true })));
    await Promise.allSettled([...this.inFlight.values()]);
    await this.o.store.releaseClaims(this.o.replica).catch((err: unknown) => this.o.logger.warn({ err }, "outbox: claims not released"));
  }
}
