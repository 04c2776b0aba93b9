/**
 * The plain-language front door on Discord: a direct message to the bot, or a message that
 * mentions it in a channel, goes to the core's front door (`Inbound.converse`) and is
 * answered by a reply to that message, rendered as every other reply (render.ts).
 *
 * No privileged intent: the bot asks for GuildMessages and DirectMessages only, never
 * MessageContent. Discord documents that an app without the message content intent still
 * receives the content of "messages received in DMs", "messages where the bot is
 * @mentioned" and the messages it sends; other messages arrive with `content` empty
 * (https://support-dev.discord.com/hc/en-us/articles/6383579033751 "Message Content Intent
 * Alternatives & Workarounds"; discord/discord-api-docs discussion #5412 "Message Content is
 * Now a Privileged Intent"; https://discord.com/developers/docs/events/gateway#message-content-intent).
 * Those are exactly the messages answered here; anything else is ignored unread.
 *
 * Bots (ourselves included), webhooks and system messages are never answered, so two bots
 * cannot answer each other forever.
 */
import { ButtonStyle, DiscordAPIError, MessageType, RESTJSONErrorCodes, Routes, type Message, type REST } from "discord.js";
import type { Inbound, PlainMessage } from "../../core/inbound.js";
import type { Logger } from "../../core/logger.js";
import { translator } from "../../core/i18n/catalogue.js";
import { DEFAULT_LOCALE, type Reply } from "../../core/types.js";
import type { CustomIdStore } from "./custom-ids.js";
import { discordText } from "./messages.js";
import { buttonRows, renderReply, type DiscordMessage } from "./render.js";

/** What a message event is reduced to (a discord.js Message has it all). */
export interface WrittenMessage {
  id: string;
  channelId: string;
  guildId: string | null;
  content: string;
  type: MessageType;
  system: boolean;
  webhookId: string | null;
  author: { id: string; bot: boolean; username: string; globalName: string | null };
  /** Ids of the users the message mentions. */
  mentions: ReadonlySet<string> | { has(id: string): boolean };
}

/** Message types a person writes (a plain message, or a reply to another one). */
const WRITTEN = new Set<MessageType>([MessageType.Default, MessageType.Reply]);

/** Access refused in a channel the bot can read but not write to: it answers by DM instead. */
const NO_POST = new Set<number>([RESTJSONErrorCodes.MissingAccess, RESTJSONErrorCodes.MissingPermissions]);

const mentionsOff = { parse: [] as [] };

/** The text without the bot's own mention (`<@id>`, or `<@!id>` as older clients wrote it). */
export function withoutMention(content: string, botId: string): string {
  return content
    .replace(new RegExp(`<@!?${botId}>`, "g"), " ")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * Whether the message is for the front door: a person's message, in a DM or mentioning the
 * bot. Without the message content intent, nothing else even has its text.
 */
export function isForUs(m: WrittenMessage, botId: string | undefined): boolean {
  if (!botId || m.author.bot || m.system || m.webhookId || m.author.id === botId || !WRITTEN.has(m.type)) return false;
  return m.guildId === null || m.mentions.has(botId);
}

export interface ConversationDeps {
  rest: REST;
  inbound: Inbound;
  ids: CustomIdStore;
  logger: Logger;
  /** The bot's user id, once the gateway is ready. */
  botId(): string | undefined;
}

/** Reads the discord.js message the front door needs. */
export function written(m: Message): WrittenMessage {
  return {
    id: m.id,
    channelId: m.channelId,
    guildId: m.guildId,
    content: m.content,
    type: m.type,
    system: m.system,
    webhookId: m.webhookId,
    author: { id: m.author.id, bot: m.author.bot, username: m.author.username, globalName: m.author.globalName },
    mentions: m.mentions.users,
  };
}

/** Answers messages written to the bot; never throws (a failure is logged, and told when possible). */
export class DiscordConversation {
  constructor(private readonly d: ConversationDeps) {}

  async handle(m: WrittenMessage): Promise<void> {
    const botId = this.d.botId();
    if (!isForUs(m, botId)) return;
    const workspaceId = m.guildId ?? "dm";
    const message: PlainMessage = {
      platform: "discord",
      workspaceId,
      userId: m.author.id,
      userName: m.author.globalName ?? m.author.username,
      channel: { platform: "discord", workspaceId, channelId: m.channelId },
      text: withoutMention(m.content, botId!),
    };
    let reply: Reply | undefined;
    try {
      reply = await this.d.inbound.converse(message);
      await this.answer(m, this.render(reply));
    } catch (err) {
      this.d.logger.error({ err, channel: m.channelId, user: m.author.id }, "plain-language message could not be answered");
      const locale = reply?.locale ?? DEFAULT_LOCALE;
      await this.answer(m, [{ content: translator(locale)("error.internal"), allowed_mentions: mentionsOff }]).catch(() => undefined);
    }
  }

  /** The reply's messages; a form (which only an interaction can open) as a button that opens it. */
  private render(reply: Reply): DiscordMessage[] {
    if (!reply.form) return renderReply(reply, this.d.ids);
    const custom_id = this.d.ids.put({ kind: "form", form: reply.form, values: {} });
    return [{ content: reply.form.title, components: buttonRows([{ label: discordText("openForm", reply.locale), custom_id, style: ButtonStyle.Primary }]), allowed_mentions: mentionsOff }];
  }

  /** The first message as a reply to the person's message, the rest after it; by DM when the channel is closed to the bot. */
  private async answer(m: WrittenMessage, messages: DiscordMessage[]): Promise<void> {
    const reference = { message_id: m.id, fail_if_not_exists: false };
    try {
      for (const [i, part] of messages.entries()) {
        const body = i === 0 ? { ...part, message_reference: reference } : part;
        await this.d.rest.post(Routes.channelMessages(m.channelId), { body });
      }
    } catch (err) {
      if (!(err instanceof DiscordAPIError && NO_POST.has(Number(err.code)) && m.guildId)) throw err;
      this.d.logger.info({ channel: m.channelId }, "cannot post in the channel of a mention: answering by DM");
      const dm = (await this.d.rest.post(Routes.userChannels(), { body: { recipient_id: m.author.id } })) as { id: string };
      for (const part of messages) await this.d.rest.post(Routes.channelMessages(dm.id), { body: part });
    }
  }
}
