/**
 * Turns Discord interactions into IncomingCommands: chat-input commands of every family
 * (`/cdce kit`, `/cdce-admin canal`; Discord sends the base names whatever the user's
 * language, mapped back to registry commands by families.ts), context-menu commands
 * (context-menus.ts: the registry command with no option, whose form opens pre-filled),
 * autocomplete, buttons and modals. It hands them to the core (`Inbound`), and
 * answers within Discord's 3-second window, through the platform's `deliver` (replies.ts).
 *
 * The 3-second rule: the core runs at once, raced against `deferAfterMs` (1.5 s by
 * default). A reply ready in time is sent directly (type 4, or type 7 when paging inside an
 * ephemeral message); otherwise the interaction is deferred (type 5, or 6 for a button)
 * and `@original` is edited when the reply arrives. Most replies are lookups, ephemeral,
 * so a deferral is ephemeral; a reply that turns out public is then posted as a follow-up.
 */
import {
  ApplicationCommandOptionType,
  MessageFlags,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  type MessageContextMenuCommandInteraction,
  type UserContextMenuCommandInteraction,
  type ModalSubmitInteraction,
  type REST,
} from "discord.js";
import type { Inbound } from "../../core/inbound.js";
import type { Logger } from "../../core/logger.js";
import type { DeliverOptions } from "../../core/platform.js";
import type { IncomingCommand, IncomingFile, Locale, Reply } from "../../core/types.js";
import { DEFAULT_LOCALE } from "../../core/types.js";
import { toLocale, translator } from "../../core/i18n/catalogue.js";
import { clip, prefixWithin } from "../../core/clip.js";
import type { CustomIdStore } from "./custom-ids.js";
import { discordText } from "./messages.js";
import { parseModalCustomId, renderModal, submittedOptions } from "./modal.js";
import { CONTEXT_MENUS, SHARE_MESSAGE, GIVE_ROLE, type Prefill } from "./context-menus.js";
import { commandAt, FAMILIES } from "./families.js";
import type { DiscordMessage } from "./render.js";
import type { DiscordTarget, DiscordVia, Mode, Submission } from "./replies.js";
import { Responder } from "./responder.js";
import { downloadAttachments, MAX_ATTACHMENT_BYTES, type AttachmentRef, type Downloaded } from "./attachments.js";

/** What the interaction handler works with. */
export interface InteractionDeps {
  rest: REST;
  applicationId: string;
  inbound: Inbound;
  ids: CustomIdStore;
  logger: Logger;
  /** Longest wait for the core before deferring. */
  deferAfterMs: number;
  /** The platform's `deliver`. */
  deliver(reply: Reply, options: DeliverOptions<DiscordVia>): Promise<void>;
}

const mentionsOff = { parse: [] as [] };

/** Discord's limits on autocomplete answers. */
const MAX_CHOICES = 25;
const MAX_NAME = 100;

function localeOf(i: Interaction): Locale {
  return toLocale(i.locale) ?? DEFAULT_LOCALE;
}

