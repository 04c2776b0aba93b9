/**
 * The outbox worker against the fake platform, in process: catch-up after a downtime (due
 * messages sent under the limits, expired ones dropped and recorded), 429 with Retry-After,
 * 500s with backoff, timeouts (with and without the post going through), permanent refusals
 * (failed at once, coordination told once, no loop).
 */
import { afterEach, describe, expect, it } from "vitest";
import type { PlatformSender } from "../../../src/core/outbound.js";
import { createWorld, until, WS, type World } from "./world.js";

let w: World | undefined;
afterEach(async () => {
  await w?.close();
  w = undefined;
});

const MIN = 60_000;

async function row(world: World, key: string) {
  return world.app.delivery.store.list(["pending", "sending", "sent", "failed", "cancelled", "expired"], 1000).then((all) => all.find((e) => e.key === key)!);
}

function gaps(world: World, channel: string): number[] {
  const at = world.fake.deliveries.filter((d) => d.channel === channel).map((d) => d.at);
  return at.slice(1).map((t, i) => t - at[i]!);
}

describe("outbox delivery", () => {
  it("after a downtime, sends what came due under the limits and drops what expired", async () => {
    w = await createWorld({ fake: { limit: 1, windowMs: 200 }, sweepMs: 0 });
    const now = w.now().getTime();
    const channels = ["C0NAMUR", "C0EUPEN", "C0LIEGE"];
    // Came due during the downtime: 5 per channel, oldest first.
    await w.queue(channels.flatMap((c) => [50, 40, 30, 20, 10].map((m) => ({ key: `due:${c}:${m}`, channel: c, dueAt: new Date(now - m * MIN) }))));
    // An event already over: its reminders must not go out late.
    await w.queue([1, 2, 3, 4].map((i) => ({ key: `over:${i}`, channel: "C0NAMUR", dueAt: new Date(now - 60 * MIN), expiresAt: new Date(now - 5 * MIN) })));
    await w.queue([{ key: "future", channel: "C0NAMUR", dueAt: new Date(now + 60 * MIN) }]);
    const started = performance.now();
    await w.worker.sweep();
    await w.fake.waitForKeys(15, 10_000);
    const elapsed = performance.now() - started;
    await until(async () => (await w!.app.services.outbox.counts()).sent === 15, "15 rows sent");

    expect(w.fake.duplicates()).toEqual([]);
    expect(w.fake.deliveries.map((d) => d.key).filter((k) => !k.startsWith("due:"))).toEqual([]);
    for (const i of [1, 2, 3, 4]) expect((await row(w, `over:${i}`)).state).toBe("expired");
    expect((await row(w, "future")).state).toBe("pending");
    // Spread under the per-channel limit, never a burst: no 429, gaps of at least one window.
    expect(w.fake.rateLimited).toBe(0);
    for (const c of channels) {
      expect(gaps(w, c).every((g) => g >= 199)).toBe(true);
      // In due order within a channel.
      expect(w.fake.deliveries.filter((d) => d.channel === c).map((d) => d.key)).toEqual([50, 40, 30, 20, 10].map((m) => `due:${c}:${m}`));
    }
    expect(elapsed).toBeGreaterThanOrEqual(4 * 200 - 5);
    const text = await w.metrics.render();
    expect(text).toMatch(/cdce_outbox_expired_total\{platform="slack"\} 4/);
    expect(text).toMatch(/cdce_outbox_sent_total\{platform="slack",found="false"\} 15/);
  });

  it("waits out a 429 for the time Retry-After asks, then delivers once", async () => {
    w = await createWorld({ fake: { limit: 1, windowMs: 100 } });
    w.fake.failNext("429", 1, { retryAfterMs: 700 });
    const started = performance.now();
    await w.queue([{ key: "r429", channel: "C0A" }]);
    await w.fake.waitForKeys(1, 5_000);
    expect(w.fake.deliveries[0]!.at - started).toBeGreaterThanOrEqual(700);
    expect(w.fake.byKey.get("r429")).toHaveLength(1);
    await until(async () => (await row(w!, "r429")).state === "sent", "row sent");
    expect((await row(w, "r429")).attempts).toBe(1);
    expect(await w.metrics.render()).toMatch(/cdce_rate_limited_total\{platform="slack"\} 1/);
  });

  it("retries 500s with backoff, looking first whether the post went through, and delivers once", async () => {
    let lookups = 0;
    const wrap = (s: PlatformSender): PlatformSender => ({ ...s, findSent: (t, k, since) => (lookups++, s.findSent!(t, k, since)) });
    w = await createWorld({ fake: { limit: 1, windowMs: 50 }, wrap });
    w.fake.failNext("500", 2);
    await w.queue([{ key: "r500", channel: "C0B" }]);
    await w.fake.waitForKeys(1, 5_000);
    await until(async () => (await row(w!, "r500")).state === "sent", "row sent");
    expect((await row(w, "r500")).attempts).toBe(3);
    expect(lookups).toBe(2);
    expect(w.fake.byKey.get("r500")).toHaveLength(1);
    expect(await w.metrics.render()).toMatch(/cdce_outbox_retried_total\{platform="slack",kind="transient"\} 2/);
  });

  it("after a timeout whose post went through, finds it and does not post again", async () => {
    w = await createWorld({ fake: { limit: 1, windowMs: 50 }, timeoutMs: 300 });
    w.fake.failNext("deliver-then-hang", 1);
    await w.queue([{ key: "ghost", channel: "C0C" }]);
    await until(async () => (await row(w!, "ghost")).state === "sent", "row sent", 5_000);
    expect(w.fake.byKey.get("ghost")).toHaveLength(1);
    expect(w.logs.some((e) => e.msg?.includes("found already posted"))).toBe(true);
    expect(await w.metrics.render()).toMatch(/cdce_outbox_sent_total\{platform="slack",found="true"\} 1/);
  });

  it("after a timeout whose post was lost, posts again, once", async () => {
    w = await createWorld({ fake: { limit: 1, windowMs: 50 }, timeoutMs: 300 });
    w.fake.failNext("hang", 1);
    await w.queue([{ key: "lost", channel: "C0D" }]);
    await until(async () => (await row(w!, "lost")).state === "sent", "row sent", 5_000);
    expect(w.fake.byKey.get("lost")).toHaveLength(1);
    expect((await row(w, "lost")).attempts).toBe(2);
  });

  it("fails a refused message at once, tells coordination once, and does not loop", async () => {
    w = await createWorld({ fake: { limit: 1, windowMs: 50 } });
    await w.app.services.repos.channels.link({ platform: "slack", workspaceId: WS, channelId: "C0COORD", purpose: "coordination", communeId: null });
    w.fake.forbidden.add("C0LOST");
    await w.queue([1, 2, 3].map((i) => ({ key: `lost:${i}`, channel: "C0LOST" })));
    await until(async () => (await w!.app.services.outbox.counts()).failed === 3, "3 failed");
    await w.fake.waitForKeys(1, 5_000);
    await new Promise((r) => setTimeout(r, 400)); // a loop would show more posts here
    const notices = w.fake.deliveries.filter((d) => d.channel === "C0COORD");
    expect(notices).toHaveLength(1);
    expect(notices[0]!.text).toContain("C0LOST");
    expect(notices[0]!.key).toMatch(/^outbox:failure:slack:T0CDCE:C0LOST:\d{4}-\d{2}-\d{2}\|slack:T0CDCE:C0COORD$/);
    for (const i of [1, 2, 3]) expect((await row(w, `lost:${i}`)).attempts).toBe(1);
    expect(await w.metrics.render()).toMatch(/cdce_outbox_failed_total\{platform="slack",reason="permanent"\} 3/);
  });

  it("gives up after the maximum attempts, and a failing notice is never reported in turn", async () => {
    w = await createWorld({ fake: { limit: 1, windowMs: 50 } });
    await w.app.services.repos.channels.link({ platform: "slack", workspaceId: WS, channelId: "C0COORD", purpose: "coordination", communeId: null });
    w.fake.forbidden.add("C0COORD");
    w.fake.failNext("500", 100, { channel: "C0DOWN" });
    await w.queue([{ key: "down", channel: "C0DOWN" }]);
    await until(async () => (await row(w!, "down")).state === "failed", "row failed", 8_000);
    expect((await row(w, "down")).attempts).toBe(4);
    await until(async () => (await w!.app.services.outbox.counts()).failed === 2, "notice failed too");
    await new Promise((r) => setTimeout(r, 300));
    const counts = await w.app.services.outbox.counts();
    expect(counts.failed).toBe(2);
    expect(counts.pending + counts.sending).toBe(0);
  });
});
