/**
 * Text normalisation shared by the kit index and the query reader, so that both sides of a
 * match go through exactly the same steps: fold (case, accents, ligatures), collapse inclusive
 * writing (`élu·es`, `élu.e.s`, `élu-e-s`, `ambassadeur·ices`), split into words, drop stop
 * words, and stem lightly (plural and feminine endings, mute final `e`).
 *
 * The stemmer is deliberately crude and language-blind: the catalogue mixes four languages in
 * one index and the only requirement is that a word and its variants land on the same key.
 * It never needs to produce a real word (`affiche` -> `affich`, `jeunes` -> `jeun`).
 */
import { fold, MARKS } from "../../core/fold.js";

/** Longest input we look at; the rest of a pasted essay is ignored. */
export const MAX_INPUT_CHARS = 4000;
/** Longest token kept: longer "words" are noise (URLs, hashes, keyboard mashing). */
export const MAX_TOKEN_CHARS = 40;

// Separators used in French inclusive writing: middle dots, bullets, period, hyphen, slash.
const SEP = "[·•∙‧⋅.\\-/]";
// Endings that follow such a separator: feminine and plural marks.
const SUFFIX = "(?:e|es|s|x|ice|ices|rice|rices|trice|trices|euse|euses|eure|eures|ne|nes|le|les|te|tes|se|ses)";
const INCLUSIVE = new RegExp(`(\\p{L})${SEP}${SUFFIX}(?:${SEP}${SUFFIX})*(?![\\p{L}\\p{N}])`, "giu");
// `élu(e)s`, `élu(es)`, `ambassadeur(rice)s`
const INCLUSIVE_PAREN = new RegExp(`(\\p{L})\\(${SUFFIX}\\)(?:s|x)?(?![\\p{L}\\p{N}])`, "giu");

/** `élu·es` -> `élu`, `ambassadeur·ices` -> `ambassadeur`, `élu(e)s` -> `élu`. Input folded or not. */
export function collapseInclusive(s: string): string {
  return s.replace(INCLUSIVE, "$1").replace(INCLUSIVE_PAREN, "$1");
}

/** A word of a text: folded, and whether it was typed as a two-letter capital code (`DE`). */
export interface RawWord {
  word: string;
  upperCode: boolean;
}

const clip = (text: string) => (text.length > MAX_INPUT_CHARS ? text.slice(0, MAX_INPUT_CHARS) : text);
const SPLIT = /[^\p{L}\p{N}]+/u;

/**
 * Words of a text, in order, with whether each was typed as a two-letter capital code
 * (`DE`): inclusive forms collapsed, folded; separators, emoji and control characters
 * dropped; overlong tokens skipped. For queries (the index uses the faster `words`).
 */
export function rawWords(text: string): RawWord[] {
  const s = collapseInclusive(clip(text).normalize("NFKD").replace(MARKS, ""));
  const out: RawWord[] = [];
  for (const token of s.split(SPLIT)) {
    if (token.length === 0 || token.length > MAX_TOKEN_CHARS) continue;
    out.push({ word: fold(token), upperCode: /^[A-Z]{2}$/.test(token) });
  }
  return out;
}

/** Folded words of a text: the same words as `rawWords`, without the capital-code flag. */
export function words(text: string): string[] {
  const out: string[] = [];
  for (const token of collapseInclusive(fold(clip(text))).split(SPLIT)) {
    if (token.length > 0 && token.length <= MAX_TOKEN_CHARS) out.push(token);
  }
  return out;
}

