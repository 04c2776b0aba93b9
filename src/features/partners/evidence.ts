/**
 * What a commune's partners weigh in its Fair-O-Mètre: how many serve criteria 2, 3 and 6,
 * which kinds it has none of, and the kit that helps to find one (from the kit search).
 */
import type { MessageKey, Translate } from "../../core/i18n/catalogue.js";
import type { Locale } from "../../core/types.js";
import type { Partner } from "./ports.js";
import { CRITERION_OF, KIT_WORDS, PARTNER_CRITERIA, PARTNER_KINDS, type PartnerKind } from "./vocabulary.js";

export const kindLabel = (t: Translate, k: PartnerKind) => t(`partner.kind.${k}` as MessageKey);

/**
 * A kind's name inside a sentence: lower case where the language writes common nouns so
 * (French, Dutch, English), as written where it does not (German nouns keep their capital).
 */
export function kindInSentence(t: Translate, k: PartnerKind): string {
  const label = kindLabel(t, k);
  return t("partner.kind.sentenceCase") === "keep" ? label : label.toLowerCase();
}

export interface PartnerTally {
  byKind: Record<PartnerKind, number>;
  /** Partners per criterion they serve (2, 3, 6; media count for 4). */
  byCriterion: Record<number, number>;
  /** Kinds serving criteria 2, 3 or 6 with no partner, in the vocabulary's order. */
  missing: PartnerKind[];
}

export function tally(partners: readonly Pick<Partner, "kind">[]): PartnerTally {
  const byKind = Object.fromEntries(PARTNER_KINDS.map((k) => [k, 0])) as Record<PartnerKind, number>;
  const byCriterion: Record<number, number> = {};
  for (const p of partners) {
    byKind[p.kind] += 1;
    const c = CRITERION_OF[p.kind];
    byCriterion[c] = (byCriterion[c] ?? 0) + 1;
  }
  const counted = new Set<number>(PARTNER_CRITERIA);
  const missing = PARTNER_KINDS.filter((k) => counted.has(CRITERION_OF[k]) && byKind[k] === 0);
  return { byKind, byCriterion, missing };
}

/** The criteria (2, 3, 6) for which the commune has at least one partner. */
export function partnerCriteria(partners: readonly Pick<Partner, "kind">[]): number[] {
  const { byCriterion } = tally(partners);
  return PARTNER_CRITERIA.filter((c) => (byCriterion[c] ?? 0) > 0);
}

/** The kinds a criterion counts, as labels (`Commerces, Horeca`). */
export function criterionKinds(t: Translate, criterion: number): string {
  return PARTNER_KINDS.filter((k) => CRITERION_OF[k] === criterion).map((k) => kindLabel(t, k)).join(", ");
}

/** The smallest view of the kit search this needs (src/features/kits' catalogue fits it). */
export interface KitFinder {
  search(q: { words: string; locale: Locale }): { hits: readonly { kit: { id: string; title: Partial<Record<Locale, string>> & { fr: string } } }[] };
}

export interface KitTip {
  kind: PartnerKind;
  id: string;
  title: string;
}

/** The best kit to find a partner of each missing kind (none when the search finds nothing). */
export function kitTips(kits: KitFinder, missing: readonly PartnerKind[], locale: Locale): KitTip[] {
  const tips: KitTip[] = [];
  for (const kind of missing) {
    const hit = kits.search({ words: KIT_WORDS[kind], locale }).hits[0];
    if (hit) tips.push({ kind, id: hit.kit.id, title: hit.kit.title[locale] ?? hit.kit.title.fr });
  }
  return tips;
}

/**
 * The lines `/cdce fom` adds to criteria 2, 3 and 6, and the missing kinds with their kit:
 * one text per criterion, so the Fair-O-Mètre view stays free of partner vocabulary.
 */
export function fomPartnerLines(t: Translate, partners: readonly Pick<Partner, "kind">[], tips: readonly KitTip[]): { counts: Map<number, number>; lines: Map<number, string>; missing: string[] } {
  const { byCriterion } = tally(partners);
  const counts = new Map<number, number>();
  const lines = new Map<number, string>();
  for (const c of PARTNER_CRITERIA) {
    counts.set(c, byCriterion[c] ?? 0);
    lines.set(c, t("partner.fom.line", { criterion: c, label: criterionKinds(t, c), count: byCriterion[c] ?? 0 }));
  }
  const { missing: kinds } = tally(partners);
  const missing = kinds.length
    ? [t("partner.fom.missing", { kinds: kinds.map((k) => kindLabel(t, k)).join(", ") }), ...tips.map((tip) => t("partner.fom.kit", { kind: kindInSentence(t, tip.kind), title: tip.title, id: tip.id }))]
    : [];
  return { counts, lines, missing };
}

/** The partners as lines of the Fair-O-Mètre dossier, by the criterion they serve (name, kind, what they do together; never contacts). */
export function dossierPartnerLines(t: Translate, partners: readonly Pick<Partner, "name" | "kind" | "together">[]): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (const p of partners) {
    const c = CRITERION_OF[p.kind];
    const line = `- ${t("partner.dossier.line", { name: p.name, kind: kindLabel(t, p.kind) })}${p.together ? ` — ${p.together}` : ""}`;
    out.set(c, [...(out.get(c) ?? []), line]);
  }
  return out;
}
