/**
 * Proposed actions: what the commune's CoPil receives (with "Valider" / "Refuser"), what the
 * proposer is told of the decision, and the local event a validated proposal becomes.
 * Messages the bot sends on its own go through the outbox, under stable keys:
 * - `proposal:<id>:new:by:<proposerId>`      to the commune's channels (the CoPil)
 * - `proposal:<id>:decided:<status>`         to the proposer, by direct message
 */
import { translator } from "../../core/i18n/catalogue.js";
import type { Notification } from "../../core/notify.js";
import { message, reply } from "../../core/reply.js";
import type { Commune } from "../../core/ports.js";
import type { Translate } from "../../core/i18n/catalogue.js";
import type { Block, Locale } from "../../core/types.js";
import { formatLocalDay } from "../../core/time/local.js";
import { clip } from "../../core/clip.js";
import { campaignAt, whenText, type NewEvent } from "../events/index.js";
import type { Proposal } from "./ports.js";

/** The reference people see and buttons carry: the id's first 8 characters. */
export const refOf = (p: { id: string }) => p.id.slice(0, 8);

/** The proposal as a few lines (title, when, where, what). */
export function proposalBlocks(t: Translate, locale: Locale, p: Proposal, zone: string): Block[] {
  const blocks: Block[] = [{ type: "section", text: t("act.proposal.line", { title: p.title, type: p.type, when: whenText(p, zone, locale), place: p.place }) }];
  if (p.description) blocks.push({ type: "section", text: clip(p.description, 500) });
  blocks.push({ type: "context", text: t("act.proposal.ref", { ref: refOf(p), day: formatLocalDay(p.createdAt, zone, locale) }) });
  return blocks;
}

/** The CoPil's two buttons. "Refuser" opens a form asking the reason. */
export function decisionButtons(t: Translate, p: Proposal): Block {
  return {
    type: "actions",
    buttons: [
      { label: t("act.button.accept"), command: `proposition valider ${refOf(p)}`, style: "primary" },
      { label: t("act.button.refuse"), command: `proposition refuser ${refOf(p)}`, style: "danger" },
    ],
  };
}

/** A new proposal, to the commune's channels. The key carries the proposer (erasure takes it down). */
export function proposalNotice(p: Proposal, commune: Commune, proposerName: string, now: Date): Notification {
  return {
    key: `proposal:${p.id}:new${p.proposerId ? `:by:${p.proposerId}` : ""}`,
    to: { kind: "purpose", purpose: "commune", communeId: p.communeId },
    dueAt: now,
    render: (locale) => {
      const t = translator(locale);
      return reply(locale, [{ type: "section", text: t("act.propose.notice", { commune: commune.name, who: proposerName }) }, ...proposalBlocks(t, locale, p, commune.timeZone), decisionButtons(t, p)], "channel");
    },
  };
}

export const decisionPrefix = (p: Pick<Proposal, "id">) => `proposal:${p.id}:decided:`;

/** Tells the proposer the decision (once per decision: a proposal is decided once). */
export function decisionNotice(p: Proposal, commune: Commune, now: Date, eventCode: string | null): Notification | null {
  if (!p.proposerId || p.status === "pending") return null;
  const { status, reason } = p;
  return {
    key: `${decisionPrefix(p)}${status}`,
    to: { kind: "person", personId: p.proposerId },
    dueAt: now,
    render: (locale) => {
      const t = translator(locale);
      const text = status === "accepted"
        ? t("act.dm.accepted", { commune: commune.name, title: p.title, code: eventCode ?? "" })
        : t("act.dm.refused", { commune: commune.name, title: p.title, reason: reason ?? "" });
      return message(locale, text, "channel");
    },
  };
}

/** The local event a validated proposal becomes, created by the CoPil member who validated it. */
export function eventFromProposal(p: Proposal, commune: Commune, validatorId: string, locale: Locale): NewEvent {
  return {
    kind: "local",
    title: p.title,
    theme: p.type,
    description: p.description,
    startsAt: p.startsAt,
    endsAt: p.endsAt,
    timeZone: commune.timeZone,
    link: null,
    place: p.place,
    capacity: null,
    language: commune.languages[0] ?? locale,
    audiences: [],
    communeId: commune.id,
    seriesId: null,
    campaign: campaignAt(p.startsAt, commune.timeZone)?.key ?? null,
    createdBy: validatorId,
  };
}
