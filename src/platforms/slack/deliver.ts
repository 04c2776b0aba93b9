/**
 * Runs one Slack invocation (a slash command, a click, a form submission) through the core
 * and brings the reply to the user: through `respond()` (the response_url) when Slack gave
 * one, else as an ephemeral message or a DM; a form opens a modal. Whatever fails after the
 * ack ends as a short message in the user's language, never as a stack trace or silence.
 * `deliver` and `openForm` are the Slack platform's own (src/core/platform.ts).
 */
import type { RespondFn, webApi } from "@slack/bolt";
import type { Inbound } from "../../core/inbound.js";
import type { Logger } from "../../core/logger.js";
import type { DeliverOptions, ReplyTarget } from "../../core/platform.js";
import { message } from "../../core/reply.js";
import { DEFAULT_LOCALE, type FileRequest, type Form, type IncomingCommand, type IncomingFile, type Locale, type Reply } from "../../core/types.js";
import { toLocale, translator } from "../../core/i18n/catalogue.js";
import { describeSlackError, isAccessError } from "./errors.js";
import { uploadReplyFiles } from "./files.js";
import { fileView, formView } from "./modal.js";
import { slackPayloads, type SlackPayload } from "./render.js";
import type { SlackProfile, UserDirectory } from "./users.js";

/** What the listeners share. */
export interface SlackContext {
  inbound: Inbound;
  users: UserDirectory;
  /** The Bolt app's Web API client (views.open, chat.postEphemeral, DMs). */
  client: webApi.WebClient;
  logger: Logger;
  /** The slash command as typed in Slack (`/cdce`), for usage hints. */
  command: string;
  /** The bot token, for downloading files people give in a modal (url_private needs it). */
  botToken: string;
}

/** Slack's handles on the conversation of a command or click (a form submission has none). */
export interface SlackVia {
  /** Valid 3 s: lets a reply open a modal. */
  triggerId?: string;
  /** The response_url. */
  respond?: RespondFn;
}

export type SlackTarget = ReplyTarget<SlackVia>;

/** One thing a Slack user did, reduced to what the core and the reply path need. */
export interface Invocation {
  teamId: string;
  userId: string;
  userName?: string;
  channelId?: string;
  text?: string;
  structured?: { name: string; options: Record<string, unknown> };
  /** Present for commands and clicks (valid 3 s): lets a reply open a modal. */
  triggerId?: string;
  /** Present for commands and clicks: the response_url. */
  respond?: RespondFn;
  /** Slack's stamp of a click, when there is one. */
  actedAt?: Date;
  /** Files given in a modal's file input, downloaded. */
  files?: IncomingFile[];
}

/** Where the reply to `inv` goes. */
export function targetOf(inv: Invocation): SlackTarget {
  return {
    workspaceId: inv.teamId,
    userId: inv.userId,
    channel: inv.channelId ? { platform: "slack", workspaceId: inv.teamId, channelId: inv.channelId } : undefined,
    via: { triggerId: inv.triggerId, respond: inv.respond },
  };
}

/** The IncomingCommand the core expects, with the locale and zone Slack knows. */
export function toIncoming(inv: Invocation, profile: SlackProfile): IncomingCommand {
  const incoming: IncomingCommand = {
    platform: "slack",
    workspaceId: inv.teamId,
    userId: inv.userId,
    userName: profile.name ?? inv.userName,
    platformLocale: profile.locale,
    platformTimeZone: profile.timeZone,
  };
  if (inv.channelId) incoming.channel = { platform: "slack", workspaceId: inv.teamId, channelId: inv.channelId };
  if (inv.actedAt) incoming.actedAt = inv.actedAt;
  if (inv.files) incoming.files = inv.files;
  if (inv.structured) incoming.structured = inv.structured;
  else incoming.text = inv.text ?? "";
  return incoming;
}

/** Runs the invocation through the core; the reply carries the user's locale. */
export async function dispatch(ctx: SlackContext, inv: Invocation): Promise<Reply> {
  const profile = await ctx.users.lookup(inv.teamId, inv.userId);
  return ctx.inbound.handle(toIncoming(inv, profile));
}

/** Posts where the user will see it when there is no response_url (modal submissions). */
async function postToUser(ctx: SlackContext, target: SlackTarget, ephemeral: boolean, messages: SlackPayload[]) {
  const channelId = target.channel?.channelId;
  for (const m of messages) {
    if (channelId && !ephemeral) {
      await ctx.client.chat.postMessage({ channel: channelId, ...m });
      continue;
    }
    if (channelId) {
      try {
        await ctx.client.chat.postEphemeral({ channel: channelId, user: target.userId, ...m });
        continue;
      } catch (err) {
        // The bot may not be in that channel (or it is gone): the user's DM always works.
        if (!isAccessError(err)) throw err;
        ctx.logger.info({ error: describeSlackError(err) }, "ephemeral post refused, answering by DM");
      }
    }
    await ctx.client.chat.postMessage({ channel: target.userId, ...m });
  }
}

