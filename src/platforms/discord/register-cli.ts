/**
 * `npm run discord:register`: registers the bot's commands (every family and the
 * context-menu commands) from the command registry, replacing all others, with the
 * credentials of the environment (DISCORD_TOKEN, DISCORD_APPLICATION_ID, optional
 * DISCORD_GUILD_ID and DISCORD_API_URL). Prints one line; exits non-zero on failure.
 */
import { loadProcessConfig } from "../../config.js";
import { createRegistry } from "../../features/index.js";
import { registerCommands } from "./register.js";

async function main(): Promise<number> {
  const config = loadProcessConfig();
  if (!config.DISCORD_TOKEN || !config.DISCORD_APPLICATION_ID) {
    process.stderr.write("DISCORD_TOKEN and DISCORD_APPLICATION_ID are required\n");
    return 2;
  }
  const result = await registerCommands({
    token: config.DISCORD_TOKEN,
    applicationId: config.DISCORD_APPLICATION_ID,
    guildId: config.DISCORD_GUILD_ID,
    apiUrl: config.DISCORD_API_URL,
    registry: createRegistry(),
  });
  const where = result.scope === "guild" ? `guild ${config.DISCORD_GUILD_ID}` : "global (may take up to an hour to appear)";
  const menus = result.contextMenus.length ? ` and right-click commands "${result.contextMenus.join('", "')}"` : "";
  process.stdout.write(`registered /${result.commands.join(", /")} with ${result.subcommands} sub-commands${menus}: ${where}\n`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`discord:register failed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
