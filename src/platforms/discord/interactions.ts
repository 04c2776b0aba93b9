/**
 * Turns Discord interactions into IncomingCommands, runs them through the dispatcher, and
 * answers within Discord's 3-second window.
 *
 * The 3-second rule: the dispatcher runs at once, raced against `deferAfterMs` (1.5 s by
 * default). A reply ready in time is sent directly (type 4, or type 7 when paging inside an
 * ephemeral message); otherwise the interaction is deferred (type 5, or 6 for a button)
 * and `@original` is edited when the reply arrives. Most replies are lookups, ephemeral,
 * so a deferral is ephemeral; a reply that turns out public is then posted as a follow-up.
 */
import {
  ApplicationCommandOptionType,
  ButtonStyle,
  MessageFlags,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  type ModalSubmitInteraction,
  type REST,
} from "discord.js";
import type { Dispatcher } from "../../core/dispatcher.js";
import type { Logger } from "../../core/logger.js";
import type { Form, IncomingCommand, Locale, Reply } from "../../core/types.js";
import { DEFAULT_LOCALE } from "../../core/types.js";
import { toLocale, translator } from "../../core/i18n/catalogue.js";
import type { Autocomplete } from "./autocomplete.js";
import type { CustomIdStore } from "./custom-ids.js";
import { discordText } from "./messages.js";
import { parseModalCustomId, renderFormErrors, renderModal, submittedOptions } from "./modal.js";
import { commandFromPath, FALLBACK } from "./layout.js";
import { ROOT_COMMAND } from "./registration.js";
import { buttonRows, renderReply, type DiscordMessage } from "./render.js";
import { Responder } from "./responder.js";

/** What the interaction handler works with. */
export interface InteractionDeps {
  rest: REST;
  applicationId: string;
  dispatcher: Dispatcher;
  ids: CustomIdStore;
  autocomplete: Autocomplete;
  logger: Logger;
  /** Longest wait for the dispatcher before deferring. */
  deferAfterMs: number;
}

/** Where the answer goes: a new message, or in place of the clicked (ephemeral) message. */
type Mode = "reply" | "update";

/** A submitted modal, so a rejection can show what was typed. */
interface Submission {
  typed: Record<string, string>;
  form?: Form;
}

const mentionsOff = { parse: [] as [] };

/** Discord takes at most 10 files per message. */
const MAX_FILES = 10;

function localeOf(i: Interaction): Locale {
  return toLocale(i.locale) ?? DEFAULT_LOCALE;
}

function incomingFrom(i: Interaction): IncomingCommand {
  const workspaceId = i.guildId ?? "dm";
  return {
    platform: "discord",
    workspaceId,
    userId: i.user.id,
    userName: i.user.globalName ?? i.user.username,
    platformLocale: i.locale,
    channel: i.channelId ? { platform: "discord", workspaceId, channelId: i.channelId } : undefined,
    // Discord's own time of the interaction (in its id): orders clicks handled by different replicas.
    actedAt: i.createdAt,
  };
}

/** Resolves with the value if `work` settles within `ms`, else with undefined. */
async function within<T>(work: Promise<T>, ms: number): Promise<{ value: T } | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(resolve, ms, undefined);
  });
  try {
    return await Promise.race([work.then((value) => ({ value })), late]);
  } finally {
    clearTimeout(timer);
  }
}

/** Answers every interaction the client receives (commands, autocomplete, buttons, modals). */
export class InteractionHandler {
  constructor(private readonly d: InteractionDeps) {}

  /** Handles one interaction; never throws (failures are logged and answered). */
  async handle(i: Interaction): Promise<void> {
    const r = new Responder(this.d.rest, this.d.applicationId, i.id, i.token);
    try {
      if (i.isChatInputCommand()) await this.command(i, r);
      else if (i.isAutocomplete()) await this.suggest(i, r);
      else if (i.isButton()) await this.button(i, r);
      else if (i.isModalSubmit()) await this.modalSubmit(i, r);
    } catch (err) {
      this.d.logger.error({ err, interaction: i.id, kind: i.type }, "discord interaction failed");
      await this.fail(i, r);
    }
  }

  private async command(i: ChatInputCommandInteraction, r: Responder) {
    if (i.commandName !== ROOT_COMMAND) return;
    // `/cdce sub ...` or, for grouped commands, `/cdce group sub ...` (see layout.ts).
    const top = i.options.data[0];
    const group = top?.type === ApplicationCommandOptionType.SubcommandGroup ? top : undefined;
    const sub = group ? group.options?.[0] : top;
    const options: Record<string, unknown> = {};
    for (const o of sub?.options ?? []) options[o.name] = o.value;
    const name = commandFromPath(group?.name, sub?.name ?? "aide");
    // The free-text fallback (`/cdce commande texte:"…"`) is read like a Slack command line.
    const incoming: IncomingCommand = name
      ? { ...incomingFrom(i), structured: { name, options } }
      : { ...incomingFrom(i), text: String(options[FALLBACK.option] ?? "") };
    await this.answer(r, incoming, "reply");
  }

  private async suggest(i: AutocompleteInteraction, r: Responder) {
    try {
      const focused = i.options.getFocused(true);
      const command = commandFromPath(i.options.getSubcommandGroup(false), i.options.getSubcommand(false) ?? "");
      const typed = String(focused.value ?? "");
      const locale = localeOf(i);
      await r.choices(command ? await this.d.autocomplete.suggest(command, focused.name, typed, locale) : this.d.autocomplete.commandLines(typed, locale));
    } catch (err) {
      // An empty list is a better answer than a failed interaction while typing.
      this.d.logger.warn({ err, interaction: i.id }, "discord autocomplete failed");
      if (!r.acknowledged) await r.choices([]);
    }
  }

