/**
 * Crash safety with real processes: a replica (the real runtime) posting 1,000 messages is
 * killed with SIGKILL halfway; a new one is started on the same SQLite file. Every message
 * must reach the fake platform exactly once: rows left in `sending` are checked with
 * findSent before being posted again, rows only claimed go back to the queue.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createApp, type App } from "../../../src/app.js";
import { silentLogger } from "../../../src/core/logger.js";
import { message } from "../../../src/core/reply.js";
import { killAll, startChild } from "../../helpers/child.js";
import { FakePlatform } from "../../fakes/outbox/fake-platform.js";
import { until, WS } from "./world.js";

const N = 1000;
const CHANNELS = 100;
let dir: string | undefined;
let app: App | undefined;
let fake: FakePlatform | undefined;

afterAll(async () => {
  await killAll();
  await fake?.close();
  await app?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("crash safety", () => {
  it("a replica killed with SIGKILL halfway through 1,000 messages: after a restart, each is delivered exactly once", { timeout: 120_000 }, async () => {
    dir = mkdtempSync(join(tmpdir(), "cdce-crash-"));
    const databaseUrl = `file:${join(dir, "bot.db")}`;
    app = await createApp({ databaseUrl, logger: silentLogger, seed: false });
    // Latency keeps posts in flight at any moment, so the kill lands in the middle of some.
    fake = await FakePlatform.start({ limit: 1, windowMs: 50, latencyMs: 40 });
    const now = new Date();
    await app.delivery.store.enqueue(
      Array.from({ length: N }, (_, i) => ({
        key: `crash:${i}`,
        target: { platform: "slack" as const, workspaceId: WS, channelId: `C${i % CHANNELS}` },
        reply: message("fr", `message ${i}`, "channel"),
        dueAt: new Date(now.getTime() - 1000 + i),
      })),
      now,
    );
    const env = {
      DATABASE_URL: databaseUrl,
      FAKE_URL: fake.url,
      LOG_LEVEL: "info",
      OUTBOX_SWEEP_SECONDS: "1",
      OUTBOX_MAX_IN_FLIGHT: "200",
      SLACK_CHANNEL_INTERVAL_MS: "50",
      SLACK_WORKSPACE_INTERVAL_MS: "0",
      SLACK_WORKSPACE_CONCURRENCY: "100",
      LEASE_TTL_MS: "1500",
      LEASE_RENEW_MS: "500",
    };
    const first = startChild("test/fixtures/outbox-replica.ts", env);
    await first.line((l) => l.includes('"ready"'), 60_000, "first replica ready");
    await fake.waitForKeys(N / 2, 60_000);
    first.proc.kill("SIGKILL");
    await first.exited;
    const atKill = await app.services.outbox.counts();
    const deliveredAtKill = fake.byKey.size;
    // The kill landed mid-dispatch: some rows were being posted, some not yet.
    expect(atKill.sending).toBeGreaterThan(0);
    expect(deliveredAtKill).toBeLessThan(N);

    const second = startChild("test/fixtures/outbox-replica.ts", env);
    await second.line((l) => l.includes('"ready"'), 60_000, "second replica ready");
    await fake.waitForKeys(N, 60_000);
    await until(async () => (await app!.services.outbox.counts()).sent === N, `${N} rows sent`, 30_000);

    expect(fake.duplicates()).toEqual([]);
    expect(fake.deliveries).toHaveLength(N);
    expect(fake.rateLimited).toBe(0);
    expect(await app.services.outbox.counts()).toMatchObject({ sent: N, pending: 0, sending: 0, failed: 0 });
    // The rows left mid-post were taken over and looked up before any new post.
    expect(second.logs("taking over messages left mid-post").length).toBeGreaterThan(0);
    second.proc.kill("SIGTERM");
    expect(await second.exited).toBe(0);
  });
});
