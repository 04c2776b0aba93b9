/**
 * A Discord 429 whose wait is only in its JSON body (`retry_after`, seconds; no Retry-After
 * and no X-RateLimit-* headers, as some answers of Discord's edge come) is honoured on the
 * delivery path: the outbox schedules the next attempt that long after the 429, and the post
 * is tried again then, once, not after the client's small default wait.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "../../../src/core/logger.js";
import { message } from "../../../src/core/reply.js";
import { PacedSender } from "../../../src/delivery/limits.js";
import { OutboxWorker } from "../../../src/delivery/worker.js";
import { startDiscordHarness, type DiscordHarness } from "../../fakes/discord/harness.js";
import { until } from "./world.js";

/** Longer than every default wait on the way (1 s in the sender, 1 s in the outbox). */
const RETRY_AFTER_SECONDS = 1.6;

describe("Discord 429 with retry_after in the body only", () => {
  let h: DiscordHarness;
  let worker: OutboxWorker;
  let timer: NodeJS.Timeout;
  beforeAll(async () => {
    h = await startDiscordHarness();
    const sender = h.adapter;
    // One attempt per claim: a rate limit goes back to the outbox, which records the next attempt.
    const pacer = new PacedSender(sender, { logger: silentLogger, perChannelMinTimeMs: 0, perWorkspaceMinTimeMs: 0, maxAttempts: 1 });
    worker = new OutboxWorker({
      store: h.app.delivery.store,
      platforms: { discord: { sender, pacer, available: () => true } },
      replica: "retry-after",
      logger: silentLogger,
      clock: () => new Date(),
      claimTtlMs: 5_000,
      backoffBaseMs: 50,
      backoffMaxMs: 200,
    });
    worker.start();
    timer = setInterval(() => void worker.sweep(), 50);
  }, 30_000);
  afterAll(async () => {
    clearInterval(timer);
    await worker?.stop();
    await h?.close();
  });

  it("waits retry_after before the next post and records that next attempt", async () => {
    const channel = h.fake.addChannel("limite-corps");
    h.fake.rateLimitNext({ path: new RegExp(`^/channels/${channel.id}/messages$`), retryAfterSeconds: RETRY_AFTER_SECONDS, bodyOnly: true });
    await h.app.delivery.store.enqueue([{ key: "d:body-429", target: { platform: "discord", workspaceId: h.fake.guild.id, channelId: channel.id }, reply: message("fr", "Rappel", "channel"), dueAt: new Date() }], new Date());
    const posts = () => h.fake.requests.filter((r) => r.method === "POST" && r.path === `/channels/${channel.id}/messages`);
    const row = async () => (await h.app.delivery.store.list(["pending", "sending", "sent", "failed"], 100)).find((e) => e.key === "d:body-429");

    await until(() => posts().length >= 1, "the first post");
    const limited = posts()[0]!;
    expect(limited.status).toBe(429);
    await until(async () => (await row())?.lastError != null || (await row())?.state === "sent", "the rate limit recorded");
    const rescheduled = (await row())!;
    expect(rescheduled.state).toBe("pending");
    expect(rescheduled.nextAttemptAt.getTime() - limited.at).toBeGreaterThanOrEqual(RETRY_AFTER_SECONDS * 1000);

    await until(async () => (await row())?.state === "sent", "the message sent", 15_000);
    const all = posts();
    // One 429, then one post that went through, no earlier try in between.
    expect(all.map((p) => p.status)).toEqual([429, 200]);
    expect(all[1]!.at - limited.at).toBeGreaterThanOrEqual(RETRY_AFTER_SECONDS * 1000);
    expect(channel.messages).toHaveLength(1);
  });
});
