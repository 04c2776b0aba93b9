/**
 * Reads the free words of a kit query: which audiences, themes, formats, commune profiles and
 * languages they name (in any of the four languages, with typos), and which words are left
 * for full-text search.
 *
 * Bare language codes. `fr` and `nl` are not words of any of the four languages: always a
 * language. `de` (French "of", Dutch "the") and `en` (French "in", Dutch "and") are read as
 * a language only where a function word would make no sense:
 *  - typed in capitals (`DE`, `EN`), anywhere;
 *  - alone, or as the LAST word (`jeunes affiche de` = youth posters in German);
 *  - as the FIRST word, unless the query's locale uses it as a function word (French and Dutch
 *    users write "de ..."/"en ..." as sentences) or a language name follows (`en allemand`);
 *  - between two words it is a stop word (`maisons de jeunes`, `kit en ligne`).
 * `langue:de` (also `lang:`, `language:`, `sprache:`, `taal:`) is always a language.
 */
import type { Audience, CommuneProfile, KitFormat, Theme } from "../../core/ports.js";
import type { Locale } from "../../core/types.js";
import { STOP_WORDS, alphabetOf, editDistance, rawWords, stem, strangers } from "./normalize.js";
import type { CompiledVocabulary, Target, VocabTerm } from "./vocabulary.js";

/** Most content words of a query we consider (a pasted paragraph is not a query). */
export const MAX_QUERY_WORDS = 32;
/** Most words sent to full-text search. */
export const MAX_TEXT_TERMS = 12;

/** Words that only say "I want a kit": neither facets nor useful text. */
const QUERY_NOISE = new Set(["kit", "kits", "outil", "outils", "tool", "tools", "werkzeug", "werkzeuge", "materiaal", "cdce", "svp", "merci", "please", "bitte", "aub"]);

// Maps, not object literals: a typed `constructor` must not find Object.prototype's.
const CODES = new Map<string, Locale>([["fr", "fr"], ["de", "de"], ["nl", "nl"], ["en", "en"]]);
/** Locales in which a bare `de` / `en` is a common function word at the start of a phrase. */
const FUNCTION_WORD_IN = new Map<string, readonly Locale[]>([["de", ["fr", "nl"]], ["en", ["fr", "nl"]]]);
const LANGUAGE_OPTION = /(?:^|[\s,;])(?:lang|langue|language|sprache|taal)\s*[:=]\s*(fr|de|nl|en)(?![\p{L}\p{N}])/giu;

export interface TextTerm {
  /** Stemmed term, as indexed. */
  term: string;
  /** 1 for free words, less for words already understood as facets. */
  weight: number;
  /** True when the word was not understood as a facet. */
  free: boolean;
  /** Folded word as typed (for `freeWords` / `unknownWords`). */
  word: string;
}

export interface ReadQuery {
  audiences: Audience[];
  themes: Theme[];
  formats: KitFormat[];
  profiles: CommuneProfile[];
  languages: Locale[];
  text: TextTerm[];
}

/** Weight in text search of words that were also understood as a facet. */
const FACET_WORD_WEIGHT = 0.6;

function push<T>(list: T[], v: T): void {
  if (!list.includes(v)) list.push(v);
}

function addTarget(q: ReadQuery, target: Target): void {
  switch (target.kind) {
    case "audience": push(q.audiences, target.value); break;
    case "theme": push(q.themes, target.value); break;
    case "format": push(q.formats, target.value); break;
    case "profile": push(q.profiles, target.value); break;
    case "language": push(q.languages, target.value); break;
  }
}

/** Single-word vocabulary terms grouped by key length, for bounded typo matching. */
export interface TypoTable {
  lengths: Map<number, VocabTerm[]>;
  alphabet: Set<number>;
}

export function typoTable(vocab: CompiledVocabulary): TypoTable {
  const lengths = new Map<number, VocabTerm[]>();
  for (const v of vocab.single) {
    const list = lengths.get(v.key.length) ?? [];
    list.push(v);
    lengths.set(v.key.length, list);
  }
  return { lengths, alphabet: alphabetOf(vocab.single.map((v) => v.key)) };
}

/** Edits allowed when guessing a vocabulary word from a typo, by stem length. */
export function typoBudget(stemmed: string): number {
  return stemmed.length >= 8 ? 2 : stemmed.length >= 5 ? 1 : 0;
}