async function send(ctx: SlackContext, target: SlackTarget, reply: Reply, ephemeral: boolean): Promise<void> {
  const messages = slackPayloads(reply);
  const respond = target.via.respond;
  if (!respond) await postToUser(ctx, target, ephemeral, messages);
  else {
    const response_type = ephemeral ? "ephemeral" : "in_channel";
    // In order: a split reply must read top to bottom. Never replace the clicked message.
    for (const m of messages) await respond({ response_type, replace_original: false, ...m });
  }
  // Files after the text, which must make sense alone (see Reply.files).
  const tell = (text: string) => send(ctx, target, message(reply.locale, text), true);
  const shown: Reply = { ...reply, visibility: ephemeral ? "ephemeral" : "channel" };
  await uploadReplyFiles({ client: ctx.client, logger: ctx.logger, userId: target.userId, channelId: target.channel?.channelId, tell }, shown);
}

/** Opens `form` as a modal; false when Slack refused (expired trigger_id...) or cannot (no trigger). */
export async function openForm(ctx: SlackContext, form: Form, target: SlackTarget, locale: Locale): Promise<boolean> {
  const triggerId = target.via.triggerId;
  if (!triggerId) return false;
  try {
    await ctx.client.views.open({
      trigger_id: triggerId,
      view: formView(form, { command: form.submitCommand, channelId: target.channel?.channelId, locale }),
    });
    return true;
  } catch (err) {
    ctx.logger.warn({ error: describeSlackError(err), command: form.submitCommand }, "views.open failed: answering with the typed form");
    return false;
  }
}

/** Opens the modal asking for a file; false when Slack refused or cannot (no trigger). */
async function askFile(ctx: SlackContext, request: FileRequest, target: SlackTarget, locale: Locale): Promise<boolean> {
  const triggerId = target.via.triggerId;
  if (!triggerId) return false;
  try {
    await ctx.client.views.open({ trigger_id: triggerId, view: fileView(request, { command: request.command, channelId: target.channel?.channelId, locale }) });
    return true;
  } catch (err) {
    ctx.logger.warn({ error: describeSlackError(err), command: request.command }, "views.open failed for a file input: answering with the message");
    return false;
  }
}

/** When no modal could open: the form's title and the line to type instead. */
function typedForm(ctx: SlackContext, form: Form, locale: Locale): Reply {
  const usage = form.usage ? `\n\`${ctx.command} ${form.usage}\`` : "";
  return message(locale, `**${form.title}**${usage}`);
}

/** Brings `reply` to the user: a modal for a form, else the rendered messages. */
export async function deliver(ctx: SlackContext, reply: Reply, { target, ephemeral }: DeliverOptions<SlackVia>): Promise<void> {
  if (reply.form) {
    if (await openForm(ctx, reply.form, target, reply.locale)) return;
    return send(ctx, target, typedForm(ctx, reply.form, reply.locale), ephemeral);
  }
  // The reply itself says how to give the file: it is the answer when no dialog can open.
  if (reply.askFile && (await askFile(ctx, reply.askFile, target, reply.locale))) return;
  return send(ctx, target, reply, ephemeral);
}

/** Tells the user that something failed on our side, in their language; logs only otherwise. */
export async function tellFailure(ctx: SlackContext, target: SlackTarget, locale: Locale | undefined): Promise<void> {
  const lang = locale ?? toLocale((await ctx.users.lookup(target.workspaceId, target.userId).catch(() => ({}) as SlackProfile)).locale) ?? DEFAULT_LOCALE;
  try {
    await send(ctx, target, message(lang, translator(lang)("error.internal")), true);
  } catch (err) {
    ctx.logger.error({ error: describeSlackError(err), team: target.workspaceId, user: target.userId }, "could not tell the user about a failure");
  }
}

/** Dispatch + deliver, with the failure path: the whole life of one invocation after its ack. */
export async function handleInvocation(ctx: SlackContext, inv: Invocation): Promise<void> {
  let reply: Reply | undefined;
  const target = targetOf(inv);
  try {
    reply = await dispatch(ctx, inv);
    await deliver(ctx, reply, { target, ephemeral: reply.visibility === "ephemeral" });
  } catch (err) {
    ctx.logger.error({ error: describeSlackError(err), team: inv.teamId, user: inv.userId }, "slack invocation failed after ack");
    await tellFailure(ctx, target, reply?.locale);
  }
}
