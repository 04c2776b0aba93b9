/**
 * Every campaign prompt, in every language, read as text: for each campaign of two years,
 * with and without an hour and a place, nothing may dangle (a preposition or article left
 * before a comma or a period, as "c’est le 6 octobre 2027 à, dans six semaines" once did),
 * no placeholder may stay unfilled or be filled with nothing, and no space may double.
 */
import { describe, expect, it } from "vitest";
import "../../../src/features/index.js";
import { campaignsOf, CAMPAIGN_IDS, type Campaign } from "../../../src/features/events/campaign.js";
import { campaignPrompt } from "../../../src/features/events/campaign-prompt.js";
import { LOCALES, type Locale, type Reply } from "../../../src/core/types.js";

const zone = "Europe/Brussels";

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
  if (/\s[,.;](?!\w)/.test(text.replace(/ :/g, ":"))) found.push("space before a comma or period");
  if (/[,;:]\s*[,.;]/.test(text)) found.push("empty clause between punctuation");
  if (/(undefined|null|NaN|Invalid DateTime)/.test(text)) found.push("a value that is no word");
  for (const word of DANGLING[locale]) {
    const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const re = new RegExp(`(^|[\\s(])${escaped}\\s*[,.;:!?)]`, "iu");
    if (re.test(text)) found.push(`"${word}" before punctuation`);
  }
  return found;
}

const textOf = (r: Reply) => r.blocks.map((b) => ("text" in b && typeof b.text === "string" ? b.text : "")).join("\n");

const kits = { search: () => ({ hits: [{ kit: { id: "kit-stand", title: { fr: "Stand", de: "Stand", nl: "Stand", en: "Stand" } } }] }) } as never;

const VARIANTS: Array<[string, Partial<Campaign>]> = [
  ["day only", {}],
  ["with an hour", { time: "10:30" }],
  ["with a place", { place: "Namur, place d’Armes" }],
  ["with an hour and a place", { time: "08:00", place: "Eupen" }],
  ["with blank hour and place", { time: " ", place: "" }],
];

const CASES = [2027, 2028].flatMap((year) => campaignsOf(year, zone)).flatMap((c) => LOCALES.flatMap((locale) => VARIANTS.map(([variant, extra]) => ({ c: { ...c, ...extra }, locale, variant }))));

describe("campaign prompts read as whole sentences", () => {
  it("covers every campaign", () => {
    expect(new Set(CASES.map((x) => x.c.id))).toEqual(new Set(CAMPAIGN_IDS));
  });

  it.each(CASES.map((x) => [x.c.key, x.locale, x.variant, x] as const))("%s in %s, %s", (_key, locale, _variant, { c }) => {
    const reply = campaignPrompt({ kits }, c, "Namur", zone)(locale);
    const text = textOf(reply);
    expect(danglingIn(text, locale)).toEqual([]);
    // The day is named in words, with its year; the hour and the place when given, and only then.
    expect(text).toContain(String(c.year));
    if (c.time?.trim()) expect(text).toContain(c.time);
    if (c.place) expect(text).toContain(c.place);
    const prompt = reply.blocks[1]!;
    expect(prompt.type === "section" && /^[^\s].*[.!?]$/s.test(prompt.text)).toBe(true);
  });

  it("catches what it is for", () => {
    expect(danglingIn("Semaine du Commerce Équitable : c’est le 6 octobre 2027 à, dans six semaines.", "fr")).toContain('"à" before punctuation');
    expect(danglingIn("Woche: am 6. Oktober 2027 um , in sechs Wochen.", "de").length).toBeGreaterThan(0);
    expect(danglingIn("Week: op {date}, over zes weken.", "nl")).toContain("unfilled placeholder");
    expect(danglingIn("Week:  on 6 October 2027 ().", "en")).toEqual(expect.arrayContaining(["double space", "empty brackets or quotes"]));
    expect(danglingIn("Fair Trade Week: on 6 October 2027 at 10:30 (Namur), six weeks from now.", "en")).toEqual([]);
  });
});
