/**
 * Registers the bot's commands with Discord (every family, `/cdce`, `/cdce-admin`…, and
 * the context-menu commands): one bulk-overwrite PUT that replaces the application's
 * commands, so a command the bot no longer has disappears with it, on
 * one guild when a guild id is given (visible at once: the right choice while testing),
 * else globally (may take a while to reach every client). Registering on a guild also removes
 * a global copy (both would show in that guild, /cdce twice); going back to global, remove the
 * guild copy as docs/upgrade.md says.
 */
import { DefaultRestOptions, REST, Routes } from "discord.js";
import type { CommandRegistry } from "../../core/commands.js";
import { buildRegistrationBody } from "./registration.js";
import { honourBodyRetryAfter } from "./sender.js";

/** Credentials and the registry to register. */
export interface RegisterOptions {
  token: string;
  applicationId: string;
  guildId?: string;
  /** REST base (`http://127.0.0.1:PORT/api` in tests); Discord's by default. */
  apiUrl?: string;
  registry: CommandRegistry;
}

/** What was registered, for the CLI's one line. */
export interface RegisterResult {
  scope: "guild" | "global";
  /** Names of the registered chat-input commands (`cdce`, `cdce-admin`…). */
  commands: string[];
  /** Sub-commands under them, all together. */
  subcommands: number;
  /** Names of the registered context-menu commands. */
  contextMenus: string[];
}

/** PUTs the whole set on the guild (when given) or globally; returns what Discord saved. */
export async function registerCommands(o: RegisterOptions): Promise<RegisterResult> {
  const rest = new REST({ ...(o.apiUrl ? { api: o.apiUrl } : {}), makeRequest: honourBodyRetryAfter(DefaultRestOptions.makeRequest) }).setToken(o.token);
  const scope = o.guildId ? "guild" : "global";
  const body = buildRegistrationBody(o.registry, { scope });
  const route = o.guildId ? Routes.applicationGuildCommands(o.applicationId, o.guildId) : Routes.applicationCommands(o.applicationId);
  if (o.guildId) {
    const global = (await rest.get(Routes.applicationCommands(o.applicationId))) as unknown[];
    if (global.length > 0) await rest.put(Routes.applicationCommands(o.applicationId), { body: [] });
  }
  const saved = (await rest.put(route, { body })) as { name: string; type?: number }[];
  const chatInput = saved.filter((c) => (c.type ?? 1) === 1);
  const subcommands = body.reduce((n, c) => n + ("options" in c ? (c.options ?? []).reduce((k, o) => k + ("options" in o && o.type === 2 ? (o.options?.length ?? 0) : 1), 0) : 0), 0);
  return { scope, commands: chatInput.map((c) => c.name), subcommands, contextMenus: saved.filter((c) => c.type === 2 || c.type === 3).map((c) => c.name) };
}
