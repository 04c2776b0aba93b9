/**
 * Who a Discord user id is, for the core (`/cdce role`): a member of the guild the command
 * came from, asked over REST (GET /guilds/{guild}/members/{user}; no privileged intent
 * needed). A role id, `@everyone` or an id nobody holds in the guild is answered "unknown".
 */
import { DiscordAPIError, Routes, type REST } from "discord.js";
import type { Logger } from "../../core/logger.js";
import type { UserDirectory, UserLookup } from "../../core/platform-users.js";

/** Discord's JSON error codes for a member or user that does not exist. */
const UNKNOWN_MEMBER = new Set([10007, 10013]);

interface Member {
  nick?: string | null;
  user?: { username?: string; global_name?: string | null; bot?: boolean };
}

export function discordUserDirectory(rest: Pick<REST, "get">, logger: Logger): UserDirectory {
  return {
    async lookup(guildId: string, userId: string): Promise<UserLookup> {
      // In a DM there is no guild whose members could vouch for anyone.
      if (!/^\d{17,20}$/.test(guildId)) return { found: false, reason: "unknown" };
      try {
        const member = (await rest.get(Routes.guildMember(guildId, userId))) as Member;
        if (member.user?.bot) return { found: false, reason: "unknown" };
        return { found: true, name: member.nick || member.user?.global_name || member.user?.username || undefined };
      } catch (err) {
        if (err instanceof DiscordAPIError && (UNKNOWN_MEMBER.has(Number(err.code)) || err.status === 404)) return { found: false, reason: "unknown" };
        logger.warn({ status: (err as { status?: number }).status, code: (err as { code?: unknown }).code }, "discord member lookup failed: cannot confirm a user");
        return { found: false, reason: "unavailable" };
      }
    },
  };
}
