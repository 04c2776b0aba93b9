import { beforeAll, describe, expect, it } from "vitest";
import type { Kit } from "../../../src/core/ports.js";
import type { Locale } from "../../../src/core/types.js";
import { KitIndex, type KitQuery, type KitSearchResult } from "../../../src/features/kits/search.js";
import { realKits } from "./helpers.js";

let kits: Kit[];
let index: KitIndex;
const errors: unknown[] = [];

beforeAll(() => {
  kits = realKits();
  index = new KitIndex(kits, { onError: (e) => errors.push(e) });
});

const search = (words: string, locale: Locale = "fr", extra: Partial<KitQuery> = {}): KitSearchResult =>
  index.search({ words, locale, ...extra });
const ids = (r: KitSearchResult, n = r.hits.length) => r.hits.slice(0, n).map((h) => h.kit.id);
const byId = (id: string) => kits.find((k) => k.id === id)!;

describe("tolerant forms find the same kits", () => {
  it.each(["jeune", "jeunes", "jeunesse", "Jeunes", "JEUNESSE"])("%s -> youth kits", (w) => {
    const r = search(w);
    expect(r.understood.audiences).toEqual(["jeunes"]);
    expect(ids(r)).toEqual(expect.arrayContaining(["kit-jeunes-affiches", "kit-jeunes-videos-courtes", "guide-ambassadeurs-jeunes-16-plus"]));
    for (const h of r.hits.slice(0, 5)) expect(h.kit.audiences).toContain("jeunes");
  });

  it.each(["élus", "elus", "élu", "elu·es", "élu·es", "élu.e.s", "élu-e-s", "élu(e)s", "Élues"])("%s -> councillor kits", (w) => {
    const r = search(w);
    expect(r.understood.audiences).toEqual(["elus"]);
    expect(r.understood.unknownWords).toEqual([]);
    expect(ids(r)).toEqual(expect.arrayContaining(["argumentaire-elus", "temoignages-elus", "visuels-elus", "atelier-sensibilisation-elus"]));
    for (const h of r.hits.slice(0, 8)) expect(h.kit.audiences).toContain("elus");
  });

  it.each(["affiche", "affiches", "afiche", "Affiches", "afiches"])("%s -> posters", (w) => {
    const r = search(w);
    expect(r.understood.formats).toEqual(["affiche"]);
    expect(ids(r, 3).sort()).toEqual(["affiche-vitrine-commerces", "affiches-grand-public", "kit-jeunes-affiches"]);
  });

  it.each(["bénévole", "benevoles", "Bénévoles", "bénévoles"])("%s -> volunteer kits", (w) => {
    const r = search(w);
    expect(r.understood.audiences).toEqual(["benevoles"]);
    expect(ids(r)).toEqual(expect.arrayContaining(["kit-animer-stand", "formation-animer-stand", "fiches-retours-experience-benevoles"]));
  });

  it.each(["ambassadrices", "ambassadeur·ices", "ambassadeurs", "ambassadrice", "ambassadeur.rice.s"])("%s -> ambassador kits", (w) => {
    const r = search(w);
    expect(r.understood.audiences).toEqual(["ambassadeurs"]);
    expect(ids(r, 3)).toEqual(expect.arrayContaining(["reseau-ambassadeurs-activites", "formation-ambassadeurs-bases-ce", "guide-ambassadeurs-jeunes-16-plus"]));
  });
});

