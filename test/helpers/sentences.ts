/**
 * Whether a rendered message reads as whole sentences: nothing dangling before punctuation
 * (a preposition, an article, a conjunction of the four languages), no placeholder left or
 * filled with nothing, no double space.
 */
import type { Locale } from "../../src/core/types.js";

/** Words that never end a clause: prepositions, articles, conjunctions of the four languages. */
const DANGLING: Record<Locale, string[]> = {
  fr: ["à", "au", "aux", "le", "la", "les", "du", "de", "des", "d’", "l’", "en", "et", "ou", "dans", "sur", "pour", "par", "avec", "c’est"],
  de: ["am", "um", "im", "in", "vom", "von", "bis", "zum", "zur", "der", "die", "das", "des", "dem", "den", "und", "oder", "mit", "für"],
  nl: ["op", "om", "in", "van", "tot", "te", "de", "het", "een", "en", "of", "met", "voor", "bij"],
  en: ["on", "at", "in", "of", "from", "to", "the", "a", "an", "and", "or", "with", "for", "by"],
};

/** What is wrong with one text, as a list of findings (empty: it reads as whole sentences). */
export function danglingIn(text: string, locale: Locale): string[] {
  const found: string[] = [];
  if (/\{[a-z]+\}/i.test(text)) found.push("unfilled placeholder");
  if (/ {2,}/.test(text)) found.push("double space");
  if (/\(\s*\)|\[\s*\]|«\s*»|""/.test(text)) found.push("empty brackets or quotes");
  // French typography puts a space before ":" and ";": not a gap there.
  const spaced = locale === "fr" ? text.replace(/ [:;]/g, ":") : text.replace(/ :/g, ":");
  if (/\s[,.;](?!\w)/.test(spaced)) found.push("space before a comma or period");
  if (/[,;:]\s*[,.;]/.test(text)) found.push("empty clause between punctuation");
  if (/(undefined|null|NaN|Invalid DateTime)/.test(text)) found.push("a value that is no word");
  for (const word of DANGLING[locale]) {
    const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const re = new RegExp(`(^|[\\s(])${escaped}\\s*[,.;:!?)]`, "iu");
    if (re.test(text)) found.push(`"${word}" before punctuation`);
  }
  return found;
}

