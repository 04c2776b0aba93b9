/**
 * Which commands a message written in plain language is closest to, from the commands' own
 * words, help and example lines in each language, scored by the kits' text index (the same
 * stemming, prefixes and typo tolerance; no external service). Which language the message
 * is in, from the function words it uses; and whether it reads like a search.
 */
import { commandWords, usageLine, type CommandDefinition } from "../../core/commands.js";
import { fold } from "../../core/fold.js";
import { LOCALES, type Locale } from "../../core/types.js";
import { TextIndex, terms, words } from "../kits/index.js";

/** Words that tell the language of a short message (folded). Question and search words weigh most. */
const LANGUAGE_HINTS: ReadonlyMap<Locale, ReadonlySet<string>> = new Map([
  ["fr", new Set(["je", "j", "cherche", "une", "un", "pour", "les", "des", "est", "quand", "prochain", "prochaine", "comment", "ou", "quel", "quelle", "voudrais", "besoin", "avec", "mon", "ma", "mes", "le", "la", "du", "svp", "bonjour", "merci", "trouver", "partager", "affiche", "jeunes"])],
  ["de", new Set(["ich", "suche", "eine", "einen", "ein", "fur", "die", "der", "das", "ist", "wann", "nachste", "nachstes", "nachsten", "wie", "wo", "welche", "mochte", "brauche", "mit", "mein", "meine", "und", "hallo", "danke", "finden", "teilen", "plakat", "jugendliche"])],
  ["nl", new Set(["ik", "zoek", "een", "voor", "het", "de", "is", "wanneer", "volgende", "hoe", "waar", "welke", "wil", "nodig", "met", "mijn", "en", "hallo", "dank", "bedankt", "vinden", "delen", "affiche", "jongeren"])],
  ["en", new Set(["i", "looking", "a", "an", "for", "the", "is", "when", "next", "how", "where", "which", "would", "need", "with", "my", "and", "hello", "thanks", "find", "share", "poster", "young", "people"])],
]);

/** Words that make a message a search for material (folded, before stemming). */
const SEARCH_WORDS = new Set([
  "cherche", "cherchons", "chercher", "trouver", "besoin", "affiche", "affiches", "flyer", "kit", "kits", "outil", "outils", "modele", "support",
  "suche", "suchen", "finden", "brauche", "plakat", "vorlage", "material",
  "zoek", "zoeken", "vinden", "nodig", "sjabloon", "materiaal",
  "looking", "find", "need", "search", "poster", "template", "material",
]);

const FIELDS = [
  { name: "words", boost: 3 },
  { name: "help", boost: 1.5 },
  { name: "examples", boost: 1 },
] as const;

export interface RankedCommand {
  def: CommandDefinition;
  score: number;
}

/** The language a message is most likely written in; undefined when nothing tells. */
export function languageOf(text: string): Locale | undefined {
  const seen = words(text);
  let best: Locale | undefined;
  let bestHits = 0;
  for (const locale of LOCALES) {
    const hints = LANGUAGE_HINTS.get(locale)!;
    const hits = seen.filter((w) => hints.has(w)).length;
    if (hits > bestHits) [best, bestHits] = [locale, hits];
  }
  return best;
}

/** Whether the message asks for material (kits, posters, templates...). */
export function readsLikeSearch(text: string): boolean {
  return words(text).some((w) => SEARCH_WORDS.has(fold(w)));
}

/** One index per language over the commands given, built once per list. */
export class CommandFinder {
  private readonly indexes = new Map<Locale, TextIndex>();

  constructor(private readonly defs: readonly CommandDefinition[]) {
    for (const locale of LOCALES) {
      const docs = defs.map((def) => ({
        words: commandWords(def, locale),
        help: def.help[locale] ?? def.help.fr,
        examples: usageLine(def, locale),
      }));
      this.indexes.set(locale, new TextIndex(docs, FIELDS));
    }
  }

  /**
   * Commands closest to `text` in `locale`, best first, among those `allowed` keeps; a
   * command's score is relative to the best (1), and weak ones (under `floor`) are dropped.
   */
  rank(text: string, locale: Locale, allowed: (def: CommandDefinition) => boolean, floor = 0.35): RankedCommand[] {
    const query = terms(text).slice(0, 24).map((term) => ({ term, weight: 1 }));
    if (query.length === 0) return [];
    const index = this.indexes.get(locale)!;
    const result = index.search(query);
    try {
      const found = [...result.touched].map((d) => ({ def: this.defs[d]!, score: result.scores[d]! })).filter((r) => allowed(r.def));
      found.sort((a, b) => b.score - a.score || a.def.name.localeCompare(b.def.name));
      const top = found[0]?.score ?? 0;
      if (top < MIN_SCORE) return [];
      return found.filter((r) => r.score >= top * floor).map((r) => ({ def: r.def, score: r.score / top }));
    } finally {
      index.release(result);
    }
  }
}

/** Below this, the best match is a coincidence of one common word: the message is not placed. */
const MIN_SCORE = 1;
