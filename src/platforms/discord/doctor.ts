/**
 * Discord's part of `npm run doctor`: the bot token (GET /users/@me), `/cdce` registered
 * where DISCORD_GUILD_ID says (guild or global) and equal to what this version would
 * register (src/platforms/discord/registration.ts), no copy left in the other scope, and
 * the bot's permissions in each linked channel, computed from the guild's roles, the bot
 * member's roles and the channel's overwrites (permissions.ts).
 */
import { DiscordAPIError, REST, Routes } from "discord.js";
import type { Config } from "../../config.js";
import type { CommandRegistry } from "../../core/commands.js";
import type { MessageKey } from "../../core/i18n/catalogue.js";
import { fail, ok, reason, warn, type Finding, type LinkedChannel } from "../../ops/doctor/report.js";
import { channelPermissions, missingChannelNeeds, type Overwrite } from "./permissions.js";
import { buildRegistrationBody, ROOT_COMMAND } from "./registration.js";
import { translator } from "../../core/i18n/catalogue.js";
import type { Locale } from "../../core/types.js";

type Json = Record<string, unknown>;

function apiError(err: unknown): string | undefined {
  return err instanceof DiscordAPIError ? `${err.status} ${err.message}` : undefined;
}

/**
 * Where `expected` and `actual` differ, as a path (`options.3.description`), else undefined.
 * Only what this version sends is compared: Discord adds ids, versions and defaults.
 */
export function firstDifference(expected: unknown, actual: unknown, path = ""): string | undefined {
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) return path || "(root)";
    for (let i = 0; i < expected.length; i++) {
      const d = firstDifference(expected[i], actual[i], `${path}${path ? "." : ""}${i}`);
      if (d) return d;
    }
    return undefined;
  }
  if (expected !== null && typeof expected === "object") {
    const a = (actual ?? {}) as Json;
    for (const [k, v] of Object.entries(expected as Json)) {
      // Discord leaves out `required: false` and empty lists in what it returns.
      if ((v === false || (Array.isArray(v) && v.length === 0)) && a[k] === undefined) continue;
      const d = firstDifference(v, a[k], `${path}${path ? "." : ""}${k}`);
      if (d) return d;
    }
    return undefined;
  }
  return expected === actual ? undefined : path || "(root)";
}

export async function discordDoctor(config: Config, registry: CommandRegistry, channels: readonly LinkedChannel[] | null, locale: Locale): Promise<Finding[]> {
  const rest = new REST({ ...(config.DISCORD_API_URL ? { api: config.DISCORD_API_URL } : {}), retries: 0, timeout: 10_000 }).setToken(config.DISCORD_TOKEN!);
  let me: Json;
  try {
    me = (await rest.get(Routes.user())) as Json;
  } catch (err) {
    const code = apiError(err);
    if (code) return [fail("doctor.discord.auth.invalid", { error: code }, { key: "doctor.discord.auth.invalid.fix" })];
    return [fail("doctor.discord.unreachable", { error: reason(err) }, { key: "doctor.discord.unreachable.fix" })];
  }
  const botId = String(me.id);
  const findings: Finding[] = [ok("doctor.discord.auth.ok", { name: String(me.username ?? "?"), id: botId })];
  findings.push(...(await commands(rest, config, registry, locale)));
  findings.push(...(await channelRights(rest, botId, channels, locale)));
  return findings;
}

async function commands(rest: REST, config: Config, registry: CommandRegistry, locale: Locale): Promise<Finding[]> {
  const app = config.DISCORD_APPLICATION_ID!;
  const guild = config.DISCORD_GUILD_ID;
  const scope = guild ? "guild" : "global";
  const where = translator(locale)("doctor.discord.where", { scope, guild: guild ?? "" });
  const fix = { key: "doctor.discord.commands.fix" as MessageKey };
  const read = async (route: `/${string}`) => (await rest.get(route)) as Json[];
  const out: Finding[] = [];
  try {
    const registered = await read(guild ? Routes.applicationGuildCommands(app, guild) : Routes.applicationCommands(app));
    // Every command of the set (each family, each context menu), matched by name and type.
    const expected = buildRegistrationBody(registry, { scope }) as unknown as Json[];
    const typeOf = (c: Json) => Number(c.type ?? 1);
    const missing = expected.filter((e) => !registered.some((r) => r.name === e.name && typeOf(r) === typeOf(e)));
    const diffs = expected.flatMap((e) => {
      const found = registered.find((r) => r.name === e.name && typeOf(r) === typeOf(e));
      const diff = found ? firstDifference(e, found) : undefined;
      return diff ? [diff] : [];
    });
    if (missing.length) out.push(fail("doctor.discord.commands.missing", { where: `${where} (${missing.map((m) => String(m.name)).join(", ")})` }, fix));
    else if (diffs.length) out.push(fail("doctor.discord.commands.outdated", { where, diff: diffs[0]! }, fix));
    else out.push(ok("doctor.discord.commands.ok", { where }));
    // A guild copy and a global one both show in that guild: people see /cdce twice.
    if (guild && (await read(Routes.applicationCommands(app))).some((c) => c.name === ROOT_COMMAND)) out.push(warn("doctor.discord.commands.both", {}, { key: "doctor.discord.commands.both.fix" }));
  } catch (err) {
    out.push(fail("doctor.discord.commands.missing", { where: `${where}: ${apiError(err) ?? reason(err)}` }, fix));
  }
  return out;
}

async function channelRights(rest: REST, botId: string, channels: readonly LinkedChannel[] | null, locale: Locale): Promise<Finding[]> {
  if (channels === null) return [];
  const mine = channels.filter((c) => c.platform === "discord");
  if (mine.length === 0) return [warn("doctor.channels.none", {}, { key: "doctor.channels.none.fix" })];
  const t = translator(locale);
  const fix = { key: "doctor.discord.channel.missing.fix" as MessageKey };
  const guilds = new Map<string, Promise<{ guild: Json; member: Json }>>();
  const out: Finding[] = [];
  for (const c of mine) {
    const params = { channel: c.channelId, purpose: c.purpose };
    try {
      const channel = (await rest.get(Routes.channel(c.channelId))) as Json;
      const guildId = String(channel.guild_id ?? c.workspaceId);
      if (!guilds.has(guildId)) {
        guilds.set(guildId, Promise.all([rest.get(Routes.guild(guildId)), rest.get(Routes.guildMember(guildId, botId))]).then(([guild, member]) => ({ guild: guild as Json, member: member as Json })));
      }
      const { guild, member } = await guilds.get(guildId)!;
      const perms = channelPermissions({
        guildId,
        ownerId: typeof guild.owner_id === "string" ? guild.owner_id : undefined,
        roles: (guild.roles as Array<{ id: string; permissions: string }> | undefined) ?? [],
        member: { userId: botId, roles: (member.roles as string[] | undefined) ?? [] },
        overwrites: (channel.permission_overwrites as Overwrite[] | undefined) ?? [],
      });
      const missing = missingChannelNeeds(perms);
      if (missing.length === 0) out.push(ok("doctor.discord.channel.ok", params));
      else out.push(fail("doctor.discord.channel.missing", { ...params, permissions: missing.map((m) => t(`doctor.discord.perm.${m}`)).join(", ") }, fix));
    } catch (err) {
      out.push(fail("doctor.discord.channel.unreadable", { ...params, error: apiError(err) ?? reason(err) }, fix));
    }
  }
  return out;
}
