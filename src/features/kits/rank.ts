/**
 * The kits as typed-array columns of bit masks, and the ranking pass over them.
 *
 * Ranking is lexicographic on (facet kinds matched, facet values matched, language match,
 * text score, title order). The pass walks the kits in title order of the user's locale, so
 * kits without a text score come out already sorted inside their group; only text-scored kits
 * are packed into one float each (group, quantised score, title rank) and sorted as a typed
 * array. Everything lives in buffers reused between queries: the only allocations of a
 * query are its hits. The hot loop takes numbers and typed arrays only, so V8 keeps it
 * optimised whatever shape the caller's query object has.
 */
import { AUDIENCES, KIT_FORMATS, THEMES, type CommuneProfile, type Kit } from "../../core/ports.js";
import { LOCALES, type Locale } from "../../core/types.js";
import { fold } from "../../core/fold.js";

export const PROFILES: readonly CommuneProfile[] = ["urbain", "periurbain", "rural"];

/** Text scores are quantised to this many levels (16 bits) inside the packed sort key. */
export const TEXT_LEVELS = 65536;
/** Ranking groups: (facet kinds 0..4 x 16 + facet values 0..15) x 2 + language match. */
export const GROUPS = (4 * 16 + 15) * 2 + 2;

export const bitOf = <T>(list: readonly T[], v: T | undefined): number => {
  const i = v === undefined ? -1 : list.indexOf(v);
  return i < 0 ? 0 : 1 << i;
};

export const maskOf = <T>(list: readonly T[], values: readonly T[] | undefined): number => {
  let m = 0;
  for (const v of Array.isArray(values) ? values : []) m |= bitOf(list, v);
  return m;
};

function popcount(x: number): number {
  let c = 0;
  for (let v = x; v; v &= v - 1) c++;
  return c;
}

/**
 * The score shown in a hit, consistent with the ranking and always an integer (no boxed
 * double per hit): millions = facet kinds matched, hundred-thousands = facet values (capped
 * at 9), ten-thousands = language match, the rest = text score scaled to 0..9999.
 */
export function scoreOf(group: number, tq: number): number {
  const lang = group % 2;
  const values = Math.floor(group / 2) % 16;
  const kinds = Math.floor(group / 32);
  return kinds * 1_000_000 + Math.min(values, 9) * 100_000 + lang * 10_000 + Math.round((tq / (TEXT_LEVELS - 1)) * 9_999);
}

/** What one query asks of the facet columns (bit masks; 0 = not asked). */
export interface RankRequest {
  hardAudience: number;
  hardTheme: number;
  hardFormat: number;
  audience: number;
  theme: number;
  format: number;
  /** Profiles that rank (words and the caller's commune). */
  profile: number;
  /** Profiles typed in the words: they also restrict a query with no other criterion. */
  wordProfile: number;
  language: number;
  /** True when the query has facet words or free words: a kit must match one of them. */
  needsMatch: boolean;
}

export class FacetTable {
  readonly audience: Uint16Array;
  readonly theme: Uint16Array;
  readonly format: Uint16Array;
  /**
   * Facets a kit's keywords name without the kit being tagged with them (a stand kit whose
   * keywords say `affiche`, a labels sheet that says `logo`): they match, but rank below tags.
   */
  readonly softAudience: Uint16Array;
  readonly softTheme: Uint16Array;
  readonly softFormat: Uint16Array;
  /** 0 = suits every profile. */
  readonly profile: Uint8Array;
  readonly language: Uint8Array;
  /** Kit indices sorted by folded title, per locale (then by id). */
  readonly order: Record<Locale, Int32Array>;
  private readonly tq: Int32Array;
  private readonly keys: Float64Array;
  private readonly next: Int32Array;
  private readonly head = new Int32Array(GROUPS);
  private readonly tail = new Int32Array(GROUPS);

  /** `soft(i)` gives the facets named by kit i's keywords. */
  constructor(
    private readonly kits: readonly Kit[],
    soft: (kit: Kit) => { audience: number; theme: number; format: number },
  ) {
    const n = kits.length;
    this.audience = new Uint16Array(n);
    this.theme = new Uint16Array(n);
    this.format = new Uint16Array(n);
    this.softAudience = new Uint16Array(n);
    this.softTheme = new Uint16Array(n);
    this.softFormat = new Uint16Array(n);
    this.profile = new Uint8Array(n);
    this.language = new Uint8Array(n);
    this.tq = new Int32Array(n);
    this.keys = new Float64Array(n);
    this.next = new Int32Array(n);
    kits.forEach((k, i) => {
      this.audience[i] = maskOf(AUDIENCES, k.audiences);
      this.theme[i] = maskOf(THEMES, k.themes);
      this.format[i] = bitOf(KIT_FORMATS, k.format);
      this.profile[i] = maskOf(PROFILES, k.profiles);
      this.language[i] = maskOf(LOCALES, k.languages);
      const s = soft(k);
      this.softAudience[i] = s.audience;
      this.softTheme[i] = s.theme;
      this.softFormat[i] = s.format;
    });
    const order = {} as Record<Locale, Int32Array>;
    for (const locale of LOCALES) {
      const titles = kits.map((k) => fold(k.title?.[locale] ?? k.title?.fr ?? k.id));
      order[locale] = Int32Array.from(kits.keys()).sort((x, y) => {
        const a = titles[x]!;
        const b = titles[y]!;
        if (a !== b) return a < b ? -1 : 1;
        const ia = kits[x]!.id;
        const ib = kits[y]!.id;
        return ia < ib ? -1 : ia > ib ? 1 : 0;
      });
    }
    this.order = order;
  }