  private async button(i: ButtonInteraction, r: Responder) {
    const target = this.d.ids.resolve(i.customId);
    if (target.kind === "expired" || target.kind === "unknown") {
      return r.reply({ content: discordText("expired", localeOf(i)), allowed_mentions: mentionsOff }, true);
    }
    if (target.kind === "form") return r.modal(renderModal(target.form, this.d.ids, target.values));
    // Paging inside an ephemeral answer replaces it; on a public message, answer privately.
    const ephemeralSource = i.message.flags.has(MessageFlags.Ephemeral);
    await this.answer(r, { ...incomingFrom(i), text: target.line }, ephemeralSource ? "update" : "reply");
  }

  private async modalSubmit(i: ModalSubmitInteraction, r: Responder) {
    const parsed = parseModalCustomId(i.customId);
    if (!parsed) return r.reply({ content: discordText("expired", localeOf(i)), allowed_mentions: mentionsOff }, true);
    const stored = this.d.ids.resolve(`k:${parsed.key}`);
    const typed: Record<string, string> = {};
    for (const [name, field] of i.fields.fields) if ("value" in field && typeof field.value === "string") typed[name] = field.value;
    const incoming = { ...incomingFrom(i), structured: { name: parsed.submitCommand, options: submittedOptions(new Map(Object.entries(typed))) } };
    await this.answer(r, incoming, "reply", { typed, form: stored.kind === "form" ? stored.form : undefined });
  }

  /** Runs the dispatcher under the 3-second rule, then delivers its reply. */
  private async answer(r: Responder, incoming: IncomingCommand, mode: Mode, submission?: Submission) {
    // A command that will wait for its turn (a burst of clicks) is deferred at once: its wait
    // and its work may pass Discord's 3 s, and a process that busy may wake late for a timer.
    const queued = this.d.dispatcher.busy?.() ?? false;
    const work = this.d.dispatcher.handle(incoming);
    const early = queued ? undefined : await within(work, this.d.deferAfterMs);
    if (!early) await r.defer(mode, true);
    await this.deliver(r, early ? early.value : await work, mode, submission);
  }

  private async deliver(r: Responder, reply: Reply, mode: Mode, submission?: Submission) {
    if (reply.form) {
      if (!r.deferred) return r.modal(renderModal(reply.form, this.d.ids));
      // A modal can only be the first answer: offer a button that opens it instead.
      const custom_id = this.d.ids.put({ kind: "form", form: reply.form, values: {} });
      const open = { content: reply.form.title, components: buttonRows([{ label: discordText("openForm", reply.locale), custom_id, style: ButtonStyle.Primary }]), allowed_mentions: mentionsOff };
      return this.send(r, [open], true, mode, reply.locale);
    }
    if (reply.fieldErrors && submission) {
      return this.send(r, renderFormErrors(reply, submission.typed, submission.form, this.d.ids), true, mode, reply.locale);
    }
    await this.send(r, renderReply(reply, this.d.ids), reply.visibility === "ephemeral", mode, reply.locale);
    if (reply.files?.length) await this.attach(r, reply);
  }

  /**
   * The reply's files (calendar, map, export) as attachments of one follow-up, visible like
   * the reply (a private export stays private). A refused upload is told, never thrown:
   * the text above stands alone.
   */
  private async attach(r: Responder, reply: Reply) {
    const files = reply.files!.slice(0, MAX_FILES);
    const names = files.map((f) => f.name).join(", ");
    const ephemeral = reply.visibility === "ephemeral";
    try {
      await r.followUpFiles({ content: names, allowed_mentions: mentionsOff }, files, ephemeral);
    } catch (err) {
      this.d.logger.warn({ err, files: files.map((f) => f.name) }, "discord file upload failed");
      await r.followUp({ content: translator(reply.locale)("files.failed", { names }), allowed_mentions: mentionsOff }, ephemeral).catch(() => undefined);
    }
  }

  private async send(r: Responder, messages: DiscordMessage[], ephemeral: boolean, mode: Mode, locale: Locale) {
    const [first, ...rest] = messages as [DiscordMessage, ...DiscordMessage[]];
    if (!r.deferred) {
      if (mode === "update" && ephemeral) await r.update(first);
      else await r.reply(first, ephemeral);
    } else if (ephemeral) {
      // The deferral was ephemeral (type 5) or left the ephemeral source in place (type 6).
      await r.editOriginal(first);
    } else {
      // An ephemeral "thinking…" cannot become public: close it, then post publicly.
      if (r.deferred === "reply") await r.editOriginal({ content: discordText("postedInChannel", locale), allowed_mentions: mentionsOff });
      await r.followUp(first, false);
    }
    for (const m of rest) await r.followUp(m, ephemeral);
  }

  /** "Something went wrong, try again", wherever the interaction stands. */
  private async fail(i: Interaction, r: Responder) {
    if (i.isAutocomplete()) return;
    const message: DiscordMessage = { content: translator(localeOf(i))("error.internal"), allowed_mentions: mentionsOff };
    try {
      if (!r.acknowledged) await r.reply(message, true);
      else if (r.deferred) await r.editOriginal(message);
      else await r.followUp(message, true);
    } catch (err) {
      this.d.logger.warn({ err, interaction: i.id }, "could not tell the user about a failure");
    }
  }
}