/**
 * Function words of the four languages (folded). They are neither indexed nor searched.
 * `de` and `en` are here too: the query reader decides first whether they mean a language.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  // fr
  "a", "au", "aux", "avec", "ce", "ces", "cet", "cette", "c", "d", "dans", "de", "des", "du", "elle", "en", "est",
  "et", "il", "ils", "j", "je", "l", "la", "le", "les", "leur", "leurs", "lui", "m", "ma", "mes", "moi", "mon",
  "n", "ne", "nos", "notre", "nous", "on", "ou", "par", "pas", "pour", "qu", "que", "qui", "s", "sa", "se",
  "ses", "son", "sur", "t", "ta", "te", "tes", "ton", "tu", "un", "une", "vos", "votre", "vous", "y", "comment",
  "quel", "quelle", "quels", "quelles", "faire", "besoin", "cherche", "chercher", "veux", "voudrais", "svp",
  // de
  "am", "an", "auf", "aus", "bei", "das", "dem", "den", "der", "die", "ein", "eine", "einen", "einer", "eines",
  "fur", "im", "in", "ist", "mit", "nach", "oder", "uber", "um", "und", "vom", "von", "zu", "zum", "zur", "wie",
  "ich", "wir", "unsere", "unser", "suche", "brauche",
  // nl
  "het", "een", "voor", "van", "met", "op", "te", "bij", "naar", "of", "om", "ons", "onze", "ik", "wij", "we",
  "hoe", "zoek", "nodig", "aan",
  // en
  "the", "an", "and", "for", "of", "with", "to", "on", "my", "our", "how", "need", "looking", "find", "some", "is",
  "are", "i", "we", "about",
]);

/**
 * Light stem: plural, feminine and mute-`e` endings removed so that `jeune`/`jeunes`,
 * `élu`/`élue`/`élus`, `ambassadrice`/`ambassadeurs`, `Gemeinderat`/`Gemeinderäte`,
 * `bénévole`/`benevoles`, `public`/`publiques` share a key. Expects a folded word.
 * Idempotence is not required: index and query both stem exactly once.
 */
export function stem(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  let s = word;
  if (s.endsWith("eaux")) s = s.slice(0, -1);
  else if (s.endsWith("aux") && s.length > 4) s = s.slice(0, -3) + "al";
  else if (s.endsWith("s") && !s.endsWith("ss")) s = s.slice(0, -1);
  if (s.endsWith("trice")) s = s.slice(0, -5) + "teur";
  else if (s.endsWith("drice")) s = s.slice(0, -5) + "deur";
  else if (s.endsWith("euse") && s.length > 5) s = s.slice(0, -4) + "eur";
  else if (s.endsWith("enne") && s.length > 5) s = s.slice(0, -2);
  else if (s.endsWith("ere") && s.length > 5) s = s.slice(0, -3) + "er";
  // Mute final e, twice for "ée" (idée, employée).
  for (let k = 0; k < 2 && s.length > 3 && s.endsWith("e"); k++) s = s.slice(0, -1);
  // French -ique / English -ic: `publiques` and `public`, `pratiques` and `practic(al)`.
  if (s.endsWith("iqu") && s.length > 4) s = s.slice(0, -3) + "ic";
  return s;
}

/** Index keys of a text: words, stop words dropped, stemmed. */
export function terms(text: string): string[] {
  const out: string[] = [];
  for (const w of words(text)) if (!STOP_WORDS.has(w)) out.push(stem(w));
  return out;
}

/** The set of characters (UTF-16 code units) used by some words. */
export function alphabetOf(list: Iterable<string>): Set<number> {
  const set = new Set<number>();
  for (const w of list) for (let i = 0; i < w.length; i++) set.add(w.charCodeAt(i));
  return set;
}

/**
 * How many characters of `word` are absent from `alphabet`: a lower bound of its edit
 * distance to any word written with that alphabet (noise in another script is rejected at once).
 */
export function strangers(word: string, alphabet: ReadonlySet<number>): number {
  let n = 0;
  for (let i = 0; i < word.length; i++) if (!alphabet.has(word.charCodeAt(i))) n++;
  return n;
}

// Rows of the edit-distance table, reused across calls (the search is synchronous).
let rowA = new Int32Array(64);
let rowB = new Int32Array(64);
let rowC = new Int32Array(64);

/**
 * Damerau-Levenshtein distance (optimal string alignment), giving up above `max`
 * (returns `max + 1`): cheap enough to compare a word with a few thousand terms.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = b.length;
  if (rowA.length <= n) {
    rowA = new Int32Array(n * 2 + 1);
    rowB = new Int32Array(n * 2 + 1);
    rowC = new Int32Array(n * 2 + 1);
  }
  let prev2 = rowA;
  let prev = rowB;
  let cur = rowC;
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const bj = b.charCodeAt(j - 1);
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (ai === bj ? 0 : 1));
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  return prev[n]!;
}
