/**
 * A small inverted index for kit texts, built for this catalogue's needs: a few fields with
 * boosts, BM25 weights computed once at build time, prefix and typo expansion of query terms.
 *
 * Why not MiniSearch: over 10,000 kits it scored every posting of every expanded term at
 * query time (p99 ~65 ms here). Here a posting carries its final weight (idf x field boosts
 * x saturated term frequency) so a query is a few array scans, and typo candidates come
 * from a dictionary bucketed by length, cached per term.
 */
import { alphabetOf, editDistance, STOP_WORDS, stem, strangers, words } from "./normalize.js";

export interface TextField {
  name: string;
  boost: number;
}

export interface TextDoc {
  /** Field name -> text. */
  [field: string]: string;
}

export interface TextQueryTerm {
  /** A stemmed term, as produced by `normalize.terms`. */
  term: string;
  /** Multiplies this term's contribution. */
  weight: number;
  /** When set, the documents this term matches are flagged in the `marks` buffer given to `search`. */
  mark?: boolean;
}

/** How a dictionary term answers a query term: exactly, as a longer word, or as a typo. */
interface Expansion {
  termId: number;
  factor: number;
}

export interface TextResult {
  /** Score per document index; only the entries listed in `touched` are non-zero. */
  scores: Float64Array;
  /** Documents with a score (a view on a reused buffer: valid until the next search). */
  touched: Int32Array;
  /** For each query term (same order), whether it matched any document. */
  matched: boolean[];
}

const K1 = 1.2;
const B = 0.75;
/** Weight of a prefix match (`jeun` -> `jeuness`) and of typo matches at distance 1 and 2. */
const PREFIX_FACTOR = 0.4;
const FUZZY_FACTOR = [1, 0.45, 0.3] as const;
/** Most dictionary terms one query term may expand to by prefix. */
const MAX_PREFIX_EXPANSIONS = 40;
const CACHE_LIMIT = 20_000;

/** Edits allowed for a typo match, by term length (short terms must match exactly). */
export function fuzzyBudget(term: string): number {
  return term.length >= 8 ? 2 : term.length >= 5 ? 1 : 0;
}

export class TextIndex {
  private readonly dictionary = new Map<string, number>();
  private readonly termList: string[] = [];
  /** Dictionary terms sorted, for prefix ranges. */
  private readonly sorted: string[];
  private readonly sortedIds: Int32Array;
  /** Alphabetic terms by length, for typo candidates. */
  private readonly byLength = new Map<number, number[]>();
  private readonly alphabet: Set<number>;
  private readonly postingDocs: Int32Array[] = [];
  private readonly postingWeights: Float32Array[] = [];
  private readonly cache = new Map<string, Expansion[]>();
  // Buffers reused by every search (searches are synchronous): no garbage per query.
  private readonly best: Float64Array;
  private readonly scores: Float64Array;
  private readonly touchedBuf: Int32Array;
  private readonly localBuf: Int32Array;

