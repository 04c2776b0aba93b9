/**
 * The per-channel window of posts, counted the way the platforms count them: by when each post
 * was SENT. A channel allows `limit` posts in any `windowMs`; a post may go only once it has
 * been recorded in its channel's window, and it is recorded right before it leaves. The wait
 * between two posts of a channel therefore no longer includes the previous post's round trip
 * (the old rule counted the gap from the platform's answer: every post paid its latency).
 *
 * The rule has two halves, and the tests break each one to show it matters:
 * - sent-time pacing: a post is recorded when it leaves (`reserve`), not when it is answered;
 * - the window check: before a post leaves, the sends recorded in the last `windowMs` are
 *   counted, and the post is recorded only if there is room, in one step (a JavaScript turn
 *   here, one Lua script in Redis), so two posts, or two replicas, never both take the last
 *   place. Once answered, a post's record is moved later by how much slower its round trip was
 *   than the fastest one seen (`settle`): a post held up on its way (a busy event loop, a
 *   congested network) reached the platform later than it left, and the next one, which may
 *   travel fast, must not arrive within the window of where the platform counted it.
 *
 * The Redis window takes its time from the Redis server: replicas on machines whose clocks
 * differ still count alike.
 */
import { randomUUID } from "node:crypto";

/** A recorded send; `settle` moves it later by `extraMs` (>= 0) once the post is answered. */
export interface Reservation {
  settle(extraMs: number): Promise<void>;
}

export interface SendWindow {
  /** Records a send now in `key`'s window if it has room, else returns how long until it has, in ms. */
  reserve(key: string): Promise<Reservation | number>;
  /** How long until `key`'s window has room (0: now), without recording anything. */
  wait(key: string): Promise<number>;
}

export interface WindowRule {
  /** Posts allowed per window (Slack: 1 per second per channel). */
  limit: number;
  windowMs: number;
}

const NONE: Reservation = { settle: async () => undefined };

/** The window of one process (a single replica, or no Redis). */
export class LocalSendWindow implements SendWindow {
  /** Per channel, the times (ms) at which the platform is taken to have counted its recent posts. */
  private readonly sends = new Map<string, Array<{ at: number }>>();

  constructor(
    private readonly rule: WindowRule,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Sends still inside the window at `now` (older ones forgotten). */
  private recent(key: string, now: number): Array<{ at: number }> {
    const list = (this.sends.get(key) ?? []).filter((s) => s.at > now - this.rule.windowMs);
    if (list.length) this.sends.set(key, list);
    else this.sends.delete(key);
    return list;
  }

  private room(list: ReadonlyArray<{ at: number }>, now: number): number {
    if (list.length < this.rule.limit) return 0;
    const ats = list.map((s) => s.at).sort((a, b) => a - b);
    return Math.max(1, Math.ceil(ats[ats.length - this.rule.limit]! + this.rule.windowMs - now));
  }

  async reserve(key: string): Promise<Reservation | number> {
    if (this.rule.windowMs <= 0) return NONE; // no limit (the terminal)
    const now = this.now();
    const list = this.recent(key, now);
    const wait = this.room(list, now);
    if (wait > 0) return wait;
    const send = { at: now };
    this.sends.set(key, [...list, send]);
    return { settle: async (extraMs) => void (send.at = now + Math.max(0, extraMs)) };
  }

  async wait(key: string): Promise<number> {
    if (this.rule.windowMs <= 0) return 0;
    const now = this.now();
    return this.room(this.recent(key, now), now);
  }
}

/** The subset of ioredis the shared window uses. */
export interface RedisEval {
  eval(script: string, numKeys: number, ...args: Array<string | number>): Promise<unknown>;
}

// KEYS[1]: the channel's sorted set of send times (ms, Redis clock). ARGV: limit, window,
// 1 to record, a unique member. Returns {0, now} (room, recorded if asked) or {ms until room}.
const RESERVE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local limit = tonumber(ARGV[1])
local win = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - win)
local n = redis.call('ZCARD', KEYS[1])
if n < limit then
  if ARGV[3] == '1' then
    redis.call('ZADD', KEYS[1], now, ARGV[4])
    redis.call('PEXPIRE', KEYS[1], win * 2 + 60000)
  end
  return {0, now}
end
local oldest = redis.call('ZRANGE', KEYS[1], n - limit, n - limit, 'WITHSCORES')
local w = tonumber(oldest[2]) + win - now
if w < 1 then w = 1 end
return {w}
`;

// Moves a recorded send later (only later: XX GT), if it is still there.
const SETTLE = `return redis.call('ZADD', KEYS[1], 'XX', 'GT', ARGV[1], ARGV[2])`;

/** The window shared by every replica through Redis. */
export class RedisSendWindow implements SendWindow {
  constructor(
    private readonly redis: RedisEval,
    private readonly prefix: string,
    private readonly rule: WindowRule,
  ) {}

  async reserve(key: string): Promise<Reservation | number> {
    const k = `${this.prefix}:${key}`;
    const member = randomUUID();
    const [wait, at] = (await this.redis.eval(RESERVE, 1, k, this.rule.limit, this.rule.windowMs, "1", member)) as [number, number?];
    if (Number(wait) > 0) return Number(wait);
    return { settle: async (extraMs) => void (extraMs > 0 ? await this.redis.eval(SETTLE, 1, k, Number(at) + Math.ceil(extraMs), member) : undefined) };
  }

  async wait(key: string): Promise<number> {
    const [wait] = (await this.redis.eval(RESERVE, 1, `${this.prefix}:${key}`, this.rule.limit, this.rule.windowMs, "0", "-")) as [number];
    return Number(wait);
  }
}
