/**
 * `npm run discord:invite`: prints the link that adds the bot to a server, with the
 * permissions it needs and why (invite.ts). Needs DISCORD_APPLICATION_ID (from the
 * environment or the .env); DISCORD_GUILD_ID, when set, preselects that server.
 */
import { loadProcessConfig } from "../../config.js";
import { BOT_PERMISSIONS, botPermissions, inviteUrl } from "./invite.js";

function main(): number {
  const config = loadProcessConfig();
  if (!config.DISCORD_APPLICATION_ID) {
    process.stderr.write("DISCORD_APPLICATION_ID is required (Developer Portal → your application → General Information → Application ID)\n");
    return 2;
  }
  process.stdout.write(`${inviteUrl(config.DISCORD_APPLICATION_ID, config.DISCORD_GUILD_ID)}\n\n`);
  process.stdout.write(`permissions=${botPermissions()}:\n`);
  for (const p of BOT_PERMISSIONS) process.stdout.write(`  - ${p.flag}: ${p.why}\n`);
  return 0;
}

try {
  process.exitCode = main();
} catch (err) {
  process.stderr.write(`discord:invite failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 2;
}
