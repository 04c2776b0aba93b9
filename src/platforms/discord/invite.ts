/**
 * The link that adds the bot to a Discord server, with exactly the permissions the code uses
 * (and the reason for each, shown by `npm run discord:invite` and docs/discord.md).
 *
 * What the bot does in a server, and what each step needs:
 * - outbox posts (sender.ts, `POST /channels/{id}/messages`): View Channel, Send Messages;
 *   every post is rendered as embeds (render.ts): Embed Links;
 * - the check after a crash (sender.ts `findSent`, `GET /channels/{id}/messages`): Read
 *   Message History, without which Discord answers 403 and a message may go out twice;
 * - command replies go through the interaction, which needs no Send Messages, but Discord
 *   applies the app's permissions in the channel to what they carry: embeds (Embed Links)
 *   and the files of `agenda ics`, the map or `moi export` (Attach Files);
 * - deleting its own messages (`remove`), direct messages and member look-ups need nothing;
 * - the guild's scheduled events that mirror webinars and local events (scheduled-events.ts:
 *   create, edit, cancel): Manage Events;
 * - a network channel that is a forum gets each post as a forum post (forum.ts, `POST
 *   /channels/{id}/threads`): Discord documents Send Messages (shown as "Create Posts" in a
 *   forum) as the right to open one, so no Create Public Threads; Send Messages in Threads for
 *   the rest of a post cut into several messages. Adding the forum's missing tags needs
 *   Manage Channels, not asked: without it the existing tags are matched by name.
 * Not asked, because nothing uses them: reactions, mentions of everyone, roles, Create
 * Public Threads, Manage Channels, Manage Threads (a withdrawn forum post loses its message, its thread stays).
 * Add a flag here in the same change as the code that starts needing it.
 */
import { PermissionFlagsBits, PermissionsBitField } from "discord.js";

export type BotPermission = keyof typeof PermissionFlagsBits;

export interface PermissionNeed {
  flag: BotPermission;
  /** Shown by `npm run discord:invite`; docs/discord.md says the same in its table. */
  why: string;
}

export const BOT_PERMISSIONS: readonly PermissionNeed[] = [
  { flag: "ViewChannel", why: "see the linked channels to post reminders and alerts there" },
  { flag: "SendMessages", why: "post reminders, deadline warnings and alerts (the outbox) in linked channels" },
  { flag: "EmbedLinks", why: "every message and reply is laid out as embeds" },
  { flag: "AttachFiles", why: "replies that carry files: calendars (.ics), the initiatives map, personal data exports" },
  { flag: "ReadMessageHistory", why: "after a crash, read the channel's recent messages to check whether a message already went out (no duplicate)" },
  { flag: "ManageEvents", why: "mirror webinars and local events as the server's scheduled events, moved and cancelled with them" },
  { flag: "SendMessagesInThreads", why: "a forum channel linked for the network gets each initiative as a forum post: the rest of a long post goes inside its thread" },
];

/** The bitfield of {@link BOT_PERMISSIONS}, as Discord's `permissions=` parameter wants it. */
export function botPermissions(): bigint {
  return new PermissionsBitField(BOT_PERMISSIONS.map((p) => PermissionFlagsBits[p.flag])).bitfield;
}

/**
 * The OAuth2 authorize URL: the bot user and its slash commands, with {@link botPermissions}.
 * With a server id, Discord preselects that server.
 */
export function inviteUrl(applicationId: string, guildId?: string): string {
  const query = new URLSearchParams({ client_id: applicationId, scope: "bot applications.commands", permissions: botPermissions().toString() });
  if (guildId) query.set("guild_id", guildId);
  return `https://discord.com/oauth2/authorize?${query.toString()}`;
}