describe("vocabulary in four languages", () => {
  it.each([
    ["Jugend", "de"], ["Jugendliche", "de"], ["jongeren", "nl"], ["jeugd", "nl"], ["youth", "en"], ["young people", "en"],
  ] as const)("%s -> jeunes", (w, locale) => {
    expect(search(w, locale).understood.audiences).toEqual(["jeunes"]);
  });

  it.each([
    ["Gemeinderat", "de"], ["Gemeinderäte", "de"], ["gemeenteraad", "nl"], ["councillors", "en"],
    ["conseil communal", "fr"], ["échevins", "fr"], ["échevin·es", "fr"], ["bourgmestre", "fr"], ["Schöffen", "de"], ["schepenen", "nl"],
  ] as const)("%s -> elus", (w, locale) => {
    expect(search(w, locale).understood.audiences).toEqual(["elus"]);
  });

  it.each(["stand", "marché", "petit-déjeuner", "petit déjeuner", "Frühstück", "ontbijt", "breakfast", "Semaine du Commerce Équitable", "World Fair Trade Day"])(
    "%s -> evenement",
    (w) => {
      expect(search(w).understood.themes).toContain("evenement");
    },
  );

  it.each(["marchés publics", "marches publics", "clauses", "achats", "achats publics", "public procurement", "overheidsopdrachten", "öffentliche Aufträge"])(
    "%s -> marches-publics",
    (w) => {
      const r = search(w);
      expect(r.understood.themes).toEqual(["marches-publics"]);
      expect(ids(r, 3).sort()).toEqual(["clauses-ce-marches-publics", "guide-achats-publics-equitables", "webinaire-agents-marches-publics"]);
    },
  );

  it.each(["rural", "rurale", "village", "villages", "ländlich", "platteland", "countryside"])("%s -> profile rural", (w) => {
    const r = search(w);
    expect(r.understood.profiles).toEqual(["rural"]);
    expect(r.hits[0]!.kit.profiles).toEqual(["rural"]);
    expect(ids(r, 3)).toContain("kit-communication-communes-rurales");
    expect(ids(r)).not.toContain("kit-communication-communes-urbaines");
  });

  it.each([
    ["allemand", "de"], ["Deutsch", "de"], ["german", "de"], ["néerlandais", "nl"], ["Nederlands", "nl"], ["dutch", "nl"],
    ["anglais", "en"], ["English", "en"], ["français", "fr"],
  ] as const)("%s -> language %s", (w, lang) => {
    expect(search(w).understood.languages).toEqual([lang]);
  });

  it("maps format words of every language", () => {
    expect(search("Plakat", "de").understood.formats).toEqual(["affiche"]);
    expect(search("presentatie", "nl").understood.formats).toEqual(["presentation"]);
    expect(search("slides", "en").understood.formats).toEqual(["presentation"]);
    expect(search("tiktok").understood.formats).toEqual(["video"]);
    expect(search("vragenlijst", "nl").understood.formats).toEqual(["questionnaire"]);
  });
});

describe("bare language codes (de, en, nl, fr)", () => {
  it("reads the users' example `jeunes affiche de` as youth posters in German", () => {
    const r = search("jeunes affiche de");
    expect(r.understood).toMatchObject({ audiences: ["jeunes"], formats: ["affiche"], languages: ["de"] });
    expect(ids(r, 1)).toEqual(["kit-jeunes-affiches"]);
    expect(r.hits[0]!.kit.languages).toContain("de");
  });

  it("treats `de` between two words as the French stop word", () => {
    const r = search("maisons de jeunes");
    expect(r.understood.languages).toEqual([]);
    expect(r.understood.audiences).toEqual(["jeunes"]);
    expect(search("kit de communication local").understood.languages).toEqual([]);
  });

  it("reads a lone `de` as German: every kit, German material first", () => {
    const r = search("de");
    expect(r.understood.languages).toEqual(["de"]);
    expect(r.total).toBe(kits.length);
    const withDe = kits.filter((k) => k.languages.includes("de")).length;
    expect(r.hits.slice(0, withDe).every((h) => h.kit.languages.includes("de"))).toBe(true);
    expect(r.hits.slice(withDe).every((h) => !h.kit.languages.includes("de"))).toBe(true);
  });

  it("reads a leading `de` by locale: German for de/en users, a stop word for fr/nl users", () => {
    expect(search("de jeunes", "fr").understood.languages).toEqual([]);
    expect(search("de jongeren", "nl").understood.languages).toEqual([]);
    expect(search("de Plakat", "de").understood.languages).toEqual(["de"]);
    expect(search("de posters", "en").understood.languages).toEqual(["de"]);
  });

  it("always reads capitals and `langue:` as a language", () => {
    expect(search("DE affiches jeunes").understood.languages).toEqual(["de"]);
    expect(search("affiches EN jeunes").understood.languages).toEqual(["en"]);
    expect(search("langue:de jeunes").understood.languages).toEqual(["de"]);
    expect(search("jeunes lang=nl").understood.languages).toEqual(["nl"]);
  });

  it("handles `en`: stop word before a language name or between words, English at the end", () => {
    expect(search("affiches en allemand").understood.languages).toEqual(["de"]);
    expect(search("en allemand").understood.languages).toEqual(["de"]);
    expect(search("formulaire en ligne").understood.languages).toEqual([]);
    expect(search("pitch en").understood.languages).toEqual(["en"]);
  });

  it("does not mistake Object.prototype names for language codes", () => {
    for (const w of ["constructor", "__proto__", "toString", "hasOwnProperty", "valueOf"]) {
      expect(search(w).understood.languages).toEqual([]);
      expect(search(`jeunes ${w}`).understood.languages).toEqual([]);
    }
  });

  it("always reads nl and fr as languages", () => {
    expect(search("nl jongeren", "nl").understood.languages).toEqual(["nl"]);
    expect(search("affiche fr nl").understood.languages).toEqual(["fr", "nl"]);
  });

  it("ranks a language first without hiding the others", () => {
    const plain = search("affiche");
    const german = search("affiche de");
    expect(german.total).toBe(plain.total);
    expect(german.hits[0]!.kit.languages).toContain("de");
  });
});

