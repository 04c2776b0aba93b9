/**
 * The outbox worker driving the real Slack and Discord senders against the fake Slack and the
 * fake Discord: a 429 with Retry-After and a 500 still deliver once; a row left mid-post by a
 * dead replica is checked with findSent (Slack metadata, Discord nonce) and not posted again;
 * a notification to a person arrives as a direct message.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../../../src/app.js";
import { silentLogger } from "../../../src/core/logger.js";
import type { PlatformSender } from "../../../src/core/outbound.js";
import { message } from "../../../src/core/reply.js";
import type { Platform } from "../../../src/core/types.js";
import { PacedSender } from "../../../src/delivery/limits.js";
import { OutboxWorker } from "../../../src/delivery/worker.js";
import { createSlackHarness, USERS, type SlackHarness } from "../../fakes/slack/harness.js";
import { TEAM_ID } from "../../fakes/slack/server.js";
import { startDiscordHarness, type DiscordHarness } from "../../fakes/discord/harness.js";
import { until } from "./world.js";

function workerFor(app: App, sender: PlatformSender): OutboxWorker {
  const pacer = new PacedSender(sender, { logger: silentLogger, perChannelMinTimeMs: 50, perWorkspaceMinTimeMs: 0, maxAttempts: 8, transientAttempts: 1 });
  const worker = new OutboxWorker({
    store: app.delivery.store,
    platforms: { [sender.platform]: { sender, pacer, available: () => true } },
    replica: `live-${sender.platform}`,
    logger: silentLogger,
    clock: () => new Date(),
    claimTtlMs: 5_000,
    backoffBaseMs: 50,
    backoffMaxMs: 200,
  });
  worker.start();
  return worker;
}

async function queue(app: App, key: string, platform: Platform, workspaceId: string, channelId: string, dueAt = new Date()): Promise<void> {
  await app.delivery.store.enqueue([{ key, target: { platform, workspaceId, channelId }, reply: message("fr", `Rappel ${key}`, "channel"), dueAt }], new Date());
}

/** A crash scenario's row is due a moment from now, so the running worker cannot take it before leaveMidPost. */
const SOON_MS = 500;
const soon = () => new Date(Date.now() + SOON_MS);

/**
 * Leaves a row as a replica killed mid-post would: `sending`, its claim lapsed. The "dead
 * replica" claims it as of its due time (the row is queued with `soon()`), before the
 * running worker sees it due.
 */
async function leaveMidPost(app: App, key: string, platform: Platform): Promise<void> {
  const store = app.delivery.store;
  const now = new Date(Date.now() + SOON_MS + 1);
  const [row] = (await store.claimDue({ now, token: "dead/1", until: new Date(now.getTime() + 1), limit: 100, platforms: [platform], perChannel: 100, busy: () => 0 })).filter((r) => r.key === key);
  expect(await store.markSending(row!.id, "dead/1", now, true)).toBe(true);
  await new Promise((r) => setTimeout(r, 5));
}

async function state(app: App, key: string) {
  return (await app.delivery.store.list(["pending", "sending", "sent", "failed"], 100)).find((e) => e.key === key);
}

