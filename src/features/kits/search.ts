/**
 * In-memory search over the kit catalogue.
 *
 * A query is read into facets (audiences, themes, formats, commune profiles, languages; see
 * `query.ts` and `vocabulary.ts`) and free words. Ranking is lexicographic:
 *   1. how many kinds of understood facets a kit matches (audience, theme, format, profile);
 *   2. how many individual facet values it matches (a kit for `jeunes` AND `ambassadeurs`
 *      beats one for `jeunes` only; a direct format beats a format only named in keywords;
 *      a kit made for `rural` beats a kit for every profile);
 *   3. whether the material exists in a requested language (never hides the others);
 *   4. full-text score (BM25 over titles and summaries in every language and keywords, with
 *      field boosts, prefix and typo matching; see `text-index.ts`);
 *   5. title in the user's locale (a stable order, also the order of an empty query).
 * See `rank.ts` for how this stays fast over 10,000 kits.
 *
 * Explicit `audience`, `theme`, `format` in a `KitQuery` are hard filters. Facets found in the
 * words, and explicit `language` / `profile`, only rank (a kit must still match one facet
 * word or one text word to be listed). `search` never throws.
 */
import { AUDIENCES, KIT_FORMATS, THEMES, type Audience, type CommuneProfile, type Kit, type KitFormat, type Theme } from "../../core/ports.js";
import { LOCALES, type Locale } from "../../core/types.js";
import { STOP_WORDS, stem, words } from "./normalize.js";
import { readQuery, typoTable, type TypoTable } from "./query.js";
import { FacetTable, PROFILES, bitOf, maskOf, type RankRequest } from "./rank.js";
import { Suggester } from "./suggest.js";
import { TextIndex } from "./text-index.js";
import { compileVocabulary, type CompiledVocabulary } from "./vocabulary.js";

export interface KitQuery {
  /** Free text typed by the user: `jeunes affiche de`, `Gemeinderat Präsentation`... */
  words: string;
  /** The user's locale: decides the title order and how a leading `de`/`en` is read. */
  locale: Locale;
  /** Hard filter. */
  audience?: Audience;
  /** Hard filter. */
  theme?: Theme;
  /** Hard filter. */
  format?: KitFormat;
  /** Hard filter: only kits whose material exists in this language (`langue:`). */
  language?: Locale;
  /**
   * The reader's languages (their own, their commune's): kits whose material exists in one
   * of them come first; the others are left out and counted (`otherLanguagesOnly`) unless
   * `allLanguages` is set or no kit exists in these languages.
   */
  preferredLanguages?: Locale[];
  /** Show the kits that exist only in other languages too (after the preferred ones). */
  allLanguages?: boolean;
  /** The user's commune profile: ranks kits made for it first, then kits for every profile. */
  profile?: CommuneProfile;
}

export interface KitHit {
  kit: Kit;
  /**
   * Higher is better, consistent with the order of `hits`; an integer: millions = facet kinds
   * matched, hundred-thousands = facet values, ten-thousands = language, units = text score.
   */
  score: number;
}

export interface Understood {
  audiences: Audience[];
  themes: Theme[];
  formats: KitFormat[];
  languages: Locale[];
  profiles: CommuneProfile[];
  /** Words searched as text (folded), i.e. not understood as a facet. */
  freeWords: string[];
  /** Free words that matched no kit at all, even with typo tolerance. */
  unknownWords: string[];
}

export interface KitSearchResult {
  total: number;
  hits: KitHit[];
  understood: Understood;
  /** Known terms to try: set when nothing matched or some words were unknown. */
  suggestions: string[];
  /**
   * Two kinds of facet or more were understood (an audience and a format, say) and no kit
   * matches them all: the hits are the closest, each matching part of the request.
   */
  partial: boolean;
  /** Matching kits left out because their material exists only in other languages. */
  otherLanguagesOnly: number;
}

export interface KitIndexOptions {
  /** Told about an internal error that `search` turned into an empty result (for logs, tests). */
  onError?: (error: unknown) => void;
}


const FIELDS = [
  { name: "title", boost: 3 },
  { name: "keywords", boost: 2 },
  { name: "summary", boost: 1 },
] as const;

