/**
 * Loads the adapters that the configuration asks for. Imported lazily so that the
 * terminal mode never loads Bolt or discord.js (faster start, less memory).
 */
import type { AdapterDeps, PlatformAdapter } from "./adapter.js";

export async function loadPlatformAdapters(deps: AdapterDeps): Promise<PlatformAdapter[]> {
  const adapters: PlatformAdapter[] = [];
  if (deps.config.SLACK_BOT_TOKEN) {
    const { createSlackAdapter } = await import("./slack/index.js");
    adapters.push(createSlackAdapter(deps));
  }
  if (deps.config.DISCORD_TOKEN) {
    const { createDiscordAdapter } = await import("./discord/index.js");
    adapters.push(createDiscordAdapter(deps));
  }
  return adapters;
}
