/**
 * Reads the words of `/cdce initiatives <words>` into filters (kind, partner kind, criterion,
 * province, commune, language, period) and ranks what remains as free text. The same
 * filters serve the map (`/cdce carte`) and the digest.
 */
import { fold } from "../../core/fold.js";
import { wordTable } from "../../core/word-table.js";
import type { Commune } from "../../core/ports.js";
import type { Locale } from "../../core/types.js";
import type { Initiative } from "./ports.js";
import { parsePeriod, type Period } from "../../core/time/dates.js";
import { kindWord, partnerWord, type Criterion, type InitiativeKind, type PartnerKind } from "./vocabulary.js";

export interface InitiativeQuery {
  kinds: InitiativeKind[];
  partnerKinds: PartnerKind[];
  /** Words that name both a kind and a partner kind (`ecole`, `media`): either matches. */
  topics: InitiativeKind[];
  criteria: Criterion[];
  provinces: string[];
  communeIds: string[];
  languages: Locale[];
  period?: Period;
  /** Folded free words, matched against title, description, place and commune. */
  words: string[];
}

const LANGUAGE_WORDS = wordTable<Locale>({
  fr: "fr", francais: "fr", french: "fr", franzosisch: "fr", frans: "fr",
  de: "de", allemand: "de", deutsch: "de", german: "de", duits: "de",
  nl: "nl", neerlandais: "nl", niederlandisch: "nl", dutch: "nl", nederlands: "nl",
  en: "en", anglais: "en", english: "en", englisch: "en", engels: "en",
});

/** Words that carry no meaning in a search ("les ateliers de Namur en 2026"). */
const STOP = new Set(["le", "la", "les", "de", "des", "du", "un", "une", "et", "en", "a", "au", "aux", "pour", "avec", "the", "of", "and", "in", "for", "with", "der", "die", "das", "und", "mit", "het", "een", "van", "met", "voor"]);

export function emptyQuery(): InitiativeQuery {
  return { kinds: [], partnerKinds: [], topics: [], criteria: [], provinces: [], communeIds: [], languages: [], words: [] };
}

/** Splits free text into folded words, keeping `2026-10` and `c3` whole. */
export function wordsOf(text: string): string[] {
  return fold(text).split(/[^\p{L}\p{N}-]+/u).map((w) => w.replace(/^-+|-+$/g, "")).filter(Boolean);
}

/**
 * Reads free words. Provinces win over communes of the same name (`namur`: the province
 * includes the city), two-word provinces (`brabant wallon`) are read as one.
 */
export function readQuery(text: string, communes: readonly Commune[], zone: string, now: Date): InitiativeQuery {
  const q = emptyQuery();
  const provinces = new Map<string, string>();
  for (const c of communes) if (c.province) provinces.set(fold(c.province), c.province);
  const bySlug = new Map(communes.map((c) => [c.slug, c]));
  const words = wordsOf(text);
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const pair = i + 1 < words.length ? `${w} ${words[i + 1]}` : "";
    if (pair && provinces.has(pair)) {
      q.provinces.push(provinces.get(pair)!);
      i++;
      continue;
    }
    const kind = kindWord(w);
    const partner = partnerWord(w);
    const crit = /^(?:c|critere|kriterium|criterium|criterion)([1-6])$/.exec(w);
    const period = /^\d{4}(-\d{1,2})?$/.test(w) ? parsePeriod(w, zone, now) : undefined;
    if (kind && partner) q.topics.push(kind);
    else if (kind) q.kinds.push(kind);
    else if (partner) q.partnerKinds.push(partner);
    else if (crit) q.criteria.push(Number(crit[1]) as Criterion);
    else if (period) q.period = period;
    else if (provinces.has(w)) q.provinces.push(provinces.get(w)!);
    else if (bySlug.has(w)) q.communeIds.push(bySlug.get(w)!.id);
    else if (LANGUAGE_WORDS.has(w) && (w.length > 2 || new RegExp(`\\b${w.toUpperCase()}\\b`).test(text))) q.languages.push(LANGUAGE_WORDS.get(w)!);
    // Two-letter codes count as a language only in capitals (`DE`): "en" is also French.
    else if (!STOP.has(w) && w.length > 1) q.words.push(w);
  }
  return q;
}

/** Whether an initiative passes the structural filters of `q` (its commune given). */
export function matches(i: Initiative, commune: Commune | undefined, q: InitiativeQuery): boolean {
  if (q.kinds.length && !q.kinds.includes(i.kind)) return false;
  if (q.partnerKinds.length && !q.partnerKinds.some((p) => i.partnerKinds.includes(p))) return false;
  if (q.topics.length && !q.topics.some((k) => i.kind === k || i.partnerKinds.includes(k as PartnerKind))) return false;
  if (q.criteria.length && !q.criteria.some((c) => i.criteria.includes(c))) return false;
  if (q.provinces.length && !q.provinces.includes(commune?.province ?? "")) return false;
  if (q.communeIds.length && !q.communeIds.includes(i.communeId)) return false;
  if (q.languages.length && !q.languages.includes(i.language) && !q.languages.some((l) => commune?.languages.includes(l))) return false;
  if (q.period && (i.happenedOn < q.period.from || i.happenedOn >= q.period.to)) return false;
  return true;
}

/** A free word matches a text word when one starts with the other (at least 4 letters): plurals, stems. */
export function wordHits(word: string, haystack: string[]): number {
  return haystack.filter((h) => h === word || (word.length >= 4 && h.length >= 4 && (h.startsWith(word) || word.startsWith(h)))).length;
}

/**
 * Filters and ranks: every free word must appear (title counts double); ties go to the most
 * recent. Without free words, most recent first.
 */
export function rank(items: readonly Initiative[], communes: ReadonlyMap<string, Commune>, q: InitiativeQuery): Initiative[] {
  const scored: Array<{ i: Initiative; score: number }> = [];
  for (const i of items) {
    const commune = communes.get(i.communeId);
    if (!matches(i, commune, q)) continue;
    let score = 0;
    if (q.words.length) {
      const title = wordsOf(i.title);
      const body = [...wordsOf(i.description), ...wordsOf(i.place ?? ""), ...wordsOf(commune?.name ?? "")];
      let all = true;
      for (const w of q.words) {
        const s = 2 * wordHits(w, title) + wordHits(w, body);
        if (s === 0) all = false;
        score += s;
      }
      if (!all) continue;
    }
    scored.push({ i, score });
  }
  return scored
    .sort((a, b) => b.score - a.score || b.i.happenedOn.getTime() - a.i.happenedOn.getTime() || b.i.createdAt.getTime() - a.i.createdAt.getTime())
    .map((x) => x.i);
}

/**
 * Scores a text (weighted fields) against free words: `all` requires every word (search),
 * otherwise any word counts (suggestions). Null when it does not qualify.
 */
export function scoreText(words: readonly string[], fields: ReadonlyArray<[text: string, weight: number]>, all: boolean): number | null {
  const split = fields.map(([text, weight]) => [wordsOf(text), weight] as const);
  let score = 0;
  let missing = false;
  for (const w of words) {
    const s = split.reduce((sum, [hay, weight]) => sum + weight * wordHits(w, hay), 0);
    if (s === 0) missing = true;
    score += s;
  }
  if (all ? missing : words.length > 0 && score === 0) return null;
  return score;
}
