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
 *   4. full-text score (MiniSearch BM25 over titles and summaries in every language and
 *      keywords; prefix and typo matching; field boosts);
 *   5. title in the user's locale (a stable order, also the order of an empty query).
 * The five parts are packed into one float per hit so that sorting 10,000 hits is a typed-array
 * sort rather than 10,000 comparator calls.
 *
 * Explicit `audience`, `theme`, `format` in a `KitQuery` are hard filters. Facets found in the
 * words, and explicit `language` / `profile`, only rank (a kit must still match one facet
 * word or one text word to be listed). `search` never throws.
 */
import MiniSearch from "minisearch";
import { AUDIENCES, KIT_FORMATS, THEMES, type Audience, type CommuneProfile, type Kit, type KitFormat, type Theme } from "../ports.js";
import { LOCALES, type Locale } from "../types.js";
import { STOP_WORDS, fold, stem, words } from "./normalize.js";
import { byLength, readQuery, type ReadQuery } from "./query.js";
import { Suggester } from "./suggest.js";
import { compileVocabulary, type CompiledVocabulary, type VocabTerm } from "./vocabulary.js";

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
  /** Preferred material language: ranks kits available in it first, hides none. */
  language?: Locale;
  /** The user's commune profile: ranks kits made for it first, then kits for every profile. */
  profile?: CommuneProfile;
}

export interface KitHit {
  kit: Kit;
  /** Higher is better; consistent with the order of `hits` (thousands = facet kinds matched). */
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
}

export interface KitIndexOptions {
  /** Told about an internal error that `search` turned into an empty result (for logs, tests). */
  onError?: (error: unknown) => void;
}

interface Doc {
  i: number;
  title: string;
  summary: string;
  keywords: string;
}

const PROFILES: readonly CommuneProfile[] = ["urbain", "periurbain", "rural"];
const SEARCH_BOOST = { title: 3, keywords: 2, summary: 1 };
const TEXT_LEVELS = 65536;

const bitOf = <T>(list: readonly T[], v: T | undefined): number => {
  const i = v === undefined ? -1 : list.indexOf(v);
  return i < 0 ? 0 : 1 << i;
};
const maskOf = <T>(list: readonly T[], values: readonly T[] | undefined): number => {
  let m = 0;
  for (const v of values ?? []) m |= bitOf(list, v);
  return m;
};
const popcount = (x: number): number => {
  let c = 0;
  for (let v = x; v; v &= v - 1) c++;
  return c;
};