describe("filters", () => {
  it("applies explicit audience, theme and format as hard filters", () => {
    const r = search("", "fr", { audience: "elus" });
    expect(r.total).toBe(kits.filter((k) => k.audiences.includes("elus")).length);
    expect(r.understood.audiences).toEqual(["elus"]);
    for (const h of r.hits) expect(h.kit.audiences).toContain("elus");

    const t = search("communication", "fr", { theme: "marches-publics" });
    for (const h of t.hits) expect(h.kit.themes).toContain("marches-publics");

    const f = search("jeunes", "fr", { format: "video" });
    expect(f.total).toBeGreaterThan(0);
    for (const h of f.hits) expect(h.kit.format).toBe("video");

    expect(search("jeunes", "fr", { audience: "jeunes", format: "questionnaire" }).total).toBe(0);
  });

  it("filters on an explicit material language: only kits that exist in it", () => {
    const all = search("jeunes", "de");
    const r = search("jeunes", "de", { language: "de" });
    const germanInAll = all.hits.filter((h) => h.kit.languages.includes("de")).length;
    expect(r.total).toBeGreaterThan(0);
    expect(r.total).toBe(germanInAll);
    expect(r.total).toBeLessThan(all.total);
    for (const h of r.hits) expect(h.kit.languages).toContain("de");
  });

  it("puts the reader's languages first, leaves the others out and counts them", () => {
    const all = search("jeunes", "de");
    const r = search("jeunes", "de", { preferredLanguages: ["de"] });
    const others = all.hits.filter((h) => !h.kit.languages.includes("de")).length;
    expect(others).toBeGreaterThan(0);
    expect(r.otherLanguagesOnly).toBe(others);
    expect(r.total).toBe(all.total - others);
    for (const h of r.hits) expect(h.kit.languages).toContain("de");
    // Asked for: every kit, the German ones first.
    const shown = search("jeunes", "de", { preferredLanguages: ["de"], allLanguages: true });
    expect(shown.total).toBe(all.total);
    expect(shown.otherLanguagesOnly).toBe(0);
    const firstOther = shown.hits.findIndex((h) => !h.kit.languages.includes("de"));
    expect(firstOther).toBe(r.total);
    for (const h of shown.hits.slice(firstOther)) expect(h.kit.languages).not.toContain("de");
  });

  it("shows kits of other languages when none exists in the reader's", () => {
    const all = search("jeunes", "en");
    const onlyFrench = all.hits.filter((h) => !h.kit.languages.includes("en")).length;
    expect(onlyFrench).toBeGreaterThan(0);
    // Nobody writes kits in a language no kit exists in: here, pretend English is that language.
    const none = new KitIndex(kits.map((k) => ({ ...k, languages: k.languages.filter((l) => l !== "en").length ? k.languages.filter((l) => l !== "en") : ["fr"] })));
    const r = none.search({ words: "jeunes", locale: "en", preferredLanguages: ["en"] });
    expect(r.total).toBeGreaterThan(0);
    expect(r.otherLanguagesOnly).toBe(0);
  });

  it("ranks kits made for the caller's commune profile first", () => {
    const r = search("communication", "fr", { profile: "rural" });
    const order = ids(r);
    expect(order.indexOf("kit-communication-communes-rurales")).toBeLessThan(order.indexOf("kit-communication-communes-urbaines"));
    const u = ids(search("communication", "fr", { profile: "urbain" }));
    expect(u.indexOf("kit-communication-communes-urbaines")).toBeLessThan(u.indexOf("kit-communication-communes-rurales"));
  });

  it("ignores filter values it does not know instead of failing", () => {
    const r = index.search({ words: "jeunes", locale: "fr", audience: "pirates" as never, theme: "x" as never, format: 3 as never });
    expect(r.total).toBe(search("jeunes").total);
  });
});

