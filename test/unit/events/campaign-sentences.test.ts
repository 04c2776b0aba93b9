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
import { LOCALES, type Reply } from "../../../src/core/types.js";
import { danglingIn } from "../../helpers/sentences.js";

const zone = "Europe/Brussels";

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
