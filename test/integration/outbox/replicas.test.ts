/**
 * Two replicas (real processes, the real runtime) on one PostgreSQL database and one Redis,
 * sending 2,000 messages to 200 channels of a fake platform that refuses (429) any post
 * beyond its per-channel limit: each message is delivered exactly once, both replicas take
 * part, and their combined pace never exceeds a channel's limit (bottleneck clustering).
 * Skipped, with a notice, when PostgreSQL or Redis is unreachable.
 */
import { afterAll, describe, expect, it } from "vitest";
import { createApp, type App } from "../../../src/app.js";
import { silentLogger } from "../../../src/core/logger.js";
import { message } from "../../../src/core/reply.js";
import { killAll, startChild } from "../../helpers/child.js";
import { flushRedis, REDIS_TEST_URL, redisReachable } from "../../helpers/local-services.js";
import { FakePlatform } from "../../fakes/outbox/fake-platform.js";
import { pgReachable, scratchPostgres } from "../data/support.js";
import { until, WS } from "./world.js";

const N = 2000;
const CHANNELS = 200;
const WINDOW_MS = 500;
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
  it("deliver 2,000 messages exactly once, sharing the work, never over a channel's limit", { timeout: 300_000 }, async () => {
    await flushRedis();
    app = await createApp({ databaseUrl: scratch.url, logger: silentLogger, seed: false });
    fake = await FakePlatform.start({ limit: 1, windowMs: WINDOW_MS });
    const now = new Date();
    await app.delivery.store.enqueue(
      Array.from({ length: N }, (_, i) => ({
        key: `rep:${i}`,
        target: { platform: "slack" as const, workspaceId: WS, channelId: `C${i % CHANNELS}` },
        reply: message("fr", `message ${i}`, "channel"),
        dueAt: new Date(now.getTime() - 1000 + i),
      })),
      now,
    );
    const env = {
      DATABASE_URL: scratch.url,
      REDIS_URL: REDIS_TEST_URL,
      FAKE_URL: fake.url,
      LOG_LEVEL: "warn",
      OUTBOX_SWEEP_SECONDS: "1",
      OUTBOX_MAX_IN_FLIGHT: "600",
      SLACK_CHANNEL_INTERVAL_MS: String(WINDOW_MS),
      SLACK_WORKSPACE_INTERVAL_MS: "0",
      SLACK_WORKSPACE_CONCURRENCY: String(CHANNELS),
      LEASE_TTL_MS: "4000",
      LEASE_RENEW_MS: "1000",
    };
    const a = startChild("test/fixtures/outbox-replica.ts", env);
    const b = startChild("test/fixtures/outbox-replica.ts", env);
    await Promise.all([a.line((l) => l.includes('"ready"'), 90_000, "replica a ready"), b.line((l) => l.includes('"ready"'), 90_000, "replica b ready")]);
    await fake.waitForKeys(N, 270_000).catch(async (err: Error) => {
      // Say what is left, to tell a stall from a slow machine.
      const left = await app!.delivery.store.list(["pending", "sending", "failed"], 10);
      const tail = (c: typeof a) => c.stderr.slice(-5).join("\n");
      throw new Error(`${err.message}; left: ${JSON.stringify(left.map((e) => [e.key, e.state, e.attempts, e.nextAttemptAt, e.lastError]))}\nA: ${tail(a)}\nB: ${tail(b)}`);
    });
    await until(async () => (await app!.services.outbox.counts()).sent === N, `${N} rows sent`, 30_000);

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
