/**
 * Runs one Slack invocation (a slash command, a click, a form submission) through the core
 * and brings the reply to the user: through `respond()` (the response_url) when Slack gave
 * one, else as an ephemeral message or a DM; a form opens a modal. Whatever fails after the
 * ack ends as a short message in the user's language, never as a stack trace or silence.
 */
import type { RespondFn, webApi } from "@slack/bolt";
import type { Dispatcher } from "../../core/dispatcher.js";
import type { Logger } from "../../core/logger.js";
import { message } from "../../core/reply.js";
import { DEFAULT_LOCALE, type IncomingCommand, type Locale, type Reply } from "../../core/types.js";
import { toLocale, translator } from "../../core/i18n/catalogue.js";
import { describeSlackError, isAccessError } from "./errors.js";
import { uploadReplyFiles } from "./files.js";
import { formView } from "./modal.js";
import { renderReply, type SlackMessage } from "./render.js";
import type { SlackProfile, UserDirectory } from "./users.js";

/** What the listeners share. */
export interface SlackContext {
  dispatcher: Dispatcher;
  users: UserDirectory;
  /** The Bolt app's Web API client (views.open, chat.postEphemeral, DMs). */
  client: webApi.WebClient;
  logger: Logger;
  /** The slash command as typed in Slack (`/cdce`), for usage hints. */
  command: string;
}

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
  if (inv.structured) incoming.structured = inv.structured;
  else incoming.text = inv.text ?? "";
  return incoming;
}

/** Runs the invocation through the dispatcher; the reply carries the user's locale. */
export async function dispatch(ctx: SlackContext, inv: Invocation): Promise<Reply> {
  const profile = await ctx.users.lookup(inv.teamId, inv.userId);
  return ctx.dispatcher.handle(toIncoming(inv, profile));
}

function payload(m: SlackMessage) {
  return m.blocks.length ? { text: m.text, blocks: m.blocks } : { text: m.text };
}

/** Posts where the user will see it when there is no response_url (modal submissions). */
async function postToUser(ctx: SlackContext, inv: Invocation, visibility: Reply["visibility"], messages: SlackMessage[]) {
  for (const m of messages) {
    if (inv.channelId && visibility === "channel") {
      await ctx.client.chat.postMessage({ channel: inv.channelId, ...payload(m) });
      continue;
    }
    if (inv.channelId) {
      try {
        await ctx.client.chat.postEphemeral({ channel: inv.channelId, user: inv.userId, ...payload(m) });
        continue;
      } catch (err) {
        // The bot may not be in that channel (or it is gone): the user's DM always works.
        if (!isAccessError(err)) throw err;
        ctx.logger.info({ error: describeSlackError(err) }, "ephemeral post refused, answering by DM");
      }
    }
    await ctx.client.chat.postMessage({ channel: inv.userId, ...payload(m) });
  }
}

async function send(ctx: SlackContext, inv: Invocation, reply: Reply): Promise<void> {
  const messages = renderReply(reply);
  if (!inv.respond) await postToUser(ctx, inv, reply.visibility, messages);
  else {
    const response_type = reply.visibility === "channel" ? "in_channel" : "ephemeral";
    // In order: a split reply must read top to bottom. Never replace the clicked message.
    for (const m of messages) await inv.respond({ response_type, replace_original: false, ...payload(m) });
  }
  // Files after the text, which must make sense alone (see Reply.files).
  const tell = (text: string) => send(ctx, inv, message(reply.locale, text));
  await uploadReplyFiles({ client: ctx.client, logger: ctx.logger, userId: inv.userId, channelId: inv.channelId, tell }, reply);
}

/** Opens the reply's form as a modal; false when Slack refused (expired trigger_id...). */
async function openForm(ctx: SlackContext, inv: Invocation, reply: Reply): Promise<boolean> {
  const form = reply.form!;
  if (!inv.triggerId) return false;
  const specs = ctx.dispatcher.registry.get(form.submitCommand)?.options;
  try {
    await ctx.client.views.open({
      trigger_id: inv.triggerId,
      view: formView(form, { command: form.submitCommand, channelId: inv.channelId, locale: reply.locale }, specs),
    });
    return true;
  } catch (err) {
    ctx.logger.warn({ error: describeSlackError(err), command: form.submitCommand }, "views.open failed: answering with the typed form");
    return false;
  }
}

/** When no modal could open: the form's title and the line to type instead. */
function typedForm(ctx: SlackContext, reply: Reply): Reply {
  const def = ctx.dispatcher.registry.get(reply.form!.submitCommand);
  const usage = def ? `\n\`${ctx.command} ${def.usage[reply.locale] ?? def.usage.fr}\`` : "";
  return message(reply.locale, `**${reply.form!.title}**${usage}`);
}

/** Brings `reply` to the user: a modal for a form, else the rendered messages. */
export async function deliver(ctx: SlackContext, inv: Invocation, reply: Reply): Promise<void> {
  if (reply.form) {
    if (await openForm(ctx, inv, reply)) return;
    return send(ctx, inv, typedForm(ctx, reply));
  }
  return send(ctx, inv, reply);
}

/** Tells the user that something failed on our side, in their language; logs only otherwise. */
export async function tellFailure(ctx: SlackContext, inv: Invocation, locale: Locale | undefined): Promise<void> {
  const lang = locale ?? toLocale((await ctx.users.lookup(inv.teamId, inv.userId).catch(() => ({}) as SlackProfile)).locale) ?? DEFAULT_LOCALE;
  try {
    await send(ctx, inv, message(lang, translator(lang)("error.internal")));
  } catch (err) {
    ctx.logger.error({ error: describeSlackError(err), team: inv.teamId, user: inv.userId }, "could not tell the user about a failure");
  }
}

/** Dispatch + deliver, with the failure path: the whole life of one invocation after its ack. */
export async function handleInvocation(ctx: SlackContext, inv: Invocation): Promise<void> {
  let reply: Reply | undefined;
  try {
    reply = await dispatch(ctx, inv);
    await deliver(ctx, inv, reply);
  } catch (err) {
    ctx.logger.error({ error: describeSlackError(err), team: inv.teamId, user: inv.userId }, "slack invocation failed after ack");
    await tellFailure(ctx, inv, reply?.locale);
  }
}
