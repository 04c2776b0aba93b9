/**
 * The plain-language front door on Slack: a direct message to the bot (`message.im`) or a
 * mention of it in a channel (`app_mention`) goes to the core's front door
 * (`Inbound.converse`), and the answer comes back with the usual delivery: in the DM for a
 * direct message, ephemeral to the person (chat.postEphemeral) for a mention in a channel,
 * so a question does not fill the channel with the bot's suggestions.
 *
 * Slack also sends `message.im` for the bot's own posts in a DM and for edits, deletions and
 * joins (a `subtype`): only a person's new message is answered, never a bot's (ours
 * included), so two bots can never answer each other forever. Events API deliveries are
 * retried when an ack is late; a message already answered is not answered twice.
 */
import type { App } from "@slack/bolt";
import type { PlainMessage } from "../../core/inbound.js";
import type { Reply } from "../../core/types.js";
import { deliver, tellFailure, type SlackContext, type SlackTarget } from "./deliver.js";
import { describeSlackError } from "./errors.js";
import { unescapeLinks } from "./listeners.js";

/** The bot events this file answers (declared in the manifest, with their scopes). */
export const CONVERSATION_EVENTS = ["message.im", "app_mention"] as const;

/** What both events carry that the front door needs. */
export interface SlackMessageEvent {
  type: string;
  subtype?: string;
  bot_id?: string;
  user?: string;
  text?: string;
  channel?: string;
  channel_type?: string;
  ts?: string;
}

/** How many answered messages are remembered against redeliveries. */
const REMEMBERED = 500;

/**
 * The text without the bot's own mention (`<@U0BOT>` or `<@U0BOT|cdce>`), links given
 * bare as typed; other people's mentions are kept.
 */
export function withoutMention(text: string, botUserId: string | undefined): string {
  const own = botUserId ? new RegExp(`<@${botUserId}(?:\\|[^>]*)?>`, "g") : undefined;
  return unescapeLinks(own ? text.replace(own, " ") : text)
    .replace(/\s+/g, " ")
    .trim();
}

/** Whether a message event is a person's new message (not a bot's, not an edit or a join). */
export function isPersonMessage(e: SlackMessageEvent, botUserId: string | undefined): boolean {
  return !e.subtype && !e.bot_id && !!e.user && e.user !== botUserId && typeof e.text === "string";
}

export interface ConversationHooks {
  /** Keeps the promise until it settles, so that stop() can wait for in-flight replies. */
  track(work: Promise<unknown>): Promise<unknown>;
  /** The bot's user id (auth.test), to strip its mention and never answer itself. */
  botUserId?: string;
}

/** Registers the `message.im` and `app_mention` listeners on a Bolt app. */
export function registerConversationListeners(app: App, ctx: SlackContext, hooks: ConversationHooks): void {
  const answered = new Set<string>();
  const firstTime = (key: string): boolean => {
    if (answered.has(key)) return false;
    answered.add(key);
    if (answered.size > REMEMBERED) answered.delete(answered.values().next().value!);
    return true;
  };

  const answer = (teamId: string, e: SlackMessageEvent, where: "direct" | "mention") => {
    if (!isPersonMessage(e, hooks.botUserId) || !e.channel) return;
    if (!firstTime(`${e.channel}:${e.ts ?? ""}`)) return;
    return hooks.track(converse(ctx, { teamId, userId: e.user!, channelId: e.channel, text: withoutMention(e.text!, hooks.botUserId), where }));
  };

  app.event("message", async ({ event, body }) => {
    const e = event as SlackMessageEvent;
    // Subscribed to message.im only; a message from a channel would be answered through its mention.
    if (e.channel_type !== "im") return;
    await answer(body.team_id, e, "direct");
  });

  app.event("app_mention", async ({ event, body }) => {
    await answer(body.team_id, event as SlackMessageEvent, "mention");
  });
}

interface Written {
  teamId: string;
  userId: string;
  channelId: string;
  text: string;
  where: "direct" | "mention";
}

/** The front door for one message, answered where it was written; a failure is told, never silent. */
async function converse(ctx: SlackContext, w: Written): Promise<void> {
  const target: SlackTarget = { workspaceId: w.teamId, userId: w.userId, channel: { platform: "slack", workspaceId: w.teamId, channelId: w.channelId }, via: {} };
  let reply: Reply | undefined;
  try {
    const profile = await ctx.users.lookup(w.teamId, w.userId);
    const message: PlainMessage = {
      platform: "slack",
      workspaceId: w.teamId,
      userId: w.userId,
      userName: profile.name,
      platformLocale: profile.locale,
      platformTimeZone: profile.timeZone,
      channel: target.channel,
      text: w.text,
    };
    reply = await ctx.inbound.converse(message);
    // In a channel, the answer is for the person who asked; in their DM it is theirs anyway.
    await deliver(ctx, reply, { target, ephemeral: w.where === "mention" });
  } catch (err) {
    ctx.logger.error({ error: describeSlackError(err), team: w.teamId, user: w.userId }, "plain-language message could not be answered");
    await tellFailure(ctx, target, reply?.locale);
  }
}
