/**
 * Brings a command's reply to a Discord user, through the interaction it answers (the
 * platform's `deliver` and `openForm`, src/core/platform.ts): a direct answer, or an edit
 * of the deferred one plus follow-ups; a form as a modal when it can still be the first
 * answer, else as a button that opens it; files as attachments of one follow-up. The
 * messages come from render.ts, as the outbox's posts do (sender.ts).
 */
import { ButtonStyle } from "discord.js";
import type { Logger } from "../../core/logger.js";
import type { DeliverOptions, FormOptions, ReplyTarget } from "../../core/platform.js";
import { translator } from "../../core/i18n/catalogue.js";
import type { Form, Locale, Reply } from "../../core/types.js";
import type { CustomIdStore } from "./custom-ids.js";
import { discordText } from "./messages.js";
import { renderFormErrors, renderModal } from "./modal.js";
import { buttonRows, renderReply, type DiscordMessage } from "./render.js";
import type { Responder } from "./responder.js";

/** Where the answer goes: a new message, or in place of the clicked (ephemeral) message. */
export type Mode = "reply" | "update";

/** A submitted modal, so a rejection can show what was typed. */
export interface Submission {
  typed: Record<string, string>;
  form?: Form;
}

/** Discord's handle on the conversation: the interaction being answered, and how. */
export interface DiscordVia {
  responder: Responder;
  mode: Mode;
  submission?: Submission;
  /** Values a form opens with (a context-menu command fills in the message or the member). */
  prefill?: Record<string, string>;
}

export type DiscordTarget = ReplyTarget<DiscordVia>;

const mentionsOff = { parse: [] as [] };

/** Discord takes at most 10 files per message. */
const MAX_FILES = 10;

export class DiscordReplies {
  constructor(
    private readonly ids: CustomIdStore,
    private readonly logger: Logger,
  ) {}

  /** A modal, which can only be an interaction's first answer: false once it was deferred. */
  async openForm(form: Form, { target }: FormOptions<DiscordVia>): Promise<boolean> {
    const r = target.via.responder;
    if (r.deferred) return false;
    await r.modal(renderModal(form, this.ids, target.via.prefill));
    return true;
  }

  async deliver(reply: Reply, { target, ephemeral }: DeliverOptions<DiscordVia>): Promise<void> {
    const { responder: r, mode, submission } = target.via;
    if (reply.form) {
      if (await this.openForm(reply.form, { target, locale: reply.locale })) return;
      // Too late for a modal: offer a button that opens it instead.
      const custom_id = this.ids.put({ kind: "form", form: reply.form, values: target.via.prefill ?? {} });
      const open = { content: reply.form.title, components: buttonRows([{ label: discordText("openForm", reply.locale), custom_id, style: ButtonStyle.Primary }]), allowed_mentions: mentionsOff };
      return this.send(r, [open], true, mode, reply.locale);
    }
    if (reply.fieldErrors && submission) {
      return this.send(r, renderFormErrors(reply, submission.typed, submission.form, this.ids), true, mode, reply.locale);
    }
    await this.send(r, renderReply(reply, this.ids), ephemeral, mode, reply.locale);
    if (reply.files?.length) await this.attach(r, reply, ephemeral);
  }

  /**
   * The reply's files (calendar, map, export) as attachments of one follow-up, visible like
   * the reply (a private export stays private). A refused upload is told, never thrown:
   * the text above stands alone.
   */
  private async attach(r: Responder, reply: Reply, ephemeral: boolean) {
    const files = reply.files!.slice(0, MAX_FILES);
    const names = files.map((f) => f.name).join(", ");
    try {
      await r.followUpFiles({ content: names, allowed_mentions: mentionsOff }, files, ephemeral);
    } catch (err) {
      this.logger.warn({ err, files: files.map((f) => f.name) }, "discord file upload failed");
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
}