  /**
   * Every kit the request lists, best first.
   * `textScore`/`touched`: full-text scores (only `touched` entries non-zero);
   * `freeMatch[i]` = 1 when a free word matched kit i.
   */
  rank(req: RankRequest, locale: Locale, textScore: Float64Array, touched: Int32Array, freeMatch: Uint8Array): { kit: Kit; score: number }[] {
    // Quantise the text scores once, for the touched kits only (integers in the loop below).
    let maxText = 0;
    for (let k = 0; k < touched.length; k++) {
      const t = textScore[touched[k]!]!;
      if (t > maxText) maxText = t;
    }
    const tq = this.tq;
    for (let k = 0; k < touched.length; k++) {
      const i = touched[k]!;
      tq[i] = maxText > 0 ? Math.max(1, Math.round((textScore[i]! / maxText) * (TEXT_LEVELS - 1))) : 0;
    }
    const { count, scored } = this.collect(req, this.order[locale], tq, freeMatch);
    for (let k = 0; k < touched.length; k++) tq[touched[k]!] = 0;
    return this.emit(this.order[locale], count, scored);
  }

  /** Puts text-scored candidates in `keys`, the others in per-group lists; returns counts. */
  private collect(req: RankRequest, order: Int32Array, tq: Int32Array, free: Uint8Array): { count: number; scored: number } {
    const n = order.length;
    const { audience, theme, format, softAudience, softTheme, softFormat, profile, language, keys, next, head, tail } = this;
    head.fill(-1);
    let scored = 0;
    let count = 0;
    for (let r = 0; r < n; r++) {
      const i = order[r]!;
      if (req.hardAudience && !(audience[i]! & req.hardAudience)) continue;
      if (req.hardTheme && !(theme[i]! & req.hardTheme)) continue;
      if (req.hardFormat && !(format[i]! & req.hardFormat)) continue;
      let kinds = 0;
      let values = 0;
      if (req.audience) {
        const m = audience[i]! & req.audience;
        if (m) { kinds++; values += popcount(m); }
        else if (softAudience[i]! & req.audience) kinds++;
      }
      if (req.theme) {
        const m = theme[i]! & req.theme;
        if (m) { kinds++; values += popcount(m); }
        else if (softTheme[i]! & req.theme) kinds++;
      }
      if (req.format) {
        if (format[i]! & req.format) { kinds++; values++; }
        else if (softFormat[i]! & req.format) kinds++;
      }
      const p = profile[i]!;
      if (req.needsMatch) {
        if (kinds === 0 && free[i] === 0) continue;
      } else if (req.wordProfile && p !== 0 && !(p & req.wordProfile)) continue;
      if (req.profile) {
        if (p === 0) kinds++;
        else if (p & req.profile) { kinds++; values++; }
      }
      const group = (kinds * 16 + (values > 15 ? 15 : values)) * 2 + (language[i]! & req.language ? 1 : 0);
      count++;
      const t = tq[i]!;
      if (t > 0) {
        keys[scored++] = (group * TEXT_LEVELS + t) * n + (n - 1 - r);
      } else {
        next[i] = -1;
        if (head[group] === -1) head[group] = i;
        else next[tail[group]!] = i;
        tail[group] = i;
      }
    }
    return { count, scored };
  }

  /** Merges the sorted text-scored keys and the per-group lists into hits, best first. */
  private emit(order: Int32Array, count: number, scored: number): { kit: Kit; score: number }[] {
    const n = order.length;
    const sorted = this.keys.subarray(0, scored).sort();
    const hits = new Array<{ kit: Kit; score: number }>(count);
    let h = 0;
    let s = scored - 1;
    for (let group = GROUPS - 1; group >= 0; group--) {
      for (; s >= 0; s--) {
        const key = sorted[s]!;
        const rest = Math.floor(key / n);
        if (Math.floor(rest / TEXT_LEVELS) !== group) break;
        hits[h++] = { kit: this.kits[order[n - 1 - (key % n)]!]!, score: scoreOf(group, rest % TEXT_LEVELS) };
      }
      if (this.head[group] !== -1) {
        const score = scoreOf(group, 0);
        for (let i = this.head[group]!; i !== -1; i = this.next[i]!) hits[h++] = { kit: this.kits[i]!, score };
      }
    }
    return hits;
  }
}