describe("ranking", () => {
  it("puts kits matching more understood facets first", () => {
    const r = search("jeunes affiche");
    expect(ids(r, 1)).toEqual(["kit-jeunes-affiches"]);
    const both = search("ambassadeurs jeunes").hits;
    const firstSingle = both.findIndex((h) => !(h.kit.audiences.includes("jeunes") && h.kit.audiences.includes("ambassadeurs")));
    expect(firstSingle).toBeGreaterThan(0);
    expect(both.slice(firstSingle).every((h) => !(h.kit.audiences.includes("jeunes") && h.kit.audiences.includes("ambassadeurs")))).toBe(true);
  });

  it("uses text score inside a facet", () => {
    expect(ids(search("stand"), 3).sort()).toEqual(["fiche-stand-marche", "formation-animer-stand", "kit-animer-stand"]);
    expect(ids(search("Gemeinderat Präsentation", "de"), 2).sort()).toEqual(["presentation-bilan-annuel-conseil", "presentation-conseil-communal-adhesion"]);
    expect(ids(search("pitch"), 1)).toEqual(["pitch-commerce-equitable"]);
    expect(ids(search("commune marraine"), 1)).toEqual(["guide-commune-marraine"]);
    expect(ids(search("Fair-O-Mètre checklist"), 1)).toEqual(["checklist-preparation-fom"]);
    expect(ids(search("critère 6"), 2).sort()).toEqual(["fiche-marche-fermier-equitable", "guide-critere-6-producteurs-locaux"]);
  });

  it("matches words of every language whatever the user's locale", () => {
    expect(ids(search("ideeënbus", "fr"), 1)).toEqual(["boite-a-idees"]);
    expect(ids(search("boîte à idées", "en"), 1)).toEqual(["boite-a-idees"]);
    expect(ids(search("press release", "de"), 1)).toEqual(["modeles-communiques-presse"]);
  });

  it("gives scores that never increase along the hits", () => {
    for (const w of ["jeunes affiche de", "stand", "communication rural", "élus", "de", ""]) {
      const scores = search(w).hits.map((h) => h.score);
      for (let i = 1; i < scores.length; i++) expect(scores[i]!).toBeLessThanOrEqual(scores[i - 1]!);
    }
  });

  it("lists every kit in title order for an empty query", () => {
    const r = search("");
    expect(r.total).toBe(kits.length);
    expect(r.suggestions).toEqual([]);
    const fold = (s: string) => s.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
    const titles = r.hits.map((h) => fold(h.kit.title.fr));
    expect(titles).toEqual([...titles].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const de = search("", "de").hits.map((h) => fold(h.kit.title.de ?? h.kit.title.fr));
    expect(de).toEqual([...de].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(search("   ").total).toBe(kits.length);
  });

  it("is deterministic", () => {
    expect(ids(search("communication jeunes"))).toEqual(ids(search("communication jeunes")));
  });
});

describe("unknown words and suggestions", () => {
  it("suggests `affiche` for `afichhe`", () => {
    const r = search("afichhe");
    expect(r.total).toBe(0);
    expect(r.understood.unknownWords).toEqual(["afichhe"]);
    expect(r.suggestions[0]).toBe("affiche");
  });

  it.each([
    ["benevolles", "bénévoles"],
    ["gemeenteraat", "gemeenteraad"],
    ["councilors", "councilors"],
  ])("suggests or understands close words (%s)", (typo, known) => {
    const r = search(typo);
    if (r.total === 0) expect(r.suggestions).toContain(known);
    else expect(r.understood.unknownWords).toEqual([]);
  });

  it("falls back to the most common audiences and themes", () => {
    const r = search("xyzzy");
    expect(r.total).toBe(0);
    const f = index.facets();
    const topAudience = Object.entries(f.audiences).sort((a, b) => b[1] - a[1])[0]![0];
    const topTheme = Object.entries(f.themes).sort((a, b) => b[1] - a[1])[0]![0];
    expect(r.suggestions).toEqual(expect.arrayContaining([topAudience, topTheme]));
  });

  it("reports unknown words beside the found kits", () => {
    const r = search("jeunes xyzzy");
    expect(r.total).toBeGreaterThan(0);
    expect(r.understood.freeWords).toEqual(["xyzzy"]);
    expect(r.understood.unknownWords).toEqual(["xyzzy"]);
    expect(r.suggestions.length).toBeGreaterThan(0);
  });

  it("understands typos of vocabulary words", () => {
    expect(search("Gemeindrat", "de").understood.audiences).toEqual(["elus"]);
    expect(search("presentaton").understood.formats).toEqual(["presentation"]);
    expect(search("jongren", "nl").understood.audiences).toEqual(["jeunes"]);
  });
});

describe("index upkeep", () => {
  it("counts facets with every key present", () => {
    const f = index.facets();
    expect(Object.keys(f.audiences)).toHaveLength(11);
    expect(f.audiences.jeunes).toBe(kits.filter((k) => k.audiences.includes("jeunes")).length);
    expect(f.formats.affiche).toBe(kits.filter((k) => k.format === "affiche").length);
    expect(index.size()).toBe(kits.length);
  });

  it("rebuilds on replace, keeps the last of duplicate ids, survives an empty catalogue", () => {
    const local = new KitIndex([]);
    expect(local.size()).toBe(0);
    expect(local.search({ words: "jeunes", locale: "fr" })).toMatchObject({ total: 0, hits: [] });
    const edited = { ...byId("pitch-commerce-equitable"), title: { fr: "Le discours éclair du zorglub" } };
    local.replace([byId("pitch-commerce-equitable"), edited]);
    expect(local.size()).toBe(1);
    expect(local.search({ words: "zorglub", locale: "fr" }).hits[0]!.kit.title.fr).toContain("zorglub");
  });

  it("has not reported internal errors", () => {
    expect(errors).toEqual([]);
  });
});

describe("a request no kit meets in full", () => {
  it("is flagged partial, the closest kits first; one some kit meets is not", () => {
    const both = search("élus affiche");
    expect(both.understood.audiences).toEqual(["elus"]);
    expect(both.understood.formats).toEqual(["affiche"]);
    expect(both.hits.some((h) => h.kit.audiences.includes("elus") && h.kit.format === "affiche")).toBe(false);
    expect(both.partial).toBe(true);
    expect(both.total).toBeGreaterThan(0);
    const met = search("jeunes affiche");
    expect(met.hits[0]!.kit.audiences).toContain("jeunes");
    expect(met.hits[0]!.kit.format).toBe("affiche");
    expect(met.partial).toBe(false);
    expect(search("élus").partial).toBe(false);
  });
});