/** Where the reply to `i` goes; `via` answers the interaction itself. */
function targetOf(i: Interaction, via: DiscordVia): DiscordTarget {
  const workspaceId = i.guildId ?? "dm";
  return { workspaceId, userId: i.user.id, channel: i.channelId ? { platform: "discord", workspaceId, channelId: i.channelId } : undefined, via };
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
      else if (i.isMessageContextMenuCommand()) await this.shareMessage(i, r);
      else if (i.isUserContextMenuCommand()) await this.onMember(i, r);
      else if (i.isAutocomplete()) await this.suggest(i, r);
      else if (i.isButton()) await this.button(i, r);
      else if (i.isModalSubmit()) await this.modalSubmit(i, r);
    } catch (err) {
      this.d.logger.error({ err, interaction: i.id, kind: i.type }, "discord interaction failed");
      await this.fail(i, r);
    }
  }

  private async command(i: ChatInputCommandInteraction, r: Responder) {
    if (!(FAMILIES as readonly string[]).includes(i.commandName)) return;
    // `/<family> sub ...` or `/<family> group sub ...` (see families.ts).
    const top = i.options.data[0];
    const group = top?.type === ApplicationCommandOptionType.SubcommandGroup ? top : undefined;
    const sub = group ? group.options?.[0] : top;
    const options: Record<string, unknown> = {};
    const attachments: AttachmentRef[] = [];
    for (const o of sub?.options ?? []) {
      // An attachment is a file for the core (`files`), not an option's value.
      if (o.type === ApplicationCommandOptionType.Attachment) {
        if (o.attachment) attachments.push(o.attachment);
      } else options[o.name] = o.value;
    }
    const name = commandAt(i.commandName, group?.name, sub?.name ?? "aide");
    const incoming: IncomingCommand = { ...incomingFrom(i), structured: { name, options } };
    if (attachments.length > 0) {
      // The download may take longer than Discord's 3 s: acknowledge first.
      await r.defer("reply", true);
      const got = await downloadAttachments(attachments);
      if ("refused" in got) return this.refuseFile(i, r, got);
      incoming.files = got.files;
    }
    await this.answer(i, r, incoming, "reply");
  }

  /** A file too large or unreadable: said in the user's language, nothing run. */
  private async refuseFile(i: Interaction, r: Responder, got: Exclude<Downloaded, { files: IncomingFile[] }>) {
    const t = translator(localeOf(i));
    const content =
      got.refused === "tooLarge"
        ? t("files.tooLarge", { file: got.file, size: Math.ceil(got.size / 1024), max: MAX_ATTACHMENT_BYTES / 1024 })
        : t("files.downloadFailed", { file: got.file });
    this.d.logger.info({ interaction: i.id, file: got.file, refused: got.refused }, "discord attachment refused");
    await r.editOriginal({ content, allowed_mentions: mentionsOff });
  }

  /** "Partager avec le réseau" on a message: the initiative form, with its text and link. */
  private async shareMessage(i: MessageContextMenuCommandInteraction, r: Responder) {
    if (i.commandName !== SHARE_MESSAGE.name) return this.unknownMenu(i, r);
    const m = i.targetMessage;
    const embedsText = m.embeds.map((e) => [e.title, e.description].filter(Boolean).join("\n")).join("\n");
    await this.openFromMenu(i, r, SHARE_MESSAGE.command, SHARE_MESSAGE.prefill({ content: m.content, url: m.url, embedsText }));
  }

  /** "Donner un rôle" on a member: the role form, with that member. */
  private async onMember(i: UserContextMenuCommandInteraction, r: Responder) {
    if (i.commandName !== GIVE_ROLE.name) return this.unknownMenu(i, r);
    await this.openFromMenu(i, r, GIVE_ROLE.command, GIVE_ROLE.prefill(i.targetUser.id));
  }

  /**
   * Runs the command with no option: the chain checks the rights (a refusal is answered as
   * usual) and returns its form, which opens with `prefill`.
   */
  private async openFromMenu(i: Interaction, r: Responder, command: string, prefill: Prefill) {
    await this.answer(i, r, { ...incomingFrom(i), structured: { name: command, options: {} } }, "reply", undefined, prefill);
  }

  /** A context-menu command this version no longer has (a stale client list). */
  private async unknownMenu(i: Interaction, r: Responder) {
    this.d.logger.warn({ interaction: i.id, known: CONTEXT_MENUS.map((m) => m.name) }, "unknown discord context-menu command");
    await r.reply({ content: translator(localeOf(i))("error.internal"), allowed_mentions: mentionsOff }, true);
  }

  private async suggest(i: AutocompleteInteraction, r: Responder) {
    try {
      const focused = i.options.getFocused(true);
      const command = commandAt(i.commandName, i.options.getSubcommandGroup(false), i.options.getSubcommand(false) ?? "");
      const typed = String(focused.value ?? "");
      const found = await this.d.inbound.suggest({ command, option: focused.name }, typed, localeOf(i));
      await r.choices(found.slice(0, MAX_CHOICES).map((c) => ({ name: clip(c.name, MAX_NAME), value: prefixWithin(c.value, MAX_NAME) })));
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
    await this.answer(i, r, { ...incomingFrom(i), text: target.line }, ephemeralSource ? "update" : "reply");
  }

  private async modalSubmit(i: ModalSubmitInteraction, r: Responder) {
    const parsed = parseModalCustomId(i.customId);
    if (!parsed) return r.reply({ content: discordText("expired", localeOf(i)), allowed_mentions: mentionsOff }, true);
    const stored = this.d.ids.resolve(`k:${parsed.key}`);
    const typed: Record<string, string> = {};
    for (const [name, field] of i.fields.fields) if ("value" in field && typeof field.value === "string") typed[name] = field.value;
    const incoming = { ...incomingFrom(i), structured: { name: parsed.submitCommand, options: submittedOptions(new Map(Object.entries(typed))) } };
    await this.answer(i, r, incoming, "reply", { typed, form: stored.kind === "form" ? stored.form : undefined });
  }

  /** Runs the command under the 3-second rule, then delivers its reply. */
  private async answer(i: Interaction, r: Responder, incoming: IncomingCommand, mode: Mode, submission?: Submission, prefill?: Prefill) {
    // A command that will wait for its turn (a burst of clicks) is deferred at once: its wait
    // and its work may pass Discord's 3 s, and a process that busy may wake late for a timer.
    const queued = this.d.inbound.busy();
    const work = this.d.inbound.handle(incoming);
    const early = queued ? undefined : await within(work, this.d.deferAfterMs);
    if (!early && !r.deferred) await r.defer(mode, true);
    const reply = early ? early.value : await work;
    await this.d.deliver(reply, { target: targetOf(i, { responder: r, mode, submission, prefill }), ephemeral: reply.visibility === "ephemeral" });
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
