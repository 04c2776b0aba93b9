/**
 * A token revoked while the bot runs: the runtime (as main.ts wires it) with the real Slack
 * and Discord platforms against their fakes, which answer as the real platforms do once a
 * token is revoked (Slack `token_revoked`, HTTP 200 `ok: false`; Discord `401 Unauthorized`).
 * That platform's deliveries pause, every message stays queued (none failed), `/healthz`
 * says 503 with the reason, the log says it once (not once per message), coordination is
 * told on the other platform only, and after a restart with the token back all go out.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Lease } from "../../../src/cluster/lease.js";
import { loadConfig } from "../../../src/config.js";
import { message } from "../../../src/core/reply.js";
import type { ChannelRef } from "../../../src/core/types.js";
import { Metrics } from "../../../src/ops/metrics.js";
import { createRuntime, type Runtime } from "../../../src/runtime.js";
import { createDiscordAdapter, type DiscordAdapter } from "../../../src/platforms/discord/index.js";
import { captureLogger } from "../../helpers/capture-logger.js";
import { freePort } from "../../helpers/local-services.js";
import { createSlackHarness, type SlackHarness } from "../../fakes/slack/harness.js";
import { startDiscordHarness, type DiscordHarness } from "../../fakes/discord/harness.js";
import { TEAM_ID } from "../../fakes/slack/server.js";
import { until } from "./world.js";

const logger = captureLogger();
let slack: SlackHarness;
let discord: DiscordHarness;
let port: number;
let leader: Lease;
let runtime: Runtime | undefined;
/** The Discord platform the runtime posts with: the harness's, then a new one after a restart. */
let discordPlatform: DiscordAdapter;

const slackChannel = (channelId: string): ChannelRef => ({ platform: "slack", workspaceId: TEAM_ID, channelId });
const discordChannel = (name: string): ChannelRef => ({ platform: "discord", workspaceId: discord.fake.guild.id, channelId: discord.fake.channel(name).id });

async function startRuntime(): Promise<Runtime> {
  const app = slack.app;
  const config = loadConfig({ DATABASE_URL: app.databaseUrl, HTTP_PORT: String(port), HOST: "127.0.0.1", SLACK_CHANNEL_INTERVAL_MS: "50", SLACK_WORKSPACE_INTERVAL_MS: "0", DISCORD_CHANNEL_INTERVAL_MS: "50" });
  const r = await createRuntime({ config, app, leader, replica: "token-test", metrics: new Metrics({ processMetrics: false }), logger, jobs: [] });
  await r.start([slack.adapter, discordPlatform]);
  return r;
}

async function health(): Promise<{ status: number; body: Record<string, any> }> {
  const res = await fetch(`http://127.0.0.1:${port}/healthz`);
  return { status: res.status, body: (await res.json()) as Record<string, any> };
}

const queue = (key: string, channel: ChannelRef) =>
  slack.app.delivery.notifier.enqueue({ key, to: { kind: "channel", channel }, dueAt: slack.app.services.clock(), render: (l) => message(l, `Rappel ${key}`, "channel") });
const rowsOf = async (prefix: string) => (await slack.app.services.outbox.list(["pending", "sending", "sent", "failed"], 1000)).filter((r) => r.key.startsWith(prefix));
const pausedLogs = (platform: string) => logger.entries.filter((e) => e.msg?.includes("refuses the bot's token") && (e.obj as { platform?: string }).platform === platform);

beforeAll(async () => {
  slack = await createSlackHarness({ mode: "http" });
  discord = await startDiscordHarness({ app: slack.app });
  discordPlatform = discord.adapter;
  port = await freePort();
  leader = new Lease(slack.app.delivery.leases, "leader", "token-test", { ttlMs: 20_000, renewMs: 5_000, logger });
  // Coordination follows both platforms.
  await slack.app.services.repos.channels.link({ ...slackChannel("C0COORD"), purpose: "coordination", communeId: null });
  await slack.app.services.repos.channels.link({ ...discordChannel("coordination"), purpose: "coordination", communeId: null });
  runtime = await startRuntime();
}, 60_000);
afterAll(async () => {
  await runtime?.stop();
  if (discordPlatform !== discord?.adapter) await discordPlatform?.stop();
  await leader?.stop();
  await discord?.close();
  await slack?.close();
});

