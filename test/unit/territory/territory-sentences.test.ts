/**
 * The territory's own posts read as whole sentences in every language: the "near you"
 * digest (one item and several, an initiative with or without a place, an event) and a
 * local fête's prompt (with kits and without), checked like the campaign prompts.
 */
import { describe, expect, it } from "vitest";
import "../../../src/features/index.js";
import { nearbyDigest, type NearbyEntry } from "../../../src/features/neighbours/digest.js";
import { feastPrompt } from "../../../src/features/feasts/prompt.js";
import { nextOccurrence } from "../../../src/features/feasts/calendar.js";
import { LOCALES, type Reply } from "../../../src/core/types.js";
import type { Commune } from "../../../src/core/ports.js";
import { danglingIn } from "../../helpers/sentences.js";

const zone = "Europe/Brussels";
const commune = (name: string): Commune => ({ id: name, slug: name.toLowerCase(), name, region: "Wallonie", province: null, languages: ["fr"], timeZone: zone, profile: "rural", populationBand: "lt10k", titledOn: null, fomDueOn: null, latitude: 50.5, longitude: 4.9, status: "titled", mergedIntoId: null, mergedOn: null, leftOn: null });
const textOf = (r: Reply) => r.blocks.map((b) => (b.type === "actions" ? b.buttons.map((x) => x.label).join(" · ") : "text" in b ? b.text : "")).join("\n");

const ENTRIES: NearbyEntry[] = [
  { item: { ref: "i-3f2a9c1b", kind: "initiative", communeId: "Fernelmont", title: "Goûter équitable", day: new Date("2027-03-02T00:00:00Z"), place: null }, from: commune("Fernelmont"), km: 13 },
  { item: { ref: "e-k3x9q", kind: "event", communeId: "Namur", title: "Petit marché", day: new Date("2027-04-10T07:00:00Z"), place: "Place d’Armes" }, from: commune("Namur"), km: 14 },
];

describe("territory posts read as whole sentences", () => {
  it.each(LOCALES.flatMap((l) => [[l, 1], [l, 2]] as const))("the 'near you' digest in %s with %i item(s)", (locale, count) => {
    const n = nearbyDigest(commune("Eghezée"), ENTRIES.slice(0, count), new Date("2027-03-08T08:30:00Z"), { label: "2027-W09" })!;
    const text = textOf(n.render(locale));
    expect(danglingIn(text, locale)).toEqual([]);
    expect(text).toContain("Eghezée");
    expect(text).toContain("13 km");
  });

  const kits = (hits: number) => ({ search: () => ({ hits: Array.from({ length: hits }, (_, i) => ({ kit: { id: `kit-${i}`, title: { fr: "Stand", de: "Stand", nl: "Stand", en: "Stand" } } })) }) }) as never;
  it.each(LOCALES.flatMap((l) => [[l, 0], [l, 2]] as const))("a fête's prompt in %s with %i kit(s)", (locale, hits) => {
    const feast = { id: "3f2a9c1b-0000", communeId: "Namur", name: "Braderie de Jambes", day: "2027-09-12", yearly: true, createdAt: new Date() };
    const at = nextOccurrence(feast, new Date("2027-08-01T07:10:00Z"), zone)!;
    const text = textOf(feastPrompt({ kits: kits(hits) }, feast, commune("Namur"), at)(locale));
    expect(danglingIn(text, locale)).toEqual([]);
    expect(text).toContain("2027");
  });
});
