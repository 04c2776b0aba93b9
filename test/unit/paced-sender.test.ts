/**
 * The per-channel rule of PacedSender (src/delivery/send-window.ts): posts are paced by when
 * they were SENT, and a window check keeps every channel under its limit. Against the fake
 * platform over HTTP, which counts the posts of each channel in a sliding window by arrival
 * and answers 429 beyond it. The platform answers late (so pacing from the answer would
 * lose more than a tenth of the rate) and holds some posts up on their way in (so a rule that ignores
 * when a post really arrived would let the next one in too early).
 *
 * Each half of the rule is then broken on purpose, through the window the sender is given,
 * and the same checks must fail: paced from the answer, the rate falls under what the limit
 * allows by more than the round trip; without the window's correction for a post held up, or without the
 * window check at all, the platform sees posts over its limit.
 */
import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { silentLogger } from "../../src/core/logger.js";
import type { OutboundMessage } from "../../src/core/outbound.js";
import { message } from "../../src/core/reply.js";
import { PacedSender } from "../../src/delivery/limits.js";
import { LocalSendWindow, RedisSendWindow, type SendWindow } from "../../src/delivery/send-window.js";
import { FakePlatform } from "../fakes/outbox/fake-platform.js";
import { createFakeSender } from "../fakes/outbox/http-sender.js";
import { REDIS_TEST_URL, redisReachable } from "../helpers/local-services.js";

const WINDOW_MS = 1000;
const CHANNELS = 4;
const PER_CHANNEL = 6;
/** The platform answers this long after counting a post. */
const ANSWER_MS = 120;
/**
 * The rate the rule must reach here: 0.97 of the allowed rate is the bench's target on a quiet
 * machine (`npm run bench -- outbox`); on a loaded 2-core machine timers fire late, so this
 * test asks for 0.93, still above what pacing from the answer reaches (about 0.89 quiet, less loaded).
 */
const MIN_RATE = 0.93;
/** Every fifth post (spread over the channels) reaches the platform this much later than it was sent. */
const HELD_UP_MS = 30;

const outbound = (key: string, channel: string): OutboundMessage => ({ idempotencyKey: key, target: { platform: "slack", workspaceId: "T1", channelId: channel }, reply: message("fr", key, "channel") });

interface Outcome {
  overLimit: number;
  /** The slowest channel's rate, over what its limit allows (1 = every post as soon as allowed). */
  rate: number;
  delivered: number;
  errors: string[];
}

/** Sends the load through a PacedSender with `window` (the real rule by default) and measures. */
async function run(window?: (rule: { limit: number; windowMs: number }) => SendWindow): Promise<Outcome> {
  let n = 0;
  const fake = await FakePlatform.start({ limit: 1, windowMs: WINDOW_MS, latencyMs: ANSWER_MS, arrivalDelayMs: () => (++n % 5 === 0 ? HELD_UP_MS : 0) });
  const sender = createFakeSender(fake.url, { timeoutMs: 10_000 });
  // Margin as in production: 0.5 % of the window.
  const rule = { limit: 1, windowMs: WINDOW_MS + WINDOW_MS / 200 };
  const paced = new PacedSender(sender, {
    logger: silentLogger,
    perChannelMinTimeMs: WINDOW_MS,
    perWorkspaceMinTimeMs: 0,
    maxAttempts: 1,
    ...(window ? { window: window(rule) } : {}),
  });
  try {
    // A sender that has been running: connections open, its fastest trip known (until then
    // every trip counts as held up, see FastestTrip in limits.ts). Channels not measured.
    for (let round = 0; round < 4; round++) await Promise.all(Array.from({ length: 20 }, (_, i) => paced.send(outbound(`warm-${round}-${i}`, `W${round}-${i}`)).catch(() => undefined)));
    const sends = [];
    const errors: string[] = [];
    for (let c = 0; c < CHANNELS; c++) for (let i = 0; i < PER_CHANNEL; i++) sends.push(paced.send(outbound(`c${c}-${i}`, `C${c}`)).catch((err: Error) => void errors.push(err.message)));
    await Promise.all(sends);
    await paced.stop();
    let rate = 1;
    for (let c = 0; c < CHANNELS; c++) {
      const at = fake.deliveries.filter((d) => d.channel === `C${c}`).map((d) => d.at);
      if (at.length < 2) continue;
      rate = Math.min(rate, ((at.length - 1) * WINDOW_MS) / (at[at.length - 1]! - at[0]!));
    }
    return { overLimit: fake.overLimit, rate, delivered: fake.deliveries.filter((d) => d.channel.startsWith("C")).length, errors };
  } finally {
    await fake.close();
  }
}

/** A window that records a send but never moves it later: sent-time pacing without the correction for posts held up. */
function withoutCorrection(inner: SendWindow): SendWindow {
  return {
    wait: (key) => inner.wait(key),
    reserve: async (key) => {
      const r = await inner.reserve(key);
      return typeof r === "number" ? r : { settle: async () => undefined };
    },
  };
}

/** A window that records each post when it is answered (the old rule): the whole round trip counts. */
function fromTheAnswer(inner: SendWindow): SendWindow {
  return {
    wait: (key) => inner.wait(key),
    reserve: async (key) => {
      const sent = performance.now();
      const r = await inner.reserve(key);
      return typeof r === "number" ? r : { settle: () => (r.settle(performance.now() - sent)) };
    },
  };
}

/** No window check: every post may go at once. */
const noCheck: SendWindow = { wait: async () => 0, reserve: async () => ({ settle: async () => undefined }) };

const TIMEOUT = 60_000;

describe("PacedSender per-channel rule", () => {
  it("keeps every channel under its limit, close to the allowed rate, paced by when posts were sent", { timeout: TIMEOUT }, async () => {
    const out = await run();
    expect(out.errors).toEqual([]);
    expect(out.overLimit).toBe(0);
    expect(out.delivered).toBe(CHANNELS * PER_CHANNEL);
    expect(out.rate).toBeGreaterThanOrEqual(MIN_RATE);
  });

  it("fails the rate when paced from the answer instead of the send", { timeout: TIMEOUT }, async () => {
    const out = await run((rule) => fromTheAnswer(new LocalSendWindow(rule)));
    expect(out.overLimit).toBe(0);
    expect(out.rate).toBeLessThan(MIN_RATE);
  });

  it("goes over the limit without the window's correction for posts held up, or without the window check", { timeout: TIMEOUT }, async () => {
    expect((await run((rule) => withoutCorrection(new LocalSendWindow(rule)))).overLimit).toBeGreaterThan(0);
    expect((await run(() => noCheck)).overLimit).toBeGreaterThan(0);
  });
});

const redisUp = await redisReachable("paced sender, shared window");
const redis = redisUp ? new Redis(REDIS_TEST_URL) : undefined;
afterAll(() => redis?.disconnect());

describe.skipIf(!redisUp)("PacedSender per-channel rule, window shared in Redis", () => {
  it("keeps every channel under its limit, close to the allowed rate", { timeout: TIMEOUT }, async () => {
    // A prefix of its own: other suites may share this Redis database.
    const prefix = `paced-sender-test:${process.pid}:${Date.now()}`;
    const out = await run((rule) => new RedisSendWindow(redis!, prefix, rule));
    expect(out.errors).toEqual([]);
    expect(out.overLimit).toBe(0);
    expect(out.delivered).toBe(CHANNELS * PER_CHANNEL);
    expect(out.rate).toBeGreaterThanOrEqual(MIN_RATE);
  });
});
