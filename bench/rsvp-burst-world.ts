/**
 * The world of the RSVP burst bench: the fake Slack and the fake Discord on 127.0.0.1, two
 * bot replicas (the built bot with npm start's Node flags, real processes) on one PostgreSQL schema and one Redis, both
 * serving Slack over HTTP (each on its own port, as behind a load balancer) and sharing the
 * Discord gateway through the leader lease. Coordination links a network channel on each
 * platform and plans a webinar; the outbox posts its announcement, whose "register" button
 * the bench then clicks.
 */
import { createRegistry } from "../src/features/index.js";
import { createApp, type App } from "../src/app.js";
import { silentLogger } from "../src/core/logger.js";
import { registerCommands } from "../src/platforms/discord/register.js";
import { translator } from "../src/core/i18n/catalogue.js";
import { FakeDiscord } from "../test/fakes/discord/fake-discord.js";
import { buttonsOf as discordButtons, textOf as discordText, type Who } from "../test/fakes/discord/interactions.js";
import { sendLine } from "../test/fakes/discord/lines.js";
import type { FakeMessage } from "../test/fakes/discord/model.js";
import { BOT_TOKEN, FakeSlack, SIGNING_SECRET, TEAM_ID } from "../test/fakes/slack/server.js";
import { buttonsOf as slackButtons, textOf as slackText } from "../test/fakes/slack/harness.js";
import { formBody, postSigned } from "../test/fakes/slack/signing.js";
import { killAll, startChild, type Child } from "../test/helpers/child.js";
import { freePort } from "../test/helpers/local-services.js";
import { codeOf } from "../test/helpers/events.js";
import { BUILT_ENTRY, buildBot, startFlags } from "./built-bot.js";

export const SLACK_COORD = { id: "U0BCOORD", name: "coord" };
export const DISCORD_COORD: Who = { userId: "500000000000000001", username: "coord", locale: "fr" };
export const SLACK_NETWORK_CHANNEL = "C0RESEAU";

export interface BurstWorld {
  app: App;
  slack: FakeSlack;
  discord: FakeDiscord;
  replicas: Child[];
  /** Each replica's Slack events URL (clicks alternate between them). */
  slackUrls: string[];
  code: string;
  eventId: string;
  /** The announcement's "register" button on each platform. */
  slackJoin: { value: string; action_id: string };
  discordJoin: { message: FakeMessage; customId: string };
  close(): Promise<void>;
}

