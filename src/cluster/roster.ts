/**
 * Which replicas are posting to a platform right now, and which channels are whose: every
 * replica that can post holds one of a few numbered leases ("lanes"), renewed like the leader
 * lease, and a channel belongs to one live lane by a hash of its key. Two replicas then share a
 * backlog by channels, about half each, instead of the first one to sweep taking every
 * channel's next rows; a replica that dies lets its lane lapse and its channels go to the
 * others. Ownership only decides who claims; the per-channel limit itself is kept by the
 * shared send window (src/delivery/send-window.ts), so a moment where two replicas disagree on
 * a channel's owner costs nothing but order of arrival.
 */
import type { Logger } from "../core/logger.js";
import type { LeaseStore } from "./lease.js";

export interface RosterOptions {
  /** How long a lane lasts without renewal (the lease TTL). */
  ttlMs: number;
  /** How often this replica renews its lane and reads the others' (at most every second). */
  refreshMs: number;
  logger: Logger;
  /** Whether this replica can post to the platform now: a lane is held only then. */
  active: () => boolean;
  lanes?: number;
}

/** FNV-1a: a stable, well-spread hash of a channel key (same on every replica). */
export function hashKey(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export class Roster {
  private lane: number | undefined;
  private live: number[] = [];
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private readonly lanes: number;

  constructor(
    private readonly store: LeaseStore,
    private readonly name: string,
    private readonly holderId: string,
    private readonly o: RosterOptions,
  ) {
    this.lanes = o.lanes ?? 16;
  }

  private laneName(i: number): string {
    return `${this.name}:lane:${i}`;
  }

  /** Takes or renews a lane and reads the live ones; then again every `refreshMs`. */
  async start(): Promise<void> {
    await this.refresh();
    const loop = () => {
      if (this.stopped) return;
      this.timer = setTimeout(() => void this.refresh().finally(loop), this.o.refreshMs);
      this.timer.unref();
    };
    loop();
  }

  async refresh(): Promise<void> {
    const now = new Date();
    const until = new Date(now.getTime() + this.o.ttlMs);
    try {
      if (!this.o.active()) {
        if (this.lane !== undefined) await this.store.release(this.laneName(this.lane), this.holderId);
        this.lane = undefined;
      } else if (this.lane !== undefined) {
        if (!(await this.store.acquire(this.laneName(this.lane), this.holderId, now, until))) this.lane = undefined;
      }
      if (this.o.active() && this.lane === undefined) {
        for (let i = 0; i < this.lanes && this.lane === undefined; i++) if (await this.store.acquire(this.laneName(i), this.holderId, now, until)) this.lane = i;
      }
      const held = this.store.holders
        ? (await this.store.holders(`${this.name}:lane:`, now)).map((n) => Number(n.slice(n.lastIndexOf(":") + 1)))
        : (await Promise.all(Array.from({ length: this.lanes }, async (_, i) => ((await this.store.holder(this.laneName(i), now)) ? i : -1)))).filter((i) => i >= 0);
      this.live = held.filter((i) => Number.isInteger(i)).sort((a, b) => a - b);
    } catch (err) {
      // Unknown: this replica claims any channel (the shared window still keeps the limits).
      this.live = [];
      this.o.logger.warn({ err, roster: this.name }, "roster not refreshed");
    }
  }

  /** Whether this replica should claim the channel `key` (true when alone, or when the roster is unknown). */
  owns(key: string): boolean {
    if (this.lane === undefined || this.live.length <= 1 || !this.live.includes(this.lane)) return true;
    return this.live[hashKey(key) % this.live.length] === this.lane;
  }

  /** How many replicas hold a lane (for logs and the bench). */
  get size(): number {
    return this.live.length;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    if (this.lane !== undefined) await this.store.release(this.laneName(this.lane), this.holderId).catch(() => undefined);
    this.lane = undefined;
  }
}
