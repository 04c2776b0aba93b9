/**
 * How an initiative looks in a reply or a network post: the same card everywhere, so that
 * what the author previews is what the network sees.
 */
import type { MessageKey, Translate } from "../../core/i18n/catalogue.js";
import type { Block, Button } from "../../core/types.js";
import type { Initiative } from "./ports.js";
import type { Criterion, InitiativeKind, PartnerKind } from "./vocabulary.js";
import { isoDay } from "../../core/time/local.js";
import { clip } from "../../core/clip.js";

export const kindLabel = (t: Translate, k: InitiativeKind) => t(`initiative.kind.${k}` as MessageKey);
export const partnerLabel = (t: Translate, p: PartnerKind) => t(`initiative.partner.${p}` as MessageKey);
export const criterionLabel = (t: Translate, c: Criterion) => t(`initiative.criterion.${c}` as MessageKey);

/** The short reference people type: the first 8 characters of the id. */
export const refOf = (id: string) => id.slice(0, 8);

/** Who shared it, as shown: the author's name, or only the commune once the author is erased. */
export interface CardInfo {
  communeName: string;
  /** The commune's province: a forum tag of the network post. */
  province?: string | null;
  authorName: string | null;
  follows?: number;
  /** The commune's partners credited on it (src/features/partners), by name. */
  partnerNames?: readonly string[];
  /**
   * Set when the post goes out again for a change the card's content may not show (a partner
   * credited, then taken off): part of the post's key, so that the new post is not taken
   * for the one withdrawn. Never shown.
   */
  revision?: string;
}

/** Header, description with its facts, attribution; no buttons. */
export function initiativeCard(t: Translate, i: Initiative, info: CardInfo): Block[] {
  const fields = [
    { label: t("initiative.field.commune"), value: info.communeName },
    { label: t("initiative.field.date"), value: isoDay(i.happenedOn) },
    { label: t("initiative.field.kind"), value: kindLabel(t, i.kind) },
  ];
  if (i.partnerKinds.length) fields.push({ label: t("initiative.field.partners"), value: i.partnerKinds.map((p) => partnerLabel(t, p)).join(", ") });
  if (info.partnerNames?.length) fields.push({ label: t("initiative.field.partnerNames"), value: clip(info.partnerNames.join(", "), 300) });
  if (i.criteria.length) fields.push({ label: t("initiative.field.criteria"), value: i.criteria.map((c) => criterionLabel(t, c)).join(" · ") });
  if (i.place) fields.push({ label: t("initiative.field.place"), value: clip(i.place, 200) });
  const blocks: Block[] = [
    { type: "header", text: clip(i.title, 150) },
    { type: "section", text: clip(i.description, 1500), fields },
  ];
  const links = i.links.slice(0, 4).map((url, n) => `[${t("initiative.link", { n: n + 1 })}](${url})`);
  const by = info.authorName
    ? i.sharedAs === "network-ambassador"
      ? t("initiative.card.byNetworkAmbassador", { author: info.authorName })
      : t("initiative.card.by", { author: info.authorName, commune: info.communeName })
    : t("initiative.card.byCommune", { commune: info.communeName });
  const follows = info.follows ? t("initiative.card.follows", { count: info.follows }) : "";
  blocks.push({ type: "context", text: [by, `${t("initiative.card.ref")} \`${refOf(i.id)}\``, follows, ...links].filter(Boolean).join(" · ") });
  return blocks;
}

/** The buttons of a network post: get in touch, "we'll do it too". */
export function networkButtons(t: Translate, i: Initiative): Button[] {
  return [
    { label: t("initiative.button.contact"), command: `initiative contact ${i.id}` },
    { label: t("initiative.button.follow"), command: `initiative aussi ${i.id}`, style: "primary" },
  ];
}

/** The buttons the author (or coordination) gets after sharing or editing. */
export function ownerButtons(t: Translate, i: Initiative): Button[] {
  return [
    { label: t("initiative.button.details"), command: `initiative details ${i.id}` },
    { label: t("initiative.button.edit"), command: `initiative modifier ${i.id}` },
    { label: t("initiative.button.delete"), command: `initiative supprimer ${i.id}`, style: "danger" },
  ];
}

/** Coordination's buttons on an initiative awaiting approval. */
export function moderationButtons(t: Translate, i: Initiative): Button[] {
  return [
    { label: t("initiative.button.approve"), command: `initiative valider ${i.id}`, style: "primary" },
    { label: t("initiative.button.reject"), command: `initiative refuser ${i.id}`, style: "danger" },
  ];
}

/** A one-line summary for lists (search results, digest, `moi`). */
export function initiativeLine(t: Translate, i: Initiative, communeName: string): string {
  return `**${clip(i.title, 100)}** — ${communeName}, ${isoDay(i.happenedOn)} · ${kindLabel(t, i.kind)} · \`${refOf(i.id)}\``;
}