export class KitIndex {
  private readonly vocab: CompiledVocabulary = compileVocabulary();
  private readonly lengths: Map<number, VocabTerm[]> = byLength(this.vocab);
  private kits: Kit[] = [];
  private mini!: MiniSearch<Doc>;
  private terms = new Set<string>();
  private audience = new Uint16Array(0);
  private theme = new Uint16Array(0);
  private format = new Uint16Array(0);
  /**
   * Facets a kit's keywords name without the kit being tagged with them (a stand kit whose
   * keywords say `affiche`, a labels sheet that says `logo`): they match, but rank below tags.
   */
  private softAudience = new Uint16Array(0);
  private softTheme = new Uint16Array(0);
  private softFormat = new Uint16Array(0);
  /** 0 = suits every profile. */
  private profile = new Uint8Array(0);
  private language = new Uint8Array(0);
  private order = {} as Record<Locale, Int32Array>;
  private rank = {} as Record<Locale, Int32Array>;
  private scratch = new Float64Array(0);
  private scratchFree = new Uint8Array(0);
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
      return { total: 0, hits: [], understood: emptyUnderstood(), suggestions: this.commonFacets() };
    }
  }

  // ------------------------------------------------------------------ build

  private build(input: Kit[]): void {
    // Last occurrence of an id wins: a repository should not hold duplicates, but never crash.
    const byId = new Map<string, Kit>();
    for (const k of Array.isArray(input) ? input : []) if (k && typeof k.id === "string") byId.set(k.id, k);
    const kits = [...byId.values()];
    const n = kits.length;
    this.kits = kits;
    this.audience = new Uint16Array(n);
    this.theme = new Uint16Array(n);
    this.format = new Uint16Array(n);
    this.softAudience = new Uint16Array(n);
    this.softTheme = new Uint16Array(n);
    this.softFormat = new Uint16Array(n);
    this.profile = new Uint8Array(n);
    this.language = new Uint8Array(n);
    this.scratch = new Float64Array(n);
    this.scratchFree = new Uint8Array(n);
    const counts = {
      audiences: Object.fromEntries(AUDIENCES.map((a) => [a, 0])) as Record<Audience, number>,
      themes: Object.fromEntries(THEMES.map((t) => [t, 0])) as Record<Theme, number>,
      formats: Object.fromEntries(KIT_FORMATS.map((f) => [f, 0])) as Record<KitFormat, number>,
    };
    const keywords = new Set<string>();
    kits.forEach((k, i) => {
      this.audience[i] = maskOf(AUDIENCES, k.audiences);
      this.theme[i] = maskOf(THEMES, k.themes);
      this.format[i] = bitOf(KIT_FORMATS, k.format);
      this.profile[i] = maskOf(PROFILES, k.profiles);
      this.language[i] = maskOf(LOCALES, k.languages);
      for (const word of k.keywords ?? []) {
        keywords.add(word);
        for (const t of this.vocab.byKey.get(words(word).filter((w) => !STOP_WORDS.has(w)).map(stem).join(" "))?.targets ?? []) {
          if (t.kind === "audience") this.softAudience[i]! |= bitOf(AUDIENCES, t.value);
          else if (t.kind === "theme") this.softTheme[i]! |= bitOf(THEMES, t.value);
          else if (t.kind === "format") this.softFormat[i]! |= bitOf(KIT_FORMATS, t.value);
        }
      }
      for (const a of new Set(k.audiences ?? [])) if (a in counts.audiences) counts.audiences[a]++;
      for (const t of new Set(k.themes ?? [])) if (t in counts.themes) counts.themes[t]++;
      if (k.format in counts.formats) counts.formats[k.format]++;
    });
    this.counts = counts;
    for (const locale of LOCALES) {
      const titles = kits.map((k) => fold(k.title?.[locale] ?? k.title?.fr ?? k.id));
      const order = Int32Array.from(kits.keys()).sort((x, y) => {
        const a = titles[x]!, b = titles[y]!;
        if (a !== b) return a < b ? -1 : 1;
        const ia = kits[x]!.id, ib = kits[y]!.id;
        return ia < ib ? -1 : ia > ib ? 1 : 0;
      });
      const rank = new Int32Array(n);
      order.forEach((kitIndex, r) => { rank[kitIndex] = r; });
      this.order[locale] = order;
      this.rank[locale] = rank;
    }
    const terms = new Set<string>();
    this.mini = new MiniSearch<Doc>({
      idField: "i",
      fields: ["title", "summary", "keywords"],
      storeFields: [],
      tokenize: words,
      processTerm: (w) => {
        if (STOP_WORDS.has(w)) return null;
        const s = stem(w);
        terms.add(s);
        return s;
      },
    });
    this.mini.addAll(
      kits.map((k, i) => ({
        i,
        title: Object.values(k.title ?? {}).join("\n"),
        summary: Object.values(k.summary ?? {}).join("\n"),
        keywords: [...(k.keywords ?? []), k.id].join("\n"),
      })),
    );
    this.terms = terms;
    this.suggester = new Suggester(this.vocab, keywords);
  }

  // ----------------------------------------------------------------- search

  private run(input: KitQuery): KitSearchResult {
    // Typed callers send a KitQuery; untyped ones (JSON, tests) may send anything.
    const q: Partial<KitQuery> = input && typeof input === "object" ? input : {};
    const locale: Locale = q.locale && LOCALES.includes(q.locale) ? q.locale : "fr";
    const text = typeof q.words === "string" ? q.words : "";
    const rq = readQuery(text, locale, this.vocab, this.lengths, (s) => this.terms.has(s));

    const hardAudience = bitOf(AUDIENCES, q.audience);
    const hardTheme = bitOf(THEMES, q.theme);
    const hardFormat = bitOf(KIT_FORMATS, q.format);
    const languages = dedupe([...(LOCALES.includes(q.language as Locale) ? [q.language as Locale] : []), ...rq.languages]);
    const profiles = dedupe([...(PROFILES.includes(q.profile as CommuneProfile) ? [q.profile as CommuneProfile] : []), ...rq.profiles]);
    const audQ = maskOf(AUDIENCES, rq.audiences);
    const themeQ = maskOf(THEMES, rq.themes);
    const formatQ = maskOf(KIT_FORMATS, rq.formats);
    const profileQ = maskOf(PROFILES, profiles);
    const wordProfileQ = maskOf(PROFILES, rq.profiles);
    const langQ = maskOf(LOCALES, languages);

    const { textScore, freeMatch, touched, maxText, matchedTerms } = this.textSearch(rq);
    // A kit is listed when it matches a facet word or a free word. Without either (empty
    // query, only a language or a profile), every kit that passes the filters is listed.
    const primary = audQ !== 0 || themeQ !== 0 || formatQ !== 0 || rq.text.some((t) => t.free);

    const n = this.kits.length;
    const rank = this.rank[locale];
    const keys: number[] = [];
    for (let i = 0; i < n; i++) {
      if (hardAudience && !(this.audience[i]! & hardAudience)) continue;
      if (hardTheme && !(this.theme[i]! & hardTheme)) continue;
      if (hardFormat && !(this.format[i]! & hardFormat)) continue;
      let kinds = 0;
      let values = 0;
      if (audQ) {
        const m = this.audience[i]! & audQ;
        if (m) { kinds++; values += popcount(m); }
        else if (this.softAudience[i]! & audQ) kinds++;
      }
      if (themeQ) {
        const m = this.theme[i]! & themeQ;
        if (m) { kinds++; values += popcount(m); }
        else if (this.softTheme[i]! & themeQ) kinds++;
      }
      if (formatQ) {
        if (this.format[i]! & formatQ) { kinds++; values++; }
        else if (this.softFormat[i]! & formatQ) kinds++;
      }
      const t = textScore[i]!;
      if (primary) {
        if (kinds === 0 && !freeMatch[i]) continue;
      } else if (wordProfileQ && this.profile[i] !== 0 && !(this.profile[i]! & wordProfileQ)) continue;
      if (profileQ) {
        if (this.profile[i] === 0) kinds++;
        else if (this.profile[i]! & profileQ) { kinds++; values++; }
      }
      const lang = this.language[i]! & langQ ? 1 : 0;
      const tq = maxText > 0 && t > 0 ? Math.round((t / maxText) * (TEXT_LEVELS - 1)) : 0;
      keys.push((((kinds * 16 + Math.min(values, 15)) * 2 + lang) * TEXT_LEVELS + tq) * n + (n - 1 - rank[i]!));
    }
    for (const i of touched) { textScore[i] = 0; freeMatch[i] = 0; }

    const sorted = Float64Array.from(keys).sort();
    const order = this.order[locale];
    const hits: KitHit[] = new Array<KitHit>(sorted.length);
    for (let h = 0; h < sorted.length; h++) {
      const key = sorted[sorted.length - 1 - h]!;
      const kit = this.kits[order[n - 1 - (key % n)]!]!;
      let rest = Math.floor(key / n);
      const tq = rest % TEXT_LEVELS;
      rest = Math.floor(rest / TEXT_LEVELS);
      const lang = rest % 2;
      rest = Math.floor(rest / 2);
      const values = rest % 16;
      const kinds = Math.floor(rest / 16);
      const score = kinds * 1000 + Math.min(values, 9) * 100 + lang * 10 + (tq / (TEXT_LEVELS - 1)) * 9.99;
      hits[h] = { kit, score: Math.round(score * 1000) / 1000 };
    }

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
    return { total: hits.length, hits, understood, suggestions };
  }

  /**
   * Full-text score per kit index, and whether a free word (not only a facet word) matched.
   * Both live in reused buffers: the caller resets the `touched` entries.
   */
  private textSearch(rq: ReadQuery): {
    textScore: Float64Array;
    freeMatch: Uint8Array;
    touched: number[];
    maxText: number;
    matchedTerms: Set<string>;
  } {
    const textScore = this.scratch;
    const freeMatch = this.scratchFree;
    const touched: number[] = [];
    const matchedTerms = new Set<string>();
    let maxText = 0;
    if (rq.text.length === 0 || this.kits.length === 0) return { textScore, freeMatch, touched, maxText, matchedTerms };
    const weight = new Map(rq.text.map((t) => [t.term, t.weight]));
    const free = new Set(rq.text.filter((t) => t.free).map((t) => t.term));
    const results = this.mini.search(rq.text.map((t) => t.term).join(" "), {
      tokenize: (s) => s.split(" "),
      processTerm: (s) => s,
      combineWith: "OR",
      boost: SEARCH_BOOST,
      boostTerm: (term) => weight.get(term) ?? 1,
      prefix: (term) => term.length >= 3,
      fuzzy: (term) => (term.length >= 8 ? 2 : term.length >= 5 ? 1 : false),
      maxFuzzy: 2,
    });
    for (const r of results) {
      const i = r.id as number;
      textScore[i] = r.score;
      touched.push(i);
      if (r.score > maxText) maxText = r.score;
      for (const t of r.queryTerms) {
        matchedTerms.add(t);
        if (free.has(t)) freeMatch[i] = 1;
      }
    }
    return { textScore, freeMatch, touched, maxText, matchedTerms };
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
