/**
 * `/cdce partenaires`: a commune's partners by kind, what they do together, how often they
 * are credited, their contact details for the commune's members only, then what they count
 * for in the Fair-O-Mètre and the kinds still missing with the kit that helps.
 */
import type { Translate } from "../../core/i18n/catalogue.js";
import type { Commune } from "../../core/ports.js";
import { reply } from "../../core/reply.js";
import type { Block, Locale, Reply } from "../../core/types.js";
import { clip } from "../../core/clip.js";
import type { Partner } from "./ports.js";
import { PARTNER_CRITERIA, PARTNER_KINDS } from "./vocabulary.js";
import { criterionKinds, kindInSentence, kindLabel, tally, type KitTip } from "./evidence.js";

/** Characters per section, well under the smallest platform cap. */
const SECTION_MAX = 2500;

export interface PartnerListInput {
  commune: Commune;
  partners: readonly Partner[];
  credits: ReadonlyMap<string, number>;
  /** Whether the reader is a member of the commune (or coordination): contacts and buttons. */
  member: boolean;
  tips: readonly KitTip[];
}

/** One partner's line; contact details only when `member`. */
export function partnerLine(t: Translate, p: Partner, credits: number, member: boolean): string {
  const parts = [`**${p.name}**`];
  if (p.together) parts.push(clip(p.together, 300));
  if (credits > 0) parts.push(t("partner.credited", { count: credits }));
  if (member) {
    if (p.email) parts.push(`✉ ${p.email}`);
    if (p.phone) parts.push(`☎ ${p.phone}`);
  }
  return `• ${parts.join(" · ")}`;
}

export function partnerListReply(locale: Locale, t: Translate, v: PartnerListInput): Reply {
  const blocks: Block[] = [{ type: "header", text: t("partner.list.title", { commune: v.commune.name, count: v.partners.length }) }];
  if (v.partners.length === 0) blocks.push({ type: "section", text: t("partner.list.none", { commune: v.commune.name }) });
  for (const kind of PARTNER_KINDS) {
    const of = v.partners.filter((p) => p.kind === kind);
    if (of.length === 0) continue;
    const lines = of.map((p) => partnerLine(t, p, v.credits.get(p.id) ?? 0, v.member));
    // A long kind is cut into several sections: each platform caps one (Slack: 3,000 characters).
    let chunk = `**${kindLabel(t, kind)}** (${of.length})`;
    for (const line of lines) {
      if (chunk.length + line.length + 1 > SECTION_MAX) {
        blocks.push({ type: "section", text: chunk });
        chunk = line;
      } else chunk += `\n${line}`;
    }
    blocks.push({ type: "section", text: chunk });
  }
  const { byCriterion, missing } = tally(v.partners);
  const fom = PARTNER_CRITERIA.map((c) => `• ${t("partner.fom.line", { criterion: c, label: criterionKinds(t, c), count: byCriterion[c] ?? 0 })}`);
  if (missing.length) {
    fom.push(t("partner.fom.missing", { kinds: missing.map((k) => kindLabel(t, k)).join(", ") }));
    for (const tip of v.tips) fom.push(`→ ${t("partner.fom.kit", { kind: kindInSentence(t, tip.kind), title: tip.title, id: tip.id })}`);
  } else fom.push(t("partner.fom.complete"));
  blocks.push({ type: "section", text: `**${t("partner.fom.title")}**\n${fom.join("\n")}` });
  if (v.member) {
    blocks.push({ type: "context", text: t("partner.list.hintMember") });
    blocks.push({ type: "actions", buttons: [{ label: t("partner.button.add"), command: "partenaires ajouter", style: "primary" }] });
  } else if (v.partners.some((p) => p.email || p.phone)) {
    blocks.push({ type: "context", text: t("partner.list.contactsHidden", { commune: v.commune.name }) });
  }
  return reply(locale, blocks);
}
