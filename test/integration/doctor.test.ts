/**
 * `npm run doctor` against the fake Slack and the fake Discord (real SDKs, real protocol on
 * 127.0.0.1) and a real SQLite database: a good setup passes with exit code 0; a bad one
 * names each broken item (wrong token, missing scope, channel without rights, nobody in
 * coordination) with its fix, in the reader's language, and exits 1.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { doctorChecks, doctorContext } from "../../src/doctor-checks.js";
import { exitCode, renderReport, runChecks, type CheckOutcome } from "../../src/ops/doctor/report.js";
import { registerCommands } from "../../src/platforms/discord/register.js";
import { createRegistry } from "../../src/features/index.js";
import { PERMISSION } from "../../src/platforms/discord/permissions.js";
import type { Locale } from "../../src/core/types.js";
import { APP_TOKEN, BOT_TOKEN, FakeSlack, TEAM_ID } from "../fakes/slack/server.js";
import { FakeDiscord } from "../fakes/discord/fake-discord.js";
import { createTestApp, type TestApp } from "../helpers/test-app.js";
import { runNode } from "../helpers/child.js";

let slack: FakeSlack;
let discord: FakeDiscord;
let app: TestApp;
const SLACK_CHANNEL = "C0NAMUR";
const SLACK_COORDINATION = "C0COORD";

beforeAll(async () => {
  [slack, discord, app] = await Promise.all([FakeSlack.start(), FakeDiscord.start(), createTestApp()]);
  const namur = await app.services.repos.communes.findByName("Namur");
  const guild = discord.guilds[0]!;
  const links = [
    { platform: "slack", workspaceId: TEAM_ID, channelId: SLACK_CHANNEL, purpose: "commune", communeId: namur!.id },
    { platform: "slack", workspaceId: TEAM_ID, channelId: SLACK_COORDINATION, purpose: "coordination", communeId: null },
    { platform: "discord", workspaceId: guild.id, channelId: guild.channels[0]!.id, purpose: "commune", communeId: namur!.id },
    { platform: "discord", workspaceId: guild.id, channelId: guild.channels[1]!.id, purpose: "coordination", communeId: null },
  ] as const;
  for (const link of links) await app.services.repos.channels.link(link);
});
afterAll(async () => {
  await Promise.all([slack?.close(), discord?.close(), app?.close()]);
});

/** A good setup; each test breaks one thing after it. */
function goodEnv(): NodeJS.ProcessEnv {
  return {
    DATABASE_URL: app.databaseUrl,
    SEED_ON_START: "false",
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_APP_TOKEN: APP_TOKEN,
    SLACK_API_URL: slack.apiUrl,
    DISCORD_TOKEN: discord.token,
    DISCORD_APPLICATION_ID: discord.applicationId,
    DISCORD_GUILD_ID: discord.guilds[0]!.id,
    DISCORD_API_URL: discord.apiUrl,
    COORDINATION_ACCOUNTS: `slack:${TEAM_ID}:U0FRANCOISE`,
  };
}

async function doctor(env: NodeJS.ProcessEnv, locale: Locale = "fr") {
  const outcomes = (await runChecks(doctorChecks(doctorContext(env, locale, new Date("2026-11-29T10:00:00Z"))))).filter((o) => o.findings.length > 0);
  return { outcomes, code: exitCode(outcomes), text: renderReport(outcomes, locale), failed: failures(outcomes) };
}

/** `check: message key` of every failure. */
function failures(outcomes: CheckOutcome[]): string[] {
  return outcomes.flatMap((o) => o.findings.filter((f) => f.status === "fail").map((f) => `${o.id}: ${f.text.key}`));
}

async function register(): Promise<void> {
  await registerCommands({ token: discord.token, applicationId: discord.applicationId, guildId: discord.guilds[0]!.id, apiUrl: discord.apiUrl, registry: createRegistry() });
}

const guild = () => discord.guilds[0]!;
afterEach(() => {
  // Back to the good setup.
  for (const s of ["chat:write", "users:read", "channels:history", "groups:history", "im:history", "im:write", "files:write", "commands"]) slack.api.scopes.add(s);
  slack.api.notInChannel.clear();
  for (const c of guild().channels) delete c.permissionOverwrites;
});

