/**
 * A notification queued and due now goes out at once, not at the next sweep: the runtime
 * (as main.ts wires it, over the fake platform) wakes its outbox worker when the notifier
 * queues one. No scheduled job runs here, so nothing else would post it; a notification due
 * later waits for its time.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createApp, type App } from "../../../src/app.js";
import { Lease } from "../../../src/cluster/lease.js";
import { loadConfig } from "../../../src/config.js";
import { silentLogger } from "../../../src/core/logger.js";
import { message } from "../../../src/core/reply.js";
import { Metrics } from "../../../src/ops/metrics.js";
import { createRuntime, type Runtime } from "../../../src/runtime.js";
import { FakePlatform } from "../../fakes/outbox/fake-platform.js";
import { createFakeSender, fakeAdapter } from "../../fakes/outbox/http-sender.js";
import { WS } from "./world.js";

let cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c();
  cleanup = [];
});

async function running(): Promise<{ app: App; fake: FakePlatform; runtime: Runtime }> {
  const dir = mkdtempSync(join(tmpdir(), "cdce-wake-"));
  const databaseUrl = `file:${join(dir, "wake.db")}`;
  const app = await createApp({ databaseUrl, logger: silentLogger, seed: false });
  const fake = await FakePlatform.start({ limit: 1, windowMs: 100 });
  const config = loadConfig({ DATABASE_URL: databaseUrl, SLACK_CHANNEL_INTERVAL_MS: "100", SLACK_WORKSPACE_INTERVAL_MS: "0" });
  const leader = new Lease(app.delivery.leases, "leader", "wake-test", { ttlMs: config.LEASE_TTL_MS, renewMs: config.LEASE_RENEW_MS, logger: silentLogger });
  const runtime = await createRuntime({ config, app, leader, replica: "wake-test", metrics: new Metrics({ processMetrics: false }), logger: silentLogger, jobs: [] });
  await runtime.start([fakeAdapter(createFakeSender(fake.url))]);
  // The start-up sweep (catch-up after a downtime) finds nothing; let it finish, and the
  // pass it may have asked for behind it (sweep() while one runs asks for one more, 100 ms on).
  await runtime.worker!.sweep();
  await new Promise((r) => setTimeout(r, 500));
  cleanup.push(async () => {
    await runtime.stop();
    await leader.stop();
    await app.close();
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return { app, fake, runtime };
}

const to = { kind: "channel" as const, channel: { platform: "slack" as const, workspaceId: WS, channelId: "C0PARTAGE" } };

describe("outbox wake-up", () => {
  it("posts a notification due now at once, without waiting for a sweep", { timeout: 20_000 }, async () => {
    const { app, fake } = await running();
    await app.delivery.notifier.enqueue({ key: "wake:now", to, dueAt: new Date(), render: (l) => message(l, "Nouvelle initiative", "channel") });
    await fake.waitForKeys(1, 3_000);
    expect(fake.deliveries.map((d) => d.channel)).toEqual(["C0PARTAGE"]);
  });

  it("leaves a notification due later for its time", { timeout: 20_000 }, async () => {
    const { app, fake } = await running();
    await app.delivery.notifier.enqueue({ key: "wake:later", to, dueAt: new Date(Date.now() + 3_600_000), render: (l) => message(l, "Rappel", "channel") });
    await new Promise((r) => setTimeout(r, 1_000));
    expect(fake.deliveries).toEqual([]);
    expect((await app.services.outbox.counts()).pending).toBe(1);
  });
});
