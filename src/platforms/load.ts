/**
 * Loads the adapters that the configuration asks for. Imported lazily so that the
 * terminal mode never loads Bolt or discord.js (faster start, less memory).
 */
import type { AdapterDeps, PlatformAdapter } from "./adapter.js";
import type { Lease } from "../cluster/lease.js";
import { LeasedAdapter } from "../cluster/leased-adapter.js";

/** With `leader`, Discord connects only on the replica holding that lease (one gateway per token). */
export async function loadPlatformAdapters(deps: AdapterDeps, options: { leader?: Lease } = {}): Promise<PlatformAdapter[]> {
  const adapters: PlatformAdapter[] = [];
  if (deps.config.SLACK_BOT_TOKEN) {
    const { createSlackAdapter } = await import("./slack/index.js");
    adapters.push(createSlackAdapter(deps));
  }
  if (deps.config.DISCORD_TOKEN) {
    const { createDiscordAdapter } = await import("./discord/index.js");
    const leader = options.leader;
    adapters.push(leader ? new LeasedAdapter("discord", "discord", () => createDiscordAdapter(deps), leader, deps.logger) : createDiscordAdapter(deps));
  }
  return adapters;
}