export class KitIndex {
  private readonly vocab: CompiledVocabulary = compileVocabulary();
  private readonly typos: TypoTable = typoTable(this.vocab);
  private kits: Kit[] = [];
  private table!: FacetTable;
  private text!: TextIndex;
  private freeMatch = new Uint8Array(0);
  private counts!: ReturnType<KitIndex["facets"]>;
  private suggester!: Suggester;

  constructor(kits: Kit[], private readonly options: KitIndexOptions = {}) {
    this.build(kits);
  }

  /** Rebuilds the whole index (after an edit or an import). */
  replace(kits: Kit[]): void {
    this.build(kits);
  }

  size(): number {
    return this.kits.length;
  }

  /** Number of kits per audience, theme and format (every key present). */
  facets(): { audiences: Record<Audience, number>; themes: Record<Theme, number>; formats: Record<KitFormat, number> } {
    return { audiences: { ...this.counts.audiences }, themes: { ...this.counts.themes }, formats: { ...this.counts.formats } };
  }

  /** Every matching kit, best first. Never throws: an internal failure gives an empty result. */
  search(q: KitQuery): KitSearchResult {
    try {
      return this.run(q);
    } catch (error) {
      this.options.onError?.(error);
      return { total: 0, hits: [], understood: emptyUnderstood(), suggestions: this.commonFacets(), partial: false, otherLanguagesOnly: 0 };
    }
  }

  // ------------------------------------------------------------------ build

  private build(input: Kit[]): void {
    // Last occurrence of an id wins: a repository should not hold duplicates, but never crash.
    const byId = new Map<string, Kit>();
    for (const k of Array.isArray(input) ? input : []) if (k && typeof k.id === "string") byId.set(k.id, k);
    const kits = [...byId.values()];
    this.kits = kits;
    this.freeMatch = new Uint8Array(kits.length);
    const keywords = new Set<string>();
    this.table = new FacetTable(kits, (k) => {
      const soft = { audience: 0, theme: 0, format: 0 };
      for (const word of k.keywords ?? []) {
        keywords.add(word);
        const key = words(word).filter((w) => !STOP_WORDS.has(w)).map(stem).join(" ");
        for (const t of this.vocab.byKey.get(key)?.targets ?? []) {
          if (t.kind === "audience") soft.audience |= bitOf(AUDIENCES, t.value);
          else if (t.kind === "theme") soft.theme |= bitOf(THEMES, t.value);
          else if (t.kind === "format") soft.format |= bitOf(KIT_FORMATS, t.value);
        }
      }
      return soft;
    });
    const counts = {
      audiences: Object.fromEntries(AUDIENCES.map((a) => [a, 0])) as Record<Audience, number>,
      themes: Object.fromEntries(THEMES.map((t) => [t, 0])) as Record<Theme, number>,
      formats: Object.fromEntries(KIT_FORMATS.map((f) => [f, 0])) as Record<KitFormat, number>,
    };
    for (const k of kits) {
      for (const a of new Set(k.audiences ?? [])) if (Object.hasOwn(counts.audiences, a)) counts.audiences[a]++;
      for (const t of new Set(k.themes ?? [])) if (Object.hasOwn(counts.themes, t)) counts.themes[t]++;
      if (Object.hasOwn(counts.formats, k.format)) counts.formats[k.format]++;
    }
    this.counts = counts;
    this.text = new TextIndex(
      kits.map((k) => ({
        title: Object.values(k.title ?? {}).join("\n"),
        summary: Object.values(k.summary ?? {}).join("\n"),
        keywords: [...(k.keywords ?? []), k.id].join("\n"),
      })),
      FIELDS,
    );
    this.suggester = new Suggester(this.vocab, keywords);
  }

  // ----------------------------------------------------------------- search

