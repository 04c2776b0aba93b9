/**
 * /healthz and /metrics (src/ops): readiness, database, platforms (a standby counts as
 * healthy), and the Prometheus text with the outbox and command metrics.
 */
import { afterEach, describe, expect, it } from "vitest";
import { startOpsServer, type OpsServer, type PlatformHealth } from "../../../src/ops/http.js";
import { silentLogger } from "../../../src/core/logger.js";
import { createWorld, until, type World } from "./world.js";

let w: World | undefined;
let ops: OpsServer | undefined;
afterEach(async () => {
  await ops?.close();
  await w?.close();
  ops = undefined;
  w = undefined;
});

async function get(path: string): Promise<{ status: number; type: string | null; body: string }> {
  const res = await fetch(`http://127.0.0.1:${ops!.port()}${path}`);
  return { status: res.status, type: res.headers.get("content-type"), body: await res.text() };
}

describe("ops endpoints", () => {
  it("/healthz says ready only when ready, the database answers and platforms are connected or standby", async () => {
    w = await createWorld({ sweepMs: 0 });
    let ready = false;
    let dbUp = true;
    const slack: PlatformHealth = { name: "slack", isConnected: () => true };
    let discordConnected = false;
    let discordStandby = true;
    const discord: PlatformHealth = { name: "discord", isConnected: () => discordConnected, standby: () => discordStandby };
    const ping = w.app.delivery.ping;
    ops = await startOpsServer({
      port: 0,
      host: "127.0.0.1",
      metrics: w.metrics,
      logger: silentLogger,
      health: { ready: () => ready, ping: () => (dbUp ? ping() : Promise.reject(new Error("connection refused"))), platforms: () => [slack, discord], details: () => ({ replica: "r1" }) },
    });
    let h = await get("/healthz");
    expect(h.status).toBe(503);
    expect(JSON.parse(h.body)).toMatchObject({ status: "unavailable", ready: false, database: { ok: true }, platforms: { slack: "connected", discord: "standby" }, replica: "r1" });
    ready = true;
    h = await get("/healthz");
    expect(h.status).toBe(200);
    expect(h.type).toBe("application/json");
    discordStandby = false; // lost the gateway without anyone else holding it
    expect((await get("/healthz")).status).toBe(503);
    discordConnected = true;
    expect(JSON.parse((await get("/healthz")).body).platforms.discord).toBe("connected");
    dbUp = false;
    h = await get("/healthz");
    expect(h.status).toBe(503);
    expect(JSON.parse(h.body).database).toEqual({ ok: false, error: "connection refused" });
    expect((await get("/nothing")).status).toBe(404);
  });

  it("/metrics exposes outbox counters, queue depth, oldest pending age, 429s and command latency", async () => {
    w = await createWorld({ fake: { limit: 1, windowMs: 50 } });
    ops = await startOpsServer({ port: 0, host: "127.0.0.1", metrics: w.metrics, logger: silentLogger, health: { ready: () => true, ping: w.app.delivery.ping, platforms: () => [] } });
    w.fake.failNext("429", 1, { retryAfterMs: 100 });
    await w.queue([{ key: "m1", channel: "C0M" }]);
    // An old due message for a platform nobody posts to: it waits, and its age shows.
    await w.queue([{ key: "old", channel: "", target: { platform: "discord", workspaceId: "9", channelId: "10" }, dueAt: new Date(w.now().getTime() - 120_000) }]);
    await until(async () => (await w!.app.services.outbox.counts()).sent === 1, "sent");
    // A command through the dispatcher, timed by the same hook main.ts installs.
    const started = performance.now();
    await w.app.dispatcher.handle({ platform: "terminal", workspaceId: "local", userId: "u1", text: "aide" });
    w.metrics.observeCommand({ command: "aide", platform: "terminal", ms: performance.now() - started, outcome: "ok" });
    const m = await get("/metrics");
    expect(m.status).toBe(200);
    expect(m.type).toContain("text/plain");
    expect(m.body).toMatch(/^cdce_outbox_sent_total\{platform="slack",found="false"\} 1$/m);
    expect(m.body).toMatch(/^cdce_rate_limited_total\{platform="slack"\} 1$/m);
    expect(m.body).toMatch(/^cdce_outbox_queue_depth\{state="pending",platform="discord"\} 1$/m);
    const age = Number(/^cdce_outbox_oldest_pending_age_seconds (\S+)$/m.exec(m.body)![1]);
    expect(age).toBeGreaterThanOrEqual(119);
    expect(m.body).toMatch(/^cdce_command_duration_seconds_count\{command="aide",platform="terminal",outcome="ok"\} 1$/m);
    expect(m.body).toMatch(/^cdce_outbox_delivery_delay_seconds_count\{platform="slack"\} 1$/m);
  });
});