async function until<T>(check: () => Promise<T | undefined | false> | T | undefined | false, label: string, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`rsvp-burst: no ${label} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** `/cdce <text>` typed by the Slack coordinator; resolves with the reply's text. */
async function slackCommand(w: { slack: FakeSlack; url: string }, text: string, channel: string): Promise<string> {
  const responseUrl = w.slack.newResponseUrl();
  const fields = { team_id: TEAM_ID, channel_id: channel, channel_name: "reseau", user_id: SLACK_COORD.id, user_name: SLACK_COORD.name, command: "/cdce", text, response_url: responseUrl, trigger_id: w.slack.api.newTrigger(SLACK_COORD.id) };
  const ack = await postSigned(w.url, formBody(fields), { secret: SIGNING_SECRET });
  if (ack.status !== 200) throw new Error(`rsvp-burst: /cdce ${text}: HTTP ${ack.status}`);
  return slackText((await w.slack.response(responseUrl, 1, 60_000)).body);
}

/** A date `days` ahead as people type it: `15/01/2027 14h`. */
function typedDate(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  return `${String(d.getUTCDate()).padStart(2, "0")}/${String(d.getUTCMonth() + 1).padStart(2, "0")}/${d.getUTCFullYear()} 14h`;
}

export async function startBurstWorld(o: { databaseUrl: string; redisUrl: string; capacity: number; slackUsers: Array<{ id: string; name: string }> }): Promise<BurstWorld> {
  const slack = await FakeSlack.start();
  const discord = await FakeDiscord.start();
  for (const u of [SLACK_COORD, ...o.slackUsers]) slack.api.users.set(u.id, { ...u, real_name: u.name, tz: "Europe/Brussels", locale: "fr-FR" });
  // Migrated once here, so the replicas start on a ready schema.
  const app = await createApp({ databaseUrl: o.databaseUrl, logger: silentLogger, seed: false });
  const replicas: Child[] = [];
  const close = async () => {
    for (const c of replicas) c.proc.kill("SIGTERM");
    await Promise.all(replicas.map((c) => Promise.race([c.exited, new Promise((r) => setTimeout(r, 15_000))])));
    await killAll();
    await discord.close();
    await slack.close();
    await app.close();
  };
  try {
    const registry = createRegistry();
    await registerCommands({ token: discord.token, applicationId: discord.applicationId, guildId: discord.guild.id, apiUrl: discord.apiUrl, registry });
    const slackPorts = [await freePort(), await freePort()];
    const httpPorts = [await freePort(), await freePort()];
    buildBot();
    const nodeOptions = [startFlags(), process.env.BENCH_NODE_OPTIONS ?? ""].join(" ").trim();
    for (let i = 0; i < 2; i++) {
      replicas.push(
        startChild(BUILT_ENTRY, {
          DATABASE_URL: o.databaseUrl,
          REDIS_URL: o.redisUrl,
          SEED_ON_START: "false",
          SLACK_BOT_TOKEN: BOT_TOKEN,
          SLACK_SIGNING_SECRET: SIGNING_SECRET,
          SLACK_API_URL: slack.apiUrl,
          SLACK_PORT: String(slackPorts[i]),
          DISCORD_TOKEN: discord.token,
          DISCORD_APPLICATION_ID: discord.applicationId,
          DISCORD_GUILD_ID: discord.guild.id,
          DISCORD_API_URL: discord.apiUrl,
          HTTP_PORT: String(httpPorts[i]),
          COORDINATION_ACCOUNTS: `slack:${TEAM_ID}:${SLACK_COORD.id},discord:${discord.guild.id}:${DISCORD_COORD.userId}`,
          OUTBOX_SWEEP_SECONDS: "1",
          LOG_LEVEL: "warn",
          // BENCH_NODE_OPTIONS: added for the replicas, to see where their time goes (`--import` a profiler).
          NODE_OPTIONS: nodeOptions,
          // BENCH_SHARE_COMMANDS=true: the replicas share their commands (README, "several replicas").
          SHARE_COMMANDS: process.env.BENCH_SHARE_COMMANDS === "true" ? "true" : "false",
        }),
      );
    }
    const healthy = (port: number) => fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.status === 200, () => false);
    await until(async () => (await healthy(httpPorts[0]!)) && (await healthy(httpPorts[1]!)), "two healthy replicas", 180_000);
    await until(() => discord.gateway.stats.identifies >= 1, "replica on the Discord gateway", 60_000);
    const slackUrls = slackPorts.map((p) => `http://127.0.0.1:${p}/slack/events`);

    // Coordination links the network channel on both platforms and plans the webinar.
    await slackCommand({ slack, url: slackUrls[0]! }, "config canal reseau", SLACK_NETWORK_CHANNEL);
    await discord.waitForAnswer(sendLine(discord, registry, "config canal reseau", DISCORD_COORD), 60_000);
    const planned = await slackCommand({ slack, url: slackUrls[1]! }, `webinaire planifier titre:"Rafale d'inscriptions" theme:partenariats debut:"${typedDate(30)}" capacite:${o.capacity}`, SLACK_NETWORK_CHANNEL);
    const code = codeOf(planned);
    const event = await app.services.events.repo.byCode(code);
    if (!event) throw new Error(`rsvp-burst: webinar ${code} not found`);

    // The announcements, as the outbox posted them: the buttons people click.
    const join = translator("fr")("ev.button.join");
    const slackPost = await slack.calls.next((c) => c.method === "chat.postMessage" && c.args.channel === SLACK_NETWORK_CHANNEL && slackText(c.args).includes("Rafale"), { timeoutMs: 60_000 });
    const slackJoin = slackButtons(slackPost.args).find((b) => b.label === join);
    const posted = await discord.waitUntil(() => discord.channel().messages.find((m) => discordText(m).includes("Rafale")), "the Discord announcement", 60_000);
    const discordButton = discordButtons(posted).find((b) => b.label === join);
    if (!slackJoin || !discordButton) throw new Error("rsvp-burst: the announcement has no register button");
    return { app, slack, discord, replicas, slackUrls, code, eventId: event.id, slackJoin, discordJoin: { message: posted, customId: discordButton.custom_id }, close };
  } catch (error) {
    for (const c of replicas) for (const line of c.stderr.slice(-10)) process.stderr.write(`rsvp-burst: replica log: ${line.slice(0, 400)}\n`);
    await close();
    throw error;
  }
}
