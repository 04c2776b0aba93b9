/**
 * Two replicas (real processes, the real runtime) on one PostgreSQL database and one Redis,
 * sending 200 messages to 20 channels of a fake platform that refuses (429) any post
 * beyond its per-channel limit: each message is delivered exactly once, both replicas take
 * part, and their combined pace never exceeds a channel's limit (bottleneck clustering).
 * Skipped, with a notice, when PostgreSQL or Redis is unreachable.
 *
 * Sized to hold on a loaded 2-core machine within a minute: each channel still gets 10
 * posts in a row (so the shared per-channel limit is exercised 9 times per channel, 180
 * times in all), but the total is what two starved processes deliver in seconds, not
 * minutes (the throughput at scale is measured by `npm run bench -- outbox`); the replicas
 * run compiled (test/helpers/compiled.ts), which halves their start.
 */
import { afterAll, describe, expect, it } from "vitest";
import { createApp, type App } from "../../../src/app.js";
import { silentLogger } from "../../../src/core/logger.js";
import { message } from "../../../src/core/reply.js";
import { killAll, startChild } from "../../helpers/child.js";
import { compiledEntry } from "../../helpers/compiled.js";
import { flushRedis, REDIS_TEST_URL, redisReachable } from "../../helpers/local-services.js";
import { FakePlatform } from "../../fakes/outbox/fake-platform.js";
import { pgReachable, scratchPostgres, withPg } from "../data/support.js";
import { until, WS } from "./world.js";

const N = 200;
const CHANNELS = 20;
const WINDOW_MS = 500;
/** The whole test, replicas' start included; the waits inside share it. */
const BUDGET_MS = 60_000;
const HOUR_MS = 3_600_000;
const up = (await pgReachable("two replicas on PostgreSQL and Redis")) && (await redisReachable("two replicas on PostgreSQL and Redis"));

let app: App | undefined;
let fake: FakePlatform | undefined;
const scratch = scratchPostgres();
afterAll(async () => {
  await killAll();
  await fake?.close();
  await app?.close();
  if (up) {
    await scratch.cleanup();
    await flushRedis();
  }
});

describe.skipIf(!up)("two replicas on PostgreSQL and Redis", () => {
  it("deliver 200 messages exactly once, sharing the work, never over a channel's limit", { timeout: BUDGET_MS }, async () => {
    const started = Date.now();
    const left = () => BUDGET_MS - 6_000 - (Date.now() - started);
    await flushRedis();
    fake = await FakePlatform.start({ limit: 1, windowMs: WINDOW_MS });
    const env = {
      DATABASE_URL: scratch.url,
      REDIS_URL: REDIS_TEST_URL,
      FAKE_URL: fake.url,
      // The fake answers from this test's process, slow when the machine is busy: a post it
      // answers late is not a failure to retry, and one that does fail is retried soon.
      FAKE_TIMEOUT_MS: "10000",
      OUTBOX_BACKOFF_MS: "500",
      LOG_LEVEL: "warn",
      OUTBOX_SWEEP_SECONDS: "1",
      // Two messages per channel at a time (the one posted, the next): enough to keep every
      // channel busy, and the replica that sweeps first cannot take the whole queue.
      OUTBOX_MAX_IN_FLIGHT: String(2 * CHANNELS),
      SLACK_CHANNEL_INTERVAL_MS: String(WINDOW_MS),
      SLACK_WORKSPACE_INTERVAL_MS: "0",
      SLACK_WORKSPACE_CONCURRENCY: String(CHANNELS),
      LEASE_TTL_MS: "4000",
      LEASE_RENEW_MS: "1000",
    };
    // Plain JavaScript: two replicas through tsx took most of the minute to start on a busy
    // machine. They start first, the slowest part; this process migrates and queues meanwhile.
    const entry = await compiledEntry("test/fixtures/outbox-replica.ts");
    const a = startChild(entry, env);
    const b = startChild(entry, env);
    app = await createApp({ databaseUrl: scratch.url, logger: silentLogger, seed: false });
    // Due in an hour while the replicas start, so that neither takes the queue alone...
    const later = new Date(Date.now() + HOUR_MS);
    await app.delivery.store.enqueue(
      Array.from({ length: N }, (_, i) => ({
        key: `rep:${i}`,
        target: { platform: "slack" as const, workspaceId: WS, channelId: `C${i % CHANNELS}` },
        reply: message("fr", `message ${i}`, "channel"),
        dueAt: new Date(later.getTime() + i),
      })),
      new Date(),
    );
    await Promise.all([a.line((l) => l.includes('"ready"'), left(), "replica a ready"), b.line((l) => l.includes('"ready"'), left(), "replica b ready")]);
    // ...then due now, all at once, in the same order.
    await withPg((client) => client.query(`UPDATE "${scratch.schema}"."OutboxMessage" SET "dueAt" = "dueAt" - $1::interval, "nextAttemptAt" = "nextAttemptAt" - $1::interval`, [`${HOUR_MS + 1000} milliseconds`]));
    const ready = Date.now();
    await fake.waitForKeys(N, left()).catch(async (err: Error) => {
      // Say what is left, to tell a stall from a slow machine.
      const left = await app!.delivery.store.list(["pending", "sending", "failed"], 10);
      const tail = (c: typeof a) => c.stderr.slice(-5).join("\n");
      throw new Error(`${err.message}; left: ${JSON.stringify(left.map((e) => [e.key, e.state, e.attempts, e.nextAttemptAt, e.lastError]))}\nA: ${tail(a)}\nB: ${tail(b)}`);
    });
    await until(async () => (await app!.services.outbox.counts()).sent === N, `${N} rows sent`, Math.max(1_000, left()));
    console.info(`[two replicas] ready after ${ready - started} ms, ${N} messages delivered in ${Date.now() - ready} ms`);

    expect(fake.duplicates()).toEqual([]);
    expect(fake.deliveries).toHaveLength(N);
    // The platform never saw two posts in one channel within its window.
    expect(fake.overLimit).toBe(0);
    const byReplica = new Map<string, number>();
    for (const d of fake.deliveries) byReplica.set(d.replica ?? "?", (byReplica.get(d.replica ?? "?") ?? 0) + 1);
    expect(byReplica.size).toBe(2);
    for (const count of byReplica.values()) expect(count).toBeGreaterThan(N / 20);
    expect(await app.services.outbox.counts()).toMatchObject({ sent: N, pending: 0, sending: 0, failed: 0 });
    a.proc.kill("SIGTERM");
    b.proc.kill("SIGTERM");
    expect(await a.exited).toBe(0);
    expect(await b.exited).toBe(0);
  });
});
