/**
 * Property-style test: thousands of seeded random queries (unicode, emoji, controls, lone
 * surrogates, SQL-looking text, 2,000-character noise, vocabulary fragments, random filters)
 * never throw and always give a well-formed result.
 */
import { describe, expect, it } from "vitest";
import { AUDIENCES, KIT_FORMATS, THEMES } from "../../../src/core/ports.js";
import { LOCALES } from "../../../src/core/types.js";
import { KitIndex, type KitQuery, type KitSearchResult } from "../../../src/features/kits/search.js";
import { ENTRIES } from "../../../src/features/kits/vocabulary.js";
import { prng, realKits } from "./helpers.js";

const kits = realKits();
const ids = new Set(kits.map((k) => k.id));
const errors: unknown[] = [];
const index = new KitIndex(kits, { onError: (e) => errors.push(e) });
const rand = prng(20250601);
const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;

const VOCABULARY = ENTRIES.flatMap((e) => Object.values(e.words).flat());
const SNIPPETS = [
  "'; DROP TABLE kits; --", "\" OR 1=1 --", "<script>alert(1)</script>", "${process.exit()}", "%00%ff", "\\u0000", "../../etc/passwd",
  "NaN", "undefined", "null", "__proto__", "constructor", "toString", "hasOwnProperty", "·", "...", "-e-s", "(e)s", "de de de", "en en",
  "DE", "EN", "NL", "FR", "langue:de", "lang=xx", "page:2", "🇧🇪", "👩‍👩‍👧‍👦", "\u202Eevil", "\uFEFF", "\uD800", "\uDFFF", "ﬁche", "①②③",
];
const RANGES: [number, number][] = [
  [0x00, 0x1f], [0x20, 0x7e], [0xa0, 0x24f], [0x300, 0x36f], [0x370, 0x3ff], [0x400, 0x4ff], [0x590, 0x6ff], [0x2000, 0x206f],
  [0x3040, 0x30ff], [0x4e00, 0x4fff], [0xd800, 0xdfff], [0xfe00, 0xfe0f], [0x1f300, 0x1faff],
];

function randomChars(length: number): string {
  let s = "";
  for (let i = 0; i < length; i++) {
    const [lo, hi] = pick(RANGES);
    s += String.fromCodePoint(lo + Math.floor(rand() * (hi - lo + 1)));
  }
  return s;
}

function randomWords(): string {
  const r = rand();
  if (r < 0.1) return "";
  if (r < 0.2) return randomChars(2000);
  if (r < 0.35) return randomChars(1 + Math.floor(rand() * 40));
  const parts: string[] = [];
  const n = 1 + Math.floor(rand() * 6);
  for (let i = 0; i < n; i++) {
    const k = rand();
    if (k < 0.45) parts.push(pick(VOCABULARY));
    else if (k < 0.7) parts.push(pick(SNIPPETS));
    else if (k < 0.85) parts.push(pick(kits).keywords[0] ?? "");
    else parts.push(randomChars(1 + Math.floor(rand() * 8)));
  }
  const s = parts.join(pick([" ", "  ", "\t", "\n", ",", "·", ""]));
  return rand() < 0.2 ? s.toUpperCase() : s;
}

function randomQuery(): KitQuery {
  const q: Record<string, unknown> = { words: randomWords(), locale: rand() < 0.95 ? pick(LOCALES) : pick(["xx", "", "FR", undefined]) };
  if (rand() < 0.15) q.audience = rand() < 0.8 ? pick(AUDIENCES) : "pirates";
  if (rand() < 0.15) q.theme = rand() < 0.8 ? pick(THEMES) : 42;
  if (rand() < 0.1) q.format = rand() < 0.8 ? pick(KIT_FORMATS) : null;
  if (rand() < 0.15) q.language = rand() < 0.8 ? pick(LOCALES) : "es";
  if (rand() < 0.15) q.profile = rand() < 0.8 ? pick(["urbain", "periurbain", "rural"]) : "lune";
  return q as unknown as KitQuery;
}

function checkWellFormed(q: KitQuery, r: KitSearchResult): void {
  expect(r.total).toBe(r.hits.length);
  const seen = new Set<string>();
  let previous = Infinity;
  for (const h of r.hits) {
    expect(ids.has(h.kit.id)).toBe(true);
    expect(seen.has(h.kit.id)).toBe(false);
    seen.add(h.kit.id);
    expect(Number.isFinite(h.score)).toBe(true);
    expect(h.score).toBeLessThanOrEqual(previous);
    previous = h.score;
    if (AUDIENCES.includes(q.audience as never)) expect(h.kit.audiences).toContain(q.audience);
    if (THEMES.includes(q.theme as never)) expect(h.kit.themes).toContain(q.theme);
    if (KIT_FORMATS.includes(q.format as never)) expect(h.kit.format).toBe(q.format);
  }
  const u = r.understood;
  for (const a of u.audiences) expect(AUDIENCES).toContain(a);
  for (const t of u.themes) expect(THEMES).toContain(t);
  for (const f of u.formats) expect(KIT_FORMATS).toContain(f);
  for (const l of u.languages) expect(LOCALES).toContain(l);
  for (const p of u.profiles) expect(["urbain", "periurbain", "rural"]).toContain(p);
  for (const w of [...u.freeWords, ...u.unknownWords, ...r.suggestions]) expect(typeof w).toBe("string");
  for (const w of u.unknownWords) expect(u.freeWords).toContain(w);
  expect(u.freeWords.length).toBeLessThanOrEqual(12);
  if (r.total === 0) expect(r.suggestions.length).toBeGreaterThan(0);
}

describe("kit search on random input", () => {
  it("never throws and always returns a well-formed result (3,000 seeded queries)", () => {
    for (let i = 0; i < 3000; i++) {
      const q = randomQuery();
      let r: KitSearchResult | undefined;
      expect(() => (r = index.search(q)), JSON.stringify(q).slice(0, 200)).not.toThrow();
      checkWellFormed(q, r!);
    }
    expect(errors).toEqual([]);
  }, 120_000); // a shared CI machine can be slow; a normal run takes a few seconds

  it("survives inputs that are not even a KitQuery", () => {
    for (const bad of [undefined, null, 42, "jeunes", [], {}, { words: 12 }, { words: ["jeunes"] }, { words: "jeunes", locale: {} }]) {
      const r = index.search(bad as unknown as KitQuery);
      expect(r.total).toBe(r.hits.length);
    }
    expect(errors).toEqual([]);
  });
});