  private run(input: KitQuery): KitSearchResult {
    // Typed callers send a KitQuery; untyped ones (JSON, tests) may send anything.
    const q: Partial<KitQuery> = input && typeof input === "object" ? input : {};
    const locale: Locale = q.locale && LOCALES.includes(q.locale) ? q.locale : "fr";
    const text = typeof q.words === "string" ? q.words : "";
    const rq = readQuery(text, locale, this.vocab, this.typos, (s) => this.text.has(s));

    const hardAudience = bitOf(AUDIENCES, q.audience);
    const hardTheme = bitOf(THEMES, q.theme);
    const hardFormat = bitOf(KIT_FORMATS, q.format);
    const hardLanguage = LOCALES.includes(q.language as Locale) ? (q.language as Locale) : undefined;
    const preferred = dedupe((Array.isArray(q.preferredLanguages) ? q.preferredLanguages : []).filter((l) => LOCALES.includes(l)));
    const languages = dedupe([...(hardLanguage ? [hardLanguage] : []), ...rq.languages]);
    const profiles = dedupe([...(PROFILES.includes(q.profile as CommuneProfile) ? [q.profile as CommuneProfile] : []), ...rq.profiles]);
    const req: RankRequest = {
      hardAudience,
      hardTheme,
      hardFormat,
      audience: maskOf(AUDIENCES, rq.audiences),
      theme: maskOf(THEMES, rq.themes),
      format: maskOf(KIT_FORMATS, rq.formats),
      profile: maskOf(PROFILES, profiles),
      wordProfile: maskOf(PROFILES, rq.profiles),
      language: maskOf(LOCALES, dedupe([...languages, ...preferred])),
      // A kit is listed when it matches a facet word or a free word. Without either (empty
      // query, only a language or a profile), every kit that passes the filters is listed.
      needsMatch: rq.audiences.length + rq.themes.length + rq.formats.length > 0 || rq.text.some((t) => t.free),
    };

    // Free words flag the kits they reach in `freeMatch` (reset below).
    const freeMatch = this.freeMatch;
    const found = this.text.search(rq.text.map((t) => ({ term: t.term, weight: t.weight, mark: t.free })), freeMatch);
    let hits: KitHit[];
    try {
      hits = this.table.rank(req, locale, found.scores, found.touched, freeMatch);
    } finally {
      for (let k = 0; k < found.touched.length; k++) freeMatch[found.touched[k]!] = 0;
      this.text.release(found);
    }

    let otherLanguagesOnly = 0;
    if (hardLanguage) hits = hits.filter((h) => h.kit.languages.includes(hardLanguage));
    else if (preferred.length) {
      const inPreferred = hits.filter((h) => h.kit.languages.some((l) => preferred.includes(l)));
      const others = hits.filter((h) => !h.kit.languages.some((l) => preferred.includes(l)));
      // Nothing in the reader's languages: showing the others beats an empty answer.
      if (q.allLanguages || inPreferred.length === 0) hits = [...inPreferred, ...others];
      else {
        hits = inPreferred;
        otherLanguagesOnly = others.length;
      }
    }

    const matchedTerms = new Set(rq.text.filter((_, k) => found.matched[k]).map((t) => t.term));
    const freeWords = dedupe(rq.text.filter((t) => t.free).map((t) => t.word));
    const unknownWords = dedupe(rq.text.filter((t) => t.free && !matchedTerms.has(t.term)).map((t) => t.word));
    const understood: Understood = {
      audiences: dedupe([...(q.audience && hardAudience ? [q.audience] : []), ...rq.audiences]),
      themes: dedupe([...(q.theme && hardTheme ? [q.theme] : []), ...rq.themes]),
      formats: dedupe([...(q.format && hardFormat ? [q.format] : []), ...rq.formats]),
      languages,
      profiles,
      freeWords,
      unknownWords,
    };
    const suggestions =
      hits.length === 0 || unknownWords.length > 0
        ? dedupe([...this.suggester.closest(unknownWords, locale), ...this.commonFacets()])
        : [];
    // Hits come best first, and the first sort key is how many kinds of facet a kit matches.
    const wanted = [req.audience, req.theme, req.format, req.profile].filter((m) => m !== 0).length;
    const partial = wanted >= 2 && hits.length > 0 && Math.floor(hits[0]!.score / 1_000_000) < wanted;
    return { total: hits.length, hits, understood, suggestions, partial, otherLanguagesOnly };
  }

  /** The two most common audiences and themes of the catalogue: always worth a try. */
  private commonFacets(): string[] {
    const top = (counts: Record<string, number>) =>
      Object.entries(counts)
        .filter(([, c]) => c > 0)
        .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
        .slice(0, 2)
        .map(([k]) => k);
    return [...top(this.counts.audiences), ...top(this.counts.themes)];
  }
}

function dedupe<T>(list: readonly T[]): T[] {
  return [...new Set(list)];
}

function emptyUnderstood(): Understood {
  return { audiences: [], themes: [], formats: [], languages: [], profiles: [], freeWords: [], unknownWords: [] };
}