describe("outbox over the real Slack sender", () => {
  let h: SlackHarness;
  let worker: OutboxWorker;
  let timer: NodeJS.Timeout;
  beforeAll(async () => {
    h = await createSlackHarness({ mode: "http" });
    worker = workerFor(h.app, h.adapter);
    timer = setInterval(() => void worker.sweep(), 100);
  });
  afterAll(async () => {
    clearInterval(timer);
    await worker?.stop();
    await h?.close();
  });
  const posts = (channel: string, key: string) => (h.fake.api.history.get(channel) ?? []).filter((m) => m.metadata?.event_payload.key === key);

  it("delivers once after a 429 with Retry-After and after a 500", async () => {
    h.fake.failNext("chat.postMessage", { status: 429, retryAfter: 1 });
    await queue(h.app, "s:429", "slack", TEAM_ID, "C0OUTBOX");
    await until(async () => (await state(h.app, "s:429"))?.state === "sent", "429 row sent", 10_000);
    h.fake.failNext("chat.postMessage", { status: 500 });
    await queue(h.app, "s:500", "slack", TEAM_ID, "C0OUTBOX");
    await until(async () => (await state(h.app, "s:500"))?.state === "sent", "500 row sent", 10_000);
    expect([posts("C0OUTBOX", "s:429").length, posts("C0OUTBOX", "s:500").length]).toEqual([1, 1]);
    expect((await state(h.app, "s:500"))!.attempts).toBe(2);
  });

  it("finds a post left by a dead replica through its metadata, and does not post it again", async () => {
    await queue(h.app, "s:crash", "slack", TEAM_ID, "C0CRASH", soon());
    await leaveMidPost(h.app, "s:crash", "slack");
    // The dead replica's post did reach Slack.
    await h.adapter.send({ idempotencyKey: "s:crash", target: { platform: "slack", workspaceId: TEAM_ID, channelId: "C0CRASH" }, reply: message("fr", "Rappel", "channel") });
    await until(async () => (await state(h.app, "s:crash"))?.state === "sent", "recovered row sent", 10_000);
    expect(posts("C0CRASH", "s:crash")).toHaveLength(1);
  });

  it("sends a notification to a person as a direct message", async () => {
    const now = new Date();
    const p = await h.app.services.repos.identity.createWithAccount({ platform: "slack", workspaceId: TEAM_ID, userId: USERS.de!.id }, { name: "Dieter", locale: "de", localeChosen: true, timeZone: "Europe/Berlin" });
    await h.app.services.notifier.enqueue({ key: "s:dm", to: { kind: "person", personId: p.id }, dueAt: now, render: (l) => message(l, l === "de" ? "Erinnerung" : "Rappel", "channel") });
    await until(async () => (await state(h.app, `s:dm|slack:${TEAM_ID}:@${USERS.de!.id}`))?.state === "sent", "DM sent", 10_000);
    const dm = [...h.fake.api.history.entries()].find(([c]) => c.startsWith("D"))!;
    expect(dm[1].map((m) => m.text)).toContain("Erinnerung");
  });
});

describe("outbox over the real Discord sender", () => {
  let h: DiscordHarness;
  let worker: OutboxWorker;
  let timer: NodeJS.Timeout;
  beforeAll(async () => {
    h = await startDiscordHarness();
    worker = workerFor(h.app, h.adapter);
    timer = setInterval(() => void worker.sweep(), 100);
  });
  afterAll(async () => {
    clearInterval(timer);
    await worker?.stop();
    await h?.close();
  });

  it("delivers once after a 429 with Retry-After and after a 500, each post carrying its nonce", async () => {
    const channel = h.fake.addChannel("annonces");
    h.fake.rateLimitNext({ path: new RegExp(`^/channels/${channel.id}/messages$`), retryAfterSeconds: 1 });
    await queue(h.app, "d:429", "discord", h.fake.guild.id, channel.id);
    await until(async () => (await state(h.app, "d:429"))?.state === "sent", "429 row sent", 10_000);
    h.fake.failNext({ path: new RegExp(`^/channels/${channel.id}/messages$`), status: 500, times: 1 });
    await queue(h.app, "d:500", "discord", h.fake.guild.id, channel.id);
    await until(async () => (await state(h.app, "d:500"))?.state === "sent", "500 row sent", 10_000);
    expect(channel.messages).toHaveLength(2);
    expect(channel.messages.every((m) => typeof m.nonce === "string" && m.nonce.length > 0)).toBe(true);
  });

  it("finds a post left by a dead replica through its nonce, and does not post it again", async () => {
    const channel = h.fake.addChannel("rappels");
    await queue(h.app, "d:crash", "discord", h.fake.guild.id, channel.id, soon());
    await leaveMidPost(h.app, "d:crash", "discord");
    await h.adapter.send({ idempotencyKey: "d:crash", target: { platform: "discord", workspaceId: h.fake.guild.id, channelId: channel.id }, reply: message("fr", "Rappel", "channel") });
    const postsTo = () => h.fake.requests.filter((r) => r.method === "POST" && r.path === `/channels/${channel.id}/messages`).length;
    const before = postsTo();
    await until(async () => (await state(h.app, "d:crash"))?.state === "sent", "recovered row sent", 10_000);
    expect(channel.messages).toHaveLength(1);
    // Found by its nonce in the channel's history: not even re-posted (the nonce would have caught it too).
    expect(postsTo()).toBe(before);
    expect(h.fake.requests.some((r) => r.method === "GET" && r.path === `/channels/${channel.id}/messages`)).toBe(true);
  });

  it("fails at once in a channel the bot cannot see, without retrying", async () => {
    const hidden = h.fake.channel("prive");
    await queue(h.app, "d:hidden", "discord", h.fake.guild.id, hidden.id);
    await until(async () => (await state(h.app, "d:hidden"))?.state === "failed", "failed", 10_000);
    expect((await state(h.app, "d:hidden"))!.attempts).toBe(1);
  });
});