/** The closest one-word vocabulary term within the typo budget, or null. */
function fuzzyTerm(stemmed: string, table: TypoTable): VocabTerm | null {
  const max = typoBudget(stemmed);
  if (max === 0 || strangers(stemmed, table.alphabet) > max) return null;
  // Closest first; on a tie, a term with the same first letter (typos rarely hit it:
  // `afiche` is `affiche`, not `fiche`), then the first in vocabulary order.
  let best: VocabTerm | null = null;
  let bestD = max + 1;
  let bestSameStart = false;
  for (let len = stemmed.length - max; len <= stemmed.length + max; len++) {
    for (const v of table.lengths.get(len) ?? []) {
      const d = editDistance(stemmed, v.key, max);
      if (d > max) continue;
      const sameStart = v.key[0] === stemmed[0];
      if (d < bestD || (d === bestD && sameStart && !bestSameStart)) {
        best = v;
        bestD = d;
        bestSameStart = sameStart;
      }
    }
  }
  return best;
}

/**
 * Splits `text` into understood facets and text terms.
 * `isIndexTerm` tells whether a stem occurs as such in the catalogue: such a word is never
 * "corrected" into a vocabulary word.
 */
export function readQuery(
  text: string,
  locale: Locale,
  vocab: CompiledVocabulary,
  typos: TypoTable,
  isIndexTerm: (stem: string) => boolean,
): ReadQuery {
  const q: ReadQuery = { audiences: [], themes: [], formats: [], profiles: [], languages: [], text: [] };
  const stripped = text.replace(LANGUAGE_OPTION, (_m, code: string) => {
    const lang = CODES.get(code.toLowerCase());
    if (lang) push(q.languages, lang);
    return " ";
  });
  const raw = rawWords(stripped);
  const isLanguageWord = (w: string | undefined) =>
    w !== undefined && (vocab.byKey.get(stem(w))?.targets.some((t) => t.kind === "language") ?? false);

  // 1. Bare language codes, decided by position (see the file comment).
  const content: { word: string; stem: string }[] = [];
  raw.forEach((r, i) => {
    const code = CODES.get(r.word);
    if (code) {
      const ambiguous = r.word === "de" || r.word === "en";
      const last = i === raw.length - 1;
      const first = i === 0;
      let isCode = !ambiguous || r.upperCode || last;
      if (!isCode && first) {
        isCode = !isLanguageWord(raw[1]?.word) && !(FUNCTION_WORD_IN.get(r.word) ?? []).includes(locale);
      }
      if (isCode) { push(q.languages, code); return; }
    }
    if (STOP_WORDS.has(r.word) || QUERY_NOISE.has(r.word)) return;
    if (content.length < MAX_QUERY_WORDS) content.push({ word: r.word, stem: stem(r.word) });
  });

  // 2. Vocabulary phrases, longest first, over the content words (stop words skipped).
  const addText = (t: TextTerm) => {
    if (q.text.length < MAX_TEXT_TERMS && !q.text.some((x) => x.term === t.term)) q.text.push(t);
  };
  for (let i = 0; i < content.length; ) {
    let matched = 0;
    for (let len = Math.min(vocab.maxLength, content.length - i); len >= 1 && !matched; len--) {
      const key = content.slice(i, i + len).map((c) => c.stem).join(" ");
      const term = vocab.byKey.get(key);
      if (!term) continue;
      for (const target of term.targets) addTarget(q, target);
      const languageOnly = term.targets.every((t) => t.kind === "language");
      if (!languageOnly) {
        for (const c of content.slice(i, i + len)) addText({ term: c.stem, weight: FACET_WORD_WEIGHT, free: false, word: c.word });
      }
      matched = len;
    }
    if (matched) { i += matched; continue; }
    // 3. A word outside the vocabulary: a catalogue word, a typo of a vocabulary word, or free.
    const c = content[i]!;
    const guess = isIndexTerm(c.stem) ? null : fuzzyTerm(c.stem, typos);
    if (guess) {
      for (const target of guess.targets) addTarget(q, target);
      if (!guess.targets.every((t) => t.kind === "language")) {
        addText({ term: guess.key, weight: FACET_WORD_WEIGHT, free: false, word: c.word });
      }
    } else {
      addText({ term: c.stem, weight: 1, free: true, word: c.word });
    }
    i += 1;
  }
  return q;
}
