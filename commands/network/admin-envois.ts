/**
 * `/cdce admin envois`: the outbox as coordination sees it. Lists the failed messages (most
 * recent first), then those being sent and waiting (next due first), each with buttons to
 * retry (failed) or cancel (waiting or failed). The buttons run
 * `admin envois retry:<id>` and `admin envois cancel:<id>`.
 */
import { defineCommand } from "../../src/core/commands.js";
import type { OutboxEntry } from "../../src/core/notify.js";
import { text } from "../../src/core/options.js";
import { message, reply } from "../../src/core/reply.js";
import type { Block, Button } from "../../src/core/types.js";
import { prefixWithin } from "../../src/core/clip.js";

/** Items shown with buttons: two buttons each, within Discord's 25 buttons per message. */
const SHOWN = 8;
const ID = { help: { fr: "Identifiant du message", de: "Kennung der Nachricht", nl: "Id van het bericht", en: "Message id" }, max: 64 };

function where(e: OutboxEntry): string {
  return `${e.target.platform} ${e.target.userId ? `@${e.target.userId}` : `#${e.target.channelId}`}`;
}

export default defineCommand({
  name: "admin envois",
  words: { fr: "admin envois", de: "admin sendungen", nl: "admin verzendingen", en: "admin outbox" },
  intent: "manage",
  optionWords: { retry: { de: "wiederholen", nl: "opnieuw", en: "retry" }, cancel: { de: "abbrechen", nl: "annuleren", en: "cancel" } },
  changesState: true,
  aliases: ["admin outbox"],
  help: {
    fr: "Envois automatiques en échec ou en attente : relancer, annuler (coordination)",
    de: "Automatische Nachrichten, fehlgeschlagen oder wartend: erneut senden, abbrechen (Koordination)",
    nl: "Automatische berichten, mislukt of wachtend: opnieuw versturen, annuleren (coördinatie)",
    en: "Automatic messages failed or pending: retry, cancel (coordination)",
  },
  usage: { fr: "admin envois", de: "admin envois", nl: "admin envois", en: "admin envois" },
  permission: "network.admin",
  options: { retry: text(ID), cancel: text(ID) },
  async run({ options, t, locale, now, actor, services }) {
    const outbox = services.outbox;
    if (options.retry) {
      const ok = await outbox.retry(options.retry, now);
      services.logger.info({ id: options.retry, by: actor.personId, ok }, "outbox: retry asked by coordination");
      return message(locale, ok ? t("outbox.admin.retried") : t("outbox.admin.notFound", { action: "retry" }));
    }
    if (options.cancel) {
      const ok = await outbox.cancel(options.cancel);
      services.logger.info({ id: options.cancel, by: actor.personId, ok }, "outbox: cancel asked by coordination");
      return message(locale, ok ? t("outbox.admin.cancelled") : t("outbox.admin.notFound", { action: "cancel" }));
    }
    const counts = await outbox.counts();
    const entries = await outbox.list(["failed", "sending", "pending"], SHOWN);
    const blocks: Block[] = [{ type: "header", text: t("outbox.admin.title") }, { type: "context", text: t("outbox.admin.counts", counts) }];
    if (entries.length === 0) blocks.push({ type: "section", text: t("outbox.admin.none") });
    const when = new Intl.DateTimeFormat(locale, { dateStyle: "short", timeStyle: "short", timeZone: actor.timeZone });
    entries.forEach((e, i) => {
      const n = i + 1;
      const head = `${n}. ${t("outbox.admin.item", { state: t(`outbox.state.${e.state as "pending" | "sending" | "failed"}`), target: where(e), due: when.format(e.dueAt), attempts: e.attempts })}`;
      const lines = [head, `> ${e.summary}`];
      if (e.lastError) lines.push(`_${t("outbox.admin.error", { error: prefixWithin(e.lastError, 200) })}_`);
      blocks.push({ type: "divider" }, { type: "section", text: lines.join("\n") });
      const buttons: Button[] = [];
      if (e.state === "failed") buttons.push({ label: `${t("outbox.admin.retry")} ${n}`, command: `admin envois retry:${e.id}`, style: "primary" });
      if (e.state !== "sending") buttons.push({ label: `${t("outbox.admin.cancel")} ${n}`, command: `admin envois cancel:${e.id}`, style: "danger" });
      if (buttons.length) blocks.push({ type: "actions", buttons });
    });
    const open = counts.failed + counts.sending + counts.pending;
    if (open > entries.length) blocks.push({ type: "context", text: t("outbox.admin.more", { count: open - entries.length }) });
    return reply(locale, blocks);
  },
});