describe("npm run doctor", { timeout: 60_000 }, () => {
  it("passes a good setup: every check ok, exit code 0, in French by default", async () => {
    await register();
    const r = await doctor(goodEnv());
    expect(r.failed).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.outcomes.map((o) => o.id)).toEqual(["config", "database", "communes", "coordinator", "slack", "discord", "redis"]);
    expect(r.text).toContain("Jeton du bot valide (espace CDCE, T0CDCE)");
    expect(r.text).toContain("Toutes les permissions du manifeste sont accordées.");
    expect(r.text).toContain("Socket Mode prêt");
    expect(r.text).toContain(`Canal ${SLACK_CHANNEL} (commune Namur) : le bot peut y écrire`);
    expect(r.text).toMatch(/\/cdce est enregistré sur le serveur \d+ et correspond à cette version/);
    expect(r.text).toContain(`Salon ${guild().channels[1]!.id} (coordination) : le bot peut y écrire`);
    expect(r.text).toContain("Tout ce qu’il faut est en place");
    // Secrets never appear in the report.
    expect(r.text).not.toContain(BOT_TOKEN);
    expect(r.text).not.toContain(discord.token);
  });

  it("names each broken item of a bad setup, with how to fix it, and exits 1", async () => {
    await register();
    slack.api.scopes.delete("files:write");
    slack.api.notInChannel.add(SLACK_COORDINATION);
    // The coordination channel refuses posts to @everyone, the bot's only role.
    guild().channels[1]!.permissionOverwrites = [{ id: guild().id, type: 0, allow: "0", deny: String(PERMISSION.SEND_MESSAGES | PERMISSION.READ_MESSAGE_HISTORY) }];
    const env = { ...goodEnv(), COORDINATION_ACCOUNTS: undefined, DISCORD_TOKEN: "not-the-token" };
    const r = await doctor(env);
    expect(r.code).toBe(1);
    expect(r.failed).toEqual(["coordinator: doctor.coordinator.none", "slack: doctor.slack.scopes.missing", "slack: doctor.slack.channel.notMember", "discord: doctor.discord.auth.invalid"]);
    expect(r.text).toContain("Permissions manquantes : files:write.");
    expect(r.text).toContain(`Le bot n’est pas membre du canal ${SLACK_COORDINATION} (coordination)`);
    expect(r.text).toContain("→ Dans ce canal, tapez `/invite @cdce`.");
    expect(r.text).toContain("Discord refuse le jeton du bot (401");
    expect(r.text).toContain("Personne n’a le rôle coordination");
    // With the way out: a new one-time claim code (the one printed at start may be lost).
    const code = /`\/cdce admin revendiquer (\S+)`/.exec(r.text)?.[1];
    expect(code).toBeDefined();
    expect(r.text).toContain("les codes précédents ne valent plus");
    expect(r.text).toContain("4 points bloquent");

    // With the right Discord token, the channel without rights is named with what it lacks, in German.
    const de = await doctor({ ...env, DISCORD_TOKEN: discord.token }, "de");
    expect(de.failed).toContain("discord: doctor.discord.channel.missing");
    expect(de.text).toContain(`Kanal ${guild().channels[1]!.id} (coordination): dem Bot fehlt Nachrichten senden, Nachrichtenverlauf anzeigen.`);
    expect(de.text).toContain(`Kanal ${guild().channels[0]!.id} (commune Namur): der Bot kann dort schreiben`);
  });

  it("says a wrong Slack token, a channel the bot cannot see and a missing or outdated /cdce", async () => {
    const outdated = createRegistry();
    await registerCommands({ token: discord.token, applicationId: discord.applicationId, guildId: guild().id, apiUrl: discord.apiUrl, registry: outdated });
    const last = discord.registrations.at(-1)!.body as Array<{ description: string }>;
    last[0]!.description = "an older description";
    await app.services.repos.channels.link({ platform: "discord", workspaceId: guild().id, channelId: guild().channels[2]!.id, purpose: "network", communeId: null });
    try {
      const r = await doctor({ ...goodEnv(), SLACK_BOT_TOKEN: "xoxb-wrong" }, "en");
      expect(r.failed).toEqual(["slack: doctor.slack.auth.invalid", "discord: doctor.discord.commands.outdated", "discord: doctor.discord.channel.unreadable"]);
      expect(r.text).toContain("Slack refuses the bot token (invalid_auth).");
      expect(r.text).toContain("differs from this version (description)");
      expect(r.text).toContain("→ Run `npm run discord:register`.");
      expect(r.text).toContain("403 Missing Access");
    } finally {
      await app.services.repos.channels.unlink("discord", guild().id, guild().channels[2]!.id);
    }
  });

  it("warns when /cdce is registered both globally and on the server; registering on the server removes the global copy", async () => {
    await register();
    await registerCommands({ token: discord.token, applicationId: discord.applicationId, apiUrl: discord.apiUrl, registry: createRegistry() });
    const both = await doctor(goodEnv(), "en");
    expect(both.outcomes.find((o) => o.id === "discord")!.findings.map((f) => `${f.status} ${f.text.key}`)).toContain("warn doctor.discord.commands.both");
    expect(both.code).toBe(0);
    await register();
    const after = await doctor(goodEnv(), "en");
    expect(after.text).not.toContain("both on the server and globally");
    expect(discord.registrations.at(-2)).toMatchObject({ path: `/applications/${discord.applicationId}/commands`, body: [] });
  });

  it("reports an invalid configuration without touching anything else", async () => {
    const r = await doctor({ DATABASE_URL: "mysql://x", SLACK_BOT_TOKEN: "not-a-token" }, "nl");
    expect(r.code).toBe(1);
    expect(r.failed).toEqual(["config: doctor.config.invalid", "config: doctor.config.invalid"]);
    expect(r.text).toContain("Geweigerde waarde: DATABASE_URL");
    expect(r.text).toContain("Geweigerde waarde: SLACK_BOT_TOKEN");
  });
});

