/**
 * The idea box of a commune: the words people type for a status, how an idea looks, the
 * message to the commune's channel when an idea arrives, and the direct message that tells
 * its author (even when anonymous: the link is kept for that alone) each change.
 */
import { translator, type MessageKey, type Translate } from "../../core/i18n/catalogue.js";
import { clip } from "../../core/clip.js";
import { fold } from "../../core/fold.js";
import { wordTable } from "../../core/word-table.js";
import type { Notification } from "../../core/notify.js";
import { message, reply } from "../../core/reply.js";
import type { Block, Button } from "../../core/types.js";
import { IDEA_STATUSES, type Idea, type IdeaStatus } from "./ports.js";
import { isoDay } from "../../core/time/local.js";

const STATUS_WORDS = wordTable<IdeaStatus>({
  refused: "refused", refusee: "refused", refuse: "refused", zuruckgewiesen: "refused", zurueckgewiesen: "refused", geweigerd: "refused",
  pending: "pending", attente: "pending", "en attente": "pending", "en-attente": "pending", moderation: "pending", wartend: "pending", wachtend: "pending",
  new: "new", nouvelle: "new", nouveau: "new", neu: "new", nieuw: "new",
  study: "study", etude: "study", "a l'etude": "study", "a-l-etude": "study", examen: "study", prufung: "study", studie: "study", onderzoek: "study",
  kept: "kept", retenue: "kept", retenu: "kept", accepted: "kept", angenommen: "kept", behouden: "kept", aanvaard: "kept",
  done: "done", realisee: "done", realise: "done", faite: "done", fait: "done", erledigt: "done", umgesetzt: "done", gedaan: "done", uitgevoerd: "done",
  dropped: "dropped", ecartee: "dropped", ecarte: "dropped", abandonnee: "dropped", verworfen: "dropped", abgelehnt: "dropped", afgewezen: "dropped", geschrapt: "dropped",
});

/** A typed word -> status (`à l'étude`, `retenue`, `erledigt`, `afgewezen`...). */
export function toIdeaStatus(raw: string): IdeaStatus | undefined {
  const w = fold(raw).trim().replace(/[’]/g, "'");
  return STATUS_WORDS.get(w) ?? STATUS_WORDS.get(w.replace(/\s+/g, "-")) ?? (IDEA_STATUSES as readonly string[]).find((s) => s === w) as IdeaStatus | undefined;
}

export const statusLabel = (t: Translate, s: IdeaStatus) => t(`idea.status.${s}` as MessageKey);

/**
 * The CoPil's buttons: every status but the current one; for an idea awaiting moderation,
 * Accept (to `new`, where every idea starts) and Refuse (to `dropped`), through the same
 * `idee statut` command, so the same permission decides.
 */
export function statusButtons(t: Translate, idea: Idea): Button[] {
  if (idea.status === "pending") {
    return [
      { label: t("idea.button.accept"), command: `idee statut ${idea.id} new`, style: "primary" as const },
      { label: t("idea.button.refuse"), command: `idee statut ${idea.id} refused`, style: "danger" as const },
    ];
  }
  return IDEA_STATUSES.filter((s) => s !== idea.status && s !== "new" && s !== "pending" && s !== "refused").map((s) => ({
    label: statusLabel(t, s),
    command: `idee statut ${idea.id} ${s}`,
    style: s === "dropped" ? ("danger" as const) : s === "kept" ? ("primary" as const) : undefined,
  }));
}

/** One idea; the author's name only when not anonymous and known. */
export function ideaBlocks(t: Translate, idea: Idea, authorName: string | null, withButtons: boolean): Block[] {
  const who = idea.origin === "web" ? t("idea.webAuthor") : idea.anonymous || !authorName ? t("idea.anonymousAuthor") : authorName;
  const facts = [statusLabel(t, idea.status), who, isoDay(idea.createdAt), `\`${idea.id.slice(0, 8)}\``];
  const blocks: Block[] = [{ type: "section", text: clip(idea.text, 1500) }, { type: "context", text: facts.join(" · ") }];
  if (idea.note) blocks.push({ type: "context", text: t("idea.note", { note: idea.note }) });
  // The address a citizen left (with consent) is for the CoPil, who sees the buttons, alone.
  if (withButtons && idea.contactEmail) blocks.push({ type: "context", text: t("idea.contact", { email: idea.contactEmail }) });
  if (withButtons) blocks.push({ type: "actions", buttons: statusButtons(t, idea) });
  return blocks;
}

/** A new idea, to the commune's channels (its CoPil), with the status buttons. */
export function newIdeaNotice(idea: Idea, communeName: string, authorName: string | null, now: Date): Notification {
  return {
    // Names its author unless anonymous: then the key carries them, for erasure.
    key: `idea:${idea.id}:new${authorName && idea.authorId ? `:by:${idea.authorId}` : ""}`,
    to: { kind: "purpose", purpose: "commune", communeId: idea.communeId },
    dueAt: now,
    render: (locale) => {
      const t = translator(locale);
      const head = idea.status === "pending" ? t("idea.notice.pending", { commune: communeName }) : t("idea.notice.new", { commune: communeName });
      return reply(locale, [{ type: "section", text: head }, ...ideaBlocks(t, idea, authorName, true)], "channel");
    },
  };
}

/**
 * Tells the author the idea moved. One key per change (the row's update time identifies
 * it): moving an idea back and forth tells each move, a double click tells once (the
 * status update is conditional).
 */
export function statusNotice(idea: Idea, authorId: string, communeName: string, now: Date): Notification {
  return {
    key: `idea:${idea.id}:status:${idea.status}:${idea.updatedAt.getTime()}`,
    to: { kind: "person", personId: authorId },
    dueAt: now,
    render: (locale) => {
      const t = translator(locale);
      const text = t("idea.notice.status", { commune: communeName, status: statusLabel(t, idea.status), idea: clip(idea.text, 120) });
      return message(locale, idea.note ? `${text}\n${t("idea.note", { note: idea.note })}` : text, "channel");
    },
  };
}
