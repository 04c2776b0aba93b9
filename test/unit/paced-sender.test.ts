/**
 * The per-channel gap of PacedSender: counted from the platform's answer to the previous post,
 * and the next post gets ready (its `beforePost`, a database write in the outbox) inside that
 * gap rather than after it. A sender with a fixed latency stands for the platform.
 */
import { describe, expect, it } from "vitest";
import { silentLogger } from "../../src/core/logger.js";
import type { OutboundMessage, PlatformSender, SentMessage } from "../../src/core/outbound.js";
import { message } from "../../src/core/reply.js";
import { PacedSender } from "../../src/delivery/limits.js";

const LATENCY_MS = 30;

/** Records when each post reaches it and when it answers. */
function slowPlatform(): PlatformSender & { posts: Array<{ key: string; at: number; answeredAt: number }> } {
  const posts: Array<{ key: string; at: number; answeredAt: number }> = [];
  return {
    platform: "slack",
    posts,
    async send(m: OutboundMessage): Promise<SentMessage> {
      const at = Date.now();
      await new Promise((r) => setTimeout(r, LATENCY_MS));
      posts.push({ key: m.idempotencyKey, at, answeredAt: Date.now() });
      return { externalId: `${m.idempotencyKey}-id` };
    },
  };
}

const outbound = (key: string): OutboundMessage => ({ idempotencyKey: key, target: { platform: "slack", workspaceId: "T1", channelId: "C1" }, reply: message("fr", key, "channel") });

describe("PacedSender per-channel gap", () => {
  it("posts no sooner than the gap after the previous answer, and gets the next post ready inside the gap", { timeout: 20_000 }, async () => {
    const platform = slowPlatform();
    const GAP = 1000;
    const LEAD = 250;
    const paced = new PacedSender(platform, { logger: silentLogger, perChannelMinTimeMs: GAP, perChannelLeadMs: LEAD, perWorkspaceMinTimeMs: 0 });
    const readyAt = new Map<string, number>();
    const keys = ["m1", "m2", "m3"];
    await Promise.all(keys.map((k) => paced.send(outbound(k), { beforePost: async () => void readyAt.set(k, Date.now()) })));
    await paced.stop();
    expect(platform.posts.map((p) => p.key)).toEqual(keys);
    for (let i = 1; i < keys.length; i++) {
      const previous = platform.posts[i - 1]!;
      const post = platform.posts[i]!;
      // The limit: never sooner than the gap after the previous answer.
      expect(post.at - previous.answeredAt).toBeGreaterThanOrEqual(GAP);
      // The preparation ran before the gap was over (the lead), not after it.
      expect(readyAt.get(post.key)! - previous.answeredAt).toBeLessThan(GAP);
    }
  });

  it("without a lead, prepares only once the gap is over", { timeout: 20_000 }, async () => {
    const platform = slowPlatform();
    const paced = new PacedSender(platform, { logger: silentLogger, perChannelMinTimeMs: 500, perChannelLeadMs: 0, perWorkspaceMinTimeMs: 0 });
    const readyAt = new Map<string, number>();
    await Promise.all(["a", "b"].map((k) => paced.send(outbound(k), { beforePost: async () => void readyAt.set(k, Date.now()) })));
    await paced.stop();
    expect(readyAt.get("b")! - platform.posts[0]!.answeredAt).toBeGreaterThanOrEqual(500);
    expect(platform.posts[1]!.at - platform.posts[0]!.answeredAt).toBeGreaterThanOrEqual(500);
  });
});