describe("npm run doctor on the database", { timeout: 60_000 }, () => {
  it("says an unreachable PostgreSQL with how to fix it, and a SQLite file not created yet as a warning", async () => {
    const down = await doctor({ DATABASE_URL: "postgresql://root@127.0.0.1:1/test", DATABASE_CONNECT_TIMEOUT_MS: "500" }, "en");
    expect(down.failed).toContain("database: doctor.db.unreachable");
    expect(down.text).toContain("Database unreachable (PostgreSQL 127.0.0.1:1/test, schema public)");
    expect(down.code).toBe(1);
    const fresh = await doctor({ DATABASE_URL: `file:${app.databaseUrl.slice(5)}-not-yet.db`, COORDINATION_ACCOUNTS: "terminal:local:me" }, "en");
    expect(fresh.failed).toEqual([]);
    expect(fresh.text).toContain("does not exist yet: it is created and migrated at start");
    expect(fresh.text).toContain("the demo data will be loaded at start");
  });
});

describe("the npm run doctor command", { timeout: 120_000 }, () => {
  it("prints the report in the language of --lang (else LANG) and exits 1 when something needed is broken", async () => {
    const env = { DATABASE_URL: app.databaseUrl, SLACK_BOT_TOKEN: "xoxb-wrong", SLACK_APP_TOKEN: APP_TOKEN, SLACK_API_URL: slack.apiUrl, COORDINATION_ACCOUNTS: `slack:${TEAM_ID}:U0FRANCOISE` };
    const r = await runNode(["--import", "tsx", "src/doctor-cli.ts"], { ...env, LANG: "nl_BE.UTF-8" });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("Diagnose van de CDCE-bot");
    expect(r.stdout).toContain("Slack weigert het bottoken (invalid_auth).");
    const good = await runNode(["--import", "tsx", "src/doctor-cli.ts", "--lang", "de"], { ...env, SLACK_BOT_TOKEN: BOT_TOKEN, LANG: "nl_BE.UTF-8" });
    expect(good.code).toBe(0);
    expect(good.stdout).toContain("Alles Nötige ist vorhanden");
  });
});
