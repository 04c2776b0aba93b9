/**
 * Who a person named in a command is, as their platform knows them. `/cdce role @Marie …`
 * gives rights to an account: it must be a real user of that platform, never `@everyone`,
 * a role, or a word that only looks like an id. Each platform adapter registers a directory
 * that asks its platform (Slack users.info, Discord guild members); the terminal knows
 * only the local users who already used the bot.
 */
import type { Platform } from "./types.js";

/** What a platform says of a user id: real (with its display name), unknown, or no answer. */
export type UserLookup = { found: true; name?: string } | { found: false; reason: "unknown" | "unavailable" };

export interface UserDirectory {
  /** Never throws: a failure to ask is `unavailable`. */
  lookup(workspaceId: string, userId: string): Promise<UserLookup>;
}

/**
 * Reads a user mention or id in the syntax of `platform` and returns the user id, or
 * undefined for anything else: `@everyone`, `@here`, Slack's `<!here>` and user groups,
 * Discord's `<@&role>`, a bare word. Slack: `<@U123|name>` or `U0123ABCD`; Discord:
 * `<@123…>`, `<@!123…>` or the 17 to 20 digit id; terminal: a local user id (`marie`).
 */
export function parseUserMention(raw: string, platform: Platform): string | undefined {
  const s = raw.trim();
  const first = (patterns: RegExp[]) => patterns.map((p) => p.exec(s)?.[1]).find((id) => id !== undefined);
  switch (platform) {
    case "slack":
      return first([/^<@([UW][A-Z0-9]{2,20})(?:\|[^>]*)?>$/, /^([UW][A-Z0-9]{6,20})$/]);
    case "discord":
      return first([/^<@!?(\d{17,20})>$/, /^(\d{17,20})$/]);
    case "terminal":
      // Letters or digits first: `__proto__` and friends are no local user.
      return first([/^@?([a-z0-9][a-z0-9._-]{0,39})$/i]);
  }
}

/**
 * The terminal's directory: a local user is one who already has an account, which the
 * command checks itself (through its own unit of work); nobody else exists there.
 */
export const LOCAL_USERS_ONLY: UserDirectory = {
  lookup: async () => ({ found: false, reason: "unknown" }),
};

/** The directories of the platforms running in this process, registered by their adapters. */
export class PlatformUsers {
  private readonly directories = new Map<Platform, UserDirectory>();

  register(platform: Platform, directory: UserDirectory): void {
    this.directories.set(platform, directory);
  }

  /** A platform with no directory (its adapter is not running here) cannot vouch for anyone. */
  lookup(platform: Platform, workspaceId: string, userId: string): Promise<UserLookup> {
    const directory = this.directories.get(platform);
    return directory ? directory.lookup(workspaceId, userId) : Promise.resolve({ found: false, reason: "unavailable" });
  }
}
