/**
 * A named lease shared by the replicas through the database: at most one replica holds it
 * at a time. The holder renews it every `renewMs`; if it dies, the lease lapses after
 * `ttlMs` and a standby (trying every `renewMs`) takes it: within `ttlMs + renewMs`
 * (25 s with the defaults, 20 s and 5 s).
 *
 * Used for what must run once in the cluster: the Discord gateway (one connection per bot
 * token) and the singleton scheduled scans. Generic: `new Lease(store, "leader", id, ...)`.
 *
 * Safety: the holder considers itself the holder only until its last successful renewal
 * plus `ttlMs` minus a margin, so that when the database is unreachable it steps down
 * before another replica can take over, not after.
 */
import type { Logger } from "../core/logger.js";

/** Persistence of leases (src/data/lease-store.ts). */
export interface LeaseStore {
  /** Takes the lease, or renews it, if it is free, expired or already held by `holder`. */
  acquire(name: string, holder: string, now: Date, until: Date): Promise<boolean>;
  /** Gives it up at once, if held by `holder`. */
  release(name: string, holder: string): Promise<void>;
  /** The current holder, if the lease is held and not expired. */
  holder(name: string, now: Date): Promise<string | null>;
}

export interface LeaseOptions {
  /** How long a taken lease lasts without renewal (default 20 s). */
  ttlMs?: number;
  /** How often the holder renews and a standby retries (default 5 s). */
  renewMs?: number;
  logger: Logger;
  clock?: () => Date;
}

type Listener = () => Promise<void> | void;

export class Lease {
  readonly ttlMs: number;
  readonly renewMs: number;
  private holding = false;
  private validUntil = 0;
  private timer: NodeJS.Timeout | undefined;
  private started: Promise<boolean> | undefined;
  private stopped = false;
  private readonly listeners = { acquired: [] as Listener[], lost: [] as Listener[] };
  /** Transitions run one after the other, never blocking the renewals. */
  private transitions: Promise<void> = Promise.resolve();
  private readonly clock: () => Date;

  constructor(
    private readonly store: LeaseStore,
    readonly name: string,
    readonly holderId: string,
    private readonly options: LeaseOptions,
  ) {
    this.ttlMs = options.ttlMs ?? 20_000;
    this.renewMs = options.renewMs ?? 5_000;
    if (this.renewMs * 2 > this.ttlMs) throw new Error(`lease ${name}: renewMs must be at most half of ttlMs`);
    this.clock = options.clock ?? (() => new Date());
  }

  /** True while this replica holds the lease (and may act as the only one). */
  get held(): boolean {
    return this.holding && this.clock().getTime() < this.validUntil;
  }

  /** Runs `fn` each time the lease is taken (`acquired`) or lost or given up (`lost`). */
  on(event: "acquired" | "lost", fn: Listener): () => void {
    this.listeners[event].push(fn);
    return () => {
      this.listeners[event] = this.listeners[event].filter((f) => f !== fn);
    };
  }

  /**
   * Starts trying (idempotent). Resolves after the first attempt and the transition it
   * caused (e.g. the Discord adapter connected), with whether the lease is held.
   */
  start(): Promise<boolean> {
    return (this.started ??= (async () => {
      await this.tick();
      await this.transitions;
      return this.held;
    })());
  }

  /** Waits for the transitions queued so far (tests, shutdown). */
  settled(): Promise<void> {
    return this.transitions;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.tick(), this.renewMs);
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    const started = this.clock().getTime();
    let ok = false;
    try {
      // A hung database counts as a failed renewal (after half the TTL: a slow first connection is not a failure).
      ok = await withTimeout(this.store.acquire(this.name, this.holderId, new Date(started), new Date(started + this.ttlMs)), this.ttlMs / 2);
    } catch (err) {
      this.options.logger.warn({ lease: this.name, err }, "lease renewal failed");
      // Still ours until validUntil; `held` turns false by itself after that.
      if (this.holding && this.clock().getTime() >= this.validUntil) this.transition(false);
      this.schedule();
      return;
    }
    if (this.stopped) return;
    if (ok) {
      this.validUntil = started + this.ttlMs - Math.min(1_000, this.ttlMs / 4);
      if (!this.holding) this.transition(true);
    } else if (this.holding) {
      this.transition(false);
    }
    this.schedule();
  }

  private transition(acquired: boolean): void {
    this.holding = acquired;
    if (!acquired) this.validUntil = 0;
    this.options.logger.info({ lease: this.name, holder: this.holderId }, acquired ? "lease acquired" : "lease lost");
    const listeners = [...this.listeners[acquired ? "acquired" : "lost"]];
    this.transitions = this.transitions.then(async () => {
      for (const fn of listeners) {
        try {
          await fn();
        } catch (err) {
          this.options.logger.error({ lease: this.name, err }, "lease transition handler failed");
        }
      }
    });
  }

  /** Stops renewing, runs the `lost` handlers and releases the lease so a standby takes over at once. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    clearTimeout(this.timer);
    await this.started?.catch(() => undefined);
    if (this.holding) {
      this.transition(false);
      await this.transitions;
      await this.store.release(this.name, this.holderId).catch((err: unknown) => this.options.logger.warn({ lease: this.name, err }, "lease release failed"));
    }
    await this.transitions;
  }
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}