describe("a token refused at runtime", { timeout: 60_000 }, () => {
  it("Slack: pauses Slack's deliveries, keeps them queued, says why, and resumes after a restart", async () => {
    expect((await health()).status).toBe(200);
    slack.fake.api.revokeToken("token_revoked");
    for (let i = 0; i < 4; i++) await queue(`slack-msg:${i}`, slackChannel(`C0CHAN${i}`));
    await queue("discord-msg:0", discordChannel("general"));
    // Discord is unaffected; coordination hears about Slack there, not on Slack.
    await until(async () => discord.fake.channel("general").messages.length === 1, "the Discord message posted");
    await until(async () => discord.fake.channel("coordination").messages.length === 1, "the notice on Discord");
    const notice = JSON.stringify(discord.fake.channel("coordination").messages[0]);
    expect(notice).toContain("Slack");
    expect(notice).toContain("SLACK_BOT_TOKEN");
    expect(notice).toContain("token_revoked");
    await until(async () => (await health()).status === 503, "/healthz unhealthy");
    const h = await health();
    expect(h.body.platforms.slack).toBe("refused");
    expect(h.body.refusals.slack).toContain("token_revoked");
    expect(h.body.platforms.discord).toBe("connected");
    // Nothing failed: every Slack message (and the notice for Slack's own coordination channel: none) waits.
    const rows = await rowsOf("slack-msg:");
    expect(rows).toHaveLength(4);
    expect(rows.every((r) => r.state === "pending")).toBe(true);
    expect(await rowsOf("outbox:auth:slack")).toHaveLength(1); // the Discord notice only
    expect((await slack.app.services.outbox.counts()).failed).toBe(0);
    // At most one post was tried with the dead token before the pause (others wait untouched)...
    const posts = slack.fake.calls.items.filter((c) => c.method === "chat.postMessage" && c.error === "token_revoked");
    expect(posts.length).toBeGreaterThanOrEqual(1);
    expect(posts.length).toBeLessThanOrEqual(4);
    // ...and the pause is logged once, however many sweeps run.
    await runtime!.worker!.sweep();
    await runtime!.worker!.sweep();
    expect(pausedLogs("slack")).toHaveLength(1);
    // A restart with a valid token: the queued messages go out, /healthz is healthy again.
    await runtime!.stop();
    slack.fake.api.restoreToken();
    runtime = await startRuntime();
    await until(async () => (await rowsOf("slack-msg:")).every((r) => r.state === "sent"), "the Slack messages sent after the restart");
    for (let i = 0; i < 4; i++) expect(slack.fake.api.history.get(`C0CHAN${i}`)?.length).toBe(1);
    expect((await health()).status).toBe(200);
  });

  it("Discord: a 401 pauses Discord's deliveries and tells coordination on Slack", async () => {
    discord.fake.revokeToken();
    await queue("discord-msg:1", discordChannel("general"));
    await until(async () => (slack.fake.api.history.get("C0COORD") ?? []).length === 1, "the notice on Slack");
    expect(JSON.stringify(slack.fake.api.history.get("C0COORD"))).toContain("DISCORD_TOKEN");
    const h = await health();
    expect(h.status).toBe(503);
    expect(h.body.platforms.discord).toBe("refused");
    expect(h.body.refusals.discord).toContain("401");
    expect((await rowsOf("discord-msg:1"))[0]!.state).toBe("pending");
    expect(pausedLogs("discord")).toHaveLength(1);
    // A restart: after a 401 the REST client forgets its token for good (discord.js), so the
    // platform is built again, as a new process would, with the token valid again.
    await runtime!.stop();
    discord.fake.revokeToken(false);
    const config = loadConfig({ DISCORD_TOKEN: discord.fake.token, DISCORD_APPLICATION_ID: discord.fake.applicationId, DISCORD_GUILD_ID: discord.fake.guild.id, DISCORD_API_URL: discord.fake.apiUrl });
    discordPlatform = createDiscordAdapter({ config, inbound: slack.app.inbound, logger });
    await discordPlatform.start();
    runtime = await startRuntime();
    await until(async () => (await rowsOf("discord-msg:1"))[0]!.state === "sent", "the Discord message sent after the restart");
    expect(discord.fake.channel("general").messages).toHaveLength(2);
    expect((await health()).status).toBe(200);
  });
});
