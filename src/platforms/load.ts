/**
 * Which platforms a run has, and building them. The terminal runs when no Slack or Discord
 * token is set, or with --terminal or --once; Slack and Discord run when their token is set,
 * except for a --once run (one reply, nothing in the background). Imported lazily so that
 * the terminal mode never loads Bolt or discord.js (faster start, less memory).
 */
import type { Config } from "../config.js";
import type { Inbound } from "../core/inbound.js";
import type { Logger } from "../core/logger.js";
import type { OutboxEntry } from "../core/notify.js";
import type { ChatPlatform } from "../core/platform.js";
import type { Repositories } from "../core/ports.js";
import type { Clock } from "../core/types.js";
import type { Lease } from "../cluster/lease.js";
import { LeasedPlatform } from "../cluster/leased-platform.js";
import type { TerminalArgs } from "./terminal/args.js";

export interface PlatformPlan {
  slack: boolean;
  discord: boolean;
  terminal: boolean;
  /**
   * Whether the service also works on its own (outbox, jobs, /healthz and /metrics):
   * with Slack or Discord, not for one --once reply.
   */
  background: boolean;
  /**
   * The interactive terminal alone: it runs the outbox and the jobs itself, as the only
   * replica (src/terminal-runtime.ts), without /healthz.
   */
  terminalBackground: boolean;
}

export function planPlatforms(config: Config, args: TerminalArgs): PlatformPlan {
  const background = !!(config.SLACK_BOT_TOKEN || config.DISCORD_TOKEN) && args.once === undefined;
  return {
    slack: background && !!config.SLACK_BOT_TOKEN,
    discord: background && !!config.DISCORD_TOKEN,
    terminal: args.terminal || args.once !== undefined || !(config.SLACK_BOT_TOKEN || config.DISCORD_TOKEN),
    background,
    terminalBackground: !background && args.once === undefined,
  };
}

export interface LoadDeps {
  config: Config;
  inbound: Inbound;
  logger: Logger;
  /** For the terminal's local person. */
  repos: Repositories;
  clock: Clock;
  args: TerminalArgs;
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** After a --once line, what it queued (the outbox's rows created since). */
  queuedBetween?(since: Date, until: Date, limit: number): Promise<OutboxEntry[]>;
}

/** With `leader`, Discord connects only on the replica holding that lease (one gateway per token). */
export async function loadPlatforms(plan: PlatformPlan, deps: LoadDeps, options: { leader?: Lease } = {}): Promise<ChatPlatform[]> {
  const platforms: ChatPlatform[] = [];
  const base = { config: deps.config, inbound: deps.inbound, logger: deps.logger };
  if (plan.slack) {
    const { createSlackAdapter } = await import("./slack/index.js");
    platforms.push(createSlackAdapter(base));
  }
  if (plan.discord) {
    const { createDiscordAdapter, registerDiscordLookups } = await import("./discord/index.js");
    const leader = options.leader;
    // Standing by, this replica still runs Discord commands the holder shares with it.
    if (leader) registerDiscordLookups(base);
    platforms.push(leader ? new LeasedPlatform("discord", "discord", () => createDiscordAdapter(base), leader, deps.logger) : createDiscordAdapter(base));
  }
  if (plan.terminal) {
    const { createTerminalPlatform } = await import("./terminal/terminal.js");
    platforms.push(createTerminalPlatform({ inbound: deps.inbound, repos: deps.repos, clock: deps.clock, args: deps.args, input: deps.input, output: deps.output, queuedBetween: deps.queuedBetween }));
  }
  return platforms;
}