  constructor(docs: readonly TextDoc[], fields: readonly TextField[]) {
    const n = docs.length;
    if (fields.length > 3) throw new Error("TextIndex packs term frequencies of at most 3 fields");
    // Pass 1: per term, the documents and their term frequency per field, packed 8 bits a
    // field in one number (saturated at 255, far beyond where BM25 stops caring).
    const lengths = fields.map(() => new Float64Array(n));
    const postingDocsTmp: number[][] = [];
    const postingTfTmp: number[][] = [];
    const stems = new Map<string, string>();
    const local = new Map<number, number>();
    docs.forEach((doc, d) => {
      local.clear();
      fields.forEach((field, f) => {
        const shift = 8 * f;
        let length = 0;
        for (const w of words(doc[field.name] ?? "")) {
          if (STOP_WORDS.has(w)) continue;
          let t = stems.get(w);
          if (t === undefined) {
            t = stem(w);
            stems.set(w, t);
          }
          let id = this.dictionary.get(t);
          if (id === undefined) {
            id = this.termList.length;
            this.dictionary.set(t, id);
            this.termList.push(t);
            postingDocsTmp.push([]);
            postingTfTmp.push([]);
          }
          const packed = local.get(id) ?? 0;
          if (((packed >>> shift) & 0xff) < 0xff) local.set(id, packed + (1 << shift));
          length++;
        }
        lengths[f]![d] = length;
      });
      for (const [id, packed] of local) {
        postingDocsTmp[id]!.push(d);
        postingTfTmp[id]!.push(packed);
      }
    });
    // Pass 2: final BM25 weight per posting.
    const avg = lengths.map((l) => (n ? l.reduce((a, b) => a + b, 0) / n : 0) || 1);
    postingDocsTmp.forEach((docsOfTerm, id) => {
      const tfs = postingTfTmp[id]!;
      const df = docsOfTerm.length;
      const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
      const weights = new Float32Array(df);
      for (let k = 0; k < df; k++) {
        let w = 0;
        for (let f = 0; f < fields.length; f++) {
          const tf = (tfs[k]! >>> (8 * f)) & 0xff;
          if (tf) w += fields[f]!.boost * ((tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * lengths[f]![docsOfTerm[k]!]!) / avg[f]!)));
        }
        weights[k] = idf * w;
      }
      this.postingDocs[id] = Int32Array.from(docsOfTerm);
      this.postingWeights[id] = weights;
      const term = this.termList[id]!;
      if (!/\d/.test(term)) {
        const bucket = this.byLength.get(term.length) ?? [];
        bucket.push(id);
        this.byLength.set(term.length, bucket);
      }
    });
    const order = [...this.termList.keys()].sort((a, b) => (this.termList[a]! < this.termList[b]! ? -1 : 1));
    this.sorted = order.map((id) => this.termList[id]!);
    this.sortedIds = Int32Array.from(order);
    this.alphabet = alphabetOf([...this.byLength.values()].flat().map((id) => this.termList[id]!));
    this.best = new Float64Array(n);
    this.scores = new Float64Array(n);
    this.touchedBuf = new Int32Array(n);
    this.localBuf = new Int32Array(n);
  }

  /** True when `term` (stemmed) occurs as such in some document. */
  has(term: string): boolean {
    return this.dictionary.has(term);
  }

  /** Number of distinct terms. */
  get size(): number {
    return this.termList.length;
  }

  /**
   * Scores documents for the query terms (OR). A document's score for one query term is its
   * best expansion (exact, else prefix, else typo), never the sum of several.
   * The returned `scores` buffer is reused: call `release(result)` when done with it (and
   * reset your `marks`, whose entries are all among `touched`).
   */
  search(query: readonly TextQueryTerm[], marks?: Uint8Array): TextResult {
    const { scores, best, touchedBuf, localBuf } = this;
    let touchedCount = 0;
    const matched: boolean[] = [];
    for (const q of query) {
      let localCount = 0;
      for (const { termId, factor } of this.expand(q.term)) {
        const docs = this.postingDocs[termId]!;
        const weights = this.postingWeights[termId]!;
        for (let k = 0; k < docs.length; k++) {
          const d = docs[k]!;
          const v = factor * weights[k]!;
          if (best[d] === 0) localBuf[localCount++] = d;
          if (v > best[d]!) best[d] = v;
        }
      }
      matched.push(localCount > 0);
      const flag = q.mark === true && marks !== undefined;
      const weight = q.weight > 0 ? q.weight : 0;
      for (let k = 0; k < localCount; k++) {
        const d = localBuf[k]!;
        if (flag) marks[d] = 1;
        if (scores[d] === 0) touchedBuf[touchedCount++] = d;
        // A tiny floor keeps a matched document "touched" even with weight 0.
        scores[d]! += weight * best[d]! || Number.MIN_VALUE;
        best[d] = 0;
      }
    }
    return { scores, touched: touchedBuf.subarray(0, touchedCount), matched };
  }

  /** Zeroes the buffer entries a result used. */
  release(result: TextResult): void {
    for (const d of result.touched) result.scores[d] = 0;
  }

  /** Dictionary terms a query term stands for, with their match factor (cached). */
  private expand(term: string): Expansion[] {
    const cached = this.cache.get(term);
    if (cached) return cached;
    const out: Expansion[] = [];
    const exact = this.dictionary.get(term);
    if (exact !== undefined) out.push({ termId: exact, factor: 1 });
    if (term.length >= 3) {
      let i = lowerBound(this.sorted, term);
      let taken = 0;
      for (; i < this.sorted.length && taken < MAX_PREFIX_EXPANSIONS && this.sorted[i]!.startsWith(term); i++) {
        const id = this.sortedIds[i]!;
        if (id === exact) continue;
        out.push({ termId: id, factor: PREFIX_FACTOR * (term.length / this.termList[id]!.length) ** 0.5 });
        taken++;
      }
    }
    // Typos only when the word itself is unknown: a known word is taken as meant.
    let max = exact === undefined && !/\d/.test(term) ? fuzzyBudget(term) : 0;
    if (max > 0 && strangers(term, this.alphabet) > max) max = 0;
    if (max > 0) {
      for (let len = term.length - max; len <= term.length + max; len++) {
        for (const id of this.byLength.get(len) ?? []) {
          const d = editDistance(term, this.termList[id]!, max);
          if (d <= max && d > 0) out.push({ termId: id, factor: FUZZY_FACTOR[d] ?? 0 });
        }
      }
    }
    if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
    this.cache.set(term, out);
    return out;
  }
}

function lowerBound(sorted: readonly string[], key: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
