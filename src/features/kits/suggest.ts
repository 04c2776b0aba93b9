/**
 * "Did you mean": the known terms closest to words that matched nothing, by edit distance.
 * Known terms are the vocabulary (every language) and the catalogue's keywords.
 */
import type { Locale } from "../../core/types.js";
import { fold } from "../../core/fold.js";
import { alphabetOf, editDistance, strangers } from "./normalize.js";
import type { CompiledVocabulary } from "./vocabulary.js";

interface Known {
  folded: string;
  display: string;
  locale: Locale | null;
}

/** Most unknown words we look up (the rest of a noisy query is not worth it). */
const MAX_WORDS = 5;
/** Closest terms kept per unknown word. */
const PER_WORD = 3;

export class Suggester {
  private readonly known: Known[];
  private readonly alphabet: Set<number>;

  constructor(vocab: CompiledVocabulary, keywords: Iterable<string>) {
    const seen = new Set<string>();
    this.known = [];
    for (const v of vocab.all) {
      if (seen.has(v.folded)) continue;
      seen.add(v.folded);
      this.known.push({ folded: v.folded, display: v.surface, locale: v.locale });
    }
    for (const k of keywords) {
      const folded = fold(k).trim();
      if (!folded || seen.has(folded) || folded.length > 40) continue;
      seen.add(folded);
      this.known.push({ folded, display: k, locale: null });
    }
    this.alphabet = alphabetOf(this.known.map((k) => k.folded));
  }

  /** Up to three known terms per word, closest first (same locale, then shared prefix, first on ties). */
  closest(unknownWords: readonly string[], locale: Locale): string[] {
    const out: string[] = [];
    for (const word of unknownWords.slice(0, MAX_WORDS)) {
      const w = fold(word);
      if (w.length < 3) continue;
      const max = Math.min(3, Math.max(1, Math.floor(w.length / 3)));
      if (strangers(w, this.alphabet) > max) continue;
      const scored: { k: Known; d: number; prefix: number }[] = [];
      for (const k of this.known) {
        const d = editDistance(w, k.folded, max);
        if (d > max) continue;
        let prefix = 0;
        while (prefix < w.length && w[prefix] === k.folded[prefix]) prefix++;
        scored.push({ k, d, prefix });
      }
      scored.sort(
        (x, y) =>
          x.d - y.d ||
          Number(y.k.locale === locale) - Number(x.k.locale === locale) ||
          y.prefix - x.prefix ||
          x.k.folded.length - y.k.folded.length ||
          (x.k.folded < y.k.folded ? -1 : x.k.folded > y.k.folded ? 1 : 0),
      );
      for (const s of scored.slice(0, PER_WORD)) if (!out.includes(s.k.display)) out.push(s.k.display);
    }
    return out;
  }
}
