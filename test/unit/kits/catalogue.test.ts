import { describe, expect, it } from "vitest";
import { AUDIENCES, type Kit } from "../../../src/core/ports.js";
import { CatalogueError, importKits, parseCatalogue, sameKitContent } from "../../../src/features/kits/catalogue.js";
import { MemoryKitRepository, catalogueJson, realKits } from "./helpers.js";

/** A valid one-kit catalogue to break in each test. */
const minimal = () => ({
  version: 1,
  updatedAt: "2025-06-01",
  kits: [
    {
      id: "kit-test",
      title: { fr: "Titre", de: "Titel", nl: "Titel", en: "Title" },
      summary: { fr: "Résumé", de: "Zusammenfassung", nl: "Samenvatting", en: "Summary" },
      audiences: ["jeunes"],
      themes: ["communication"],
      format: "affiche",
      languages: ["fr"],
      profiles: [],
      links: ["https://cdce.be/outils/kit-test"],
      keywords: ["affiche"],
    },
  ] as Record<string, unknown>[],
});

function errorOf(json: unknown): CatalogueError {
  try {
    parseCatalogue(json);
  } catch (e) {
    expect(e).toBeInstanceOf(CatalogueError);
    return e as CatalogueError;
  }
  throw new Error("expected parseCatalogue to throw");
}

describe("the catalogue file", () => {
  const kits = realKits();

  it("holds at least 40 kits, each titled and summarised in fr, de, nl and en", () => {
    expect(kits.length).toBeGreaterThanOrEqual(40);
    for (const k of kits) {
      for (const l of ["fr", "de", "nl", "en"] as const) {
        expect(k.title[l], `${k.id} title.${l}`).toBeTruthy();
        expect(k.summary[l], `${k.id} summary.${l}`).toBeTruthy();
      }
    }
  });

  it("has at least 3 kits for each of jeunes, elus, benevoles, copil, agents", () => {
    for (const a of ["jeunes", "elus", "benevoles", "copil", "agents"] as const) {
      expect(kits.filter((k) => k.audiences.includes(a)).length, a).toBeGreaterThanOrEqual(3);
    }
  });

  it("uses every audience, has unique ids, keywords, https links and French material", () => {
    for (const a of AUDIENCES) expect(kits.some((k) => k.audiences.includes(a)), a).toBe(true);
    expect(new Set(kits.map((k) => k.id)).size).toBe(kits.length);
    for (const k of kits) {
      expect(k.keywords.length, k.id).toBeGreaterThan(0);
      expect(k.links.length, k.id).toBeGreaterThan(0);
      expect(k.languages).toContain("fr");
    }
    expect(kits.some((k) => k.profiles.includes("rural"))).toBe(true);
    expect(kits.some((k) => k.profiles.includes("urbain"))).toBe(true);
    expect(kits.filter((k) => k.languages.includes("de")).length).toBeGreaterThanOrEqual(3);
  });

  it("takes the file date when a kit has none, and a kit's own date otherwise", () => {
    expect(kits[0]!.updatedAt.toISOString()).toBe("2025-06-01T00:00:00.000Z");
    const json = minimal();
    json.kits[0]!.updatedAt = "2025-07-14";
    expect(parseCatalogue(json)[0]!.updatedAt.toISOString()).toBe("2025-07-14T00:00:00.000Z");
  });

  it("accepts the file text as well as parsed JSON", () => {
    expect(parseCatalogue(JSON.stringify(catalogueJson()))).toHaveLength(kits.length);
  });
});

describe("catalogue schema errors", () => {
  it("names the kit id and the path of a bad audience", () => {
    const json = minimal();
    json.kits.push({ ...json.kits[0]!, id: "kit-deux", audiences: ["jeunes", "jeunesse"] });
    const e = errorOf(json);
    expect(e.issues).toHaveLength(1);
    expect(e.issues[0]).toMatchObject({ kitId: "kit-deux", path: "kits[1].audiences[1]" });
    expect(e.message).toContain('kit "kit-deux" kits[1].audiences[1]');
    expect(e.message).toMatch(/jeunes/);
    expect(e.code).toBe("kit.catalogue_invalid");
  });

  it.each([
    ["a missing French title", (k: Record<string, unknown>) => (k.title = { de: "Titel" }), "kits[0].title.fr"],
    ["an empty summary", (k: Record<string, unknown>) => (k.summary = { fr: "  " }), "kits[0].summary.fr"],
    ["an unknown theme", (k: Record<string, unknown>) => (k.themes = ["climat"]), "kits[0].themes[0]"],
    ["an unknown format", (k: Record<string, unknown>) => (k.format = "podcast"), "kits[0].format"],
    ["an unknown language", (k: Record<string, unknown>) => (k.languages = ["fr", "es"]), "kits[0].languages[1]"],
    ["an unknown profile", (k: Record<string, unknown>) => (k.profiles = ["montagne"]), "kits[0].profiles[0]"],
    ["a plain http link", (k: Record<string, unknown>) => (k.links = ["http://cdce.be"]), "kits[0].links[0]"],
    ["a bad slug", (k: Record<string, unknown>) => (k.id = "Kit Test"), "kits[0].id"],
    ["no audience", (k: Record<string, unknown>) => (k.audiences = []), "kits[0].audiences"],
    ["a repeated audience", (k: Record<string, unknown>) => (k.audiences = ["elus", "elus"]), "kits[0].audiences"],
    ["a misspelt field", (k: Record<string, unknown>) => (k.audience = ["elus"]), "kits[0]"],
    ["a bad date", (k: Record<string, unknown>) => (k.updatedAt = "2025-13-45"), "kits[0].updatedAt"],
  ])("rejects %s with its path", (_label, breakIt, path) => {
    const json = minimal();
    breakIt(json.kits[0]!);
    const e = errorOf(json);
    expect(e.issues.map((i) => i.path)).toContain(path);
    expect(e.message).toContain(path);
  });

  it("rejects duplicate ids, pointing at the second one", () => {
    const json = minimal();
    json.kits.push({ ...json.kits[0]! });
    const e = errorOf(json);
    expect(e.issues[0]).toMatchObject({ kitId: "kit-test", path: "kits[1].id" });
    expect(e.message).toMatch(/duplicate/);
  });

  it("rejects a file without a date or kits, and text that is not JSON", () => {
    expect(errorOf({ version: 1, kits: [] }).issues[0]!.path).toBe("updatedAt");
    expect(errorOf({ version: 1, updatedAt: "2025-06-01" }).issues[0]!.path).toBe("kits");
    expect(errorOf("{ not json").message).toMatch(/not JSON/);
    expect(errorOf(null).issues).toHaveLength(1);
  });
});

describe("importKits", () => {
  it("creates, then changes nothing on a second run", async () => {
    const repo = new MemoryKitRepository();
    const kits = realKits();
    expect(await importKits(repo, kits)).toEqual({ created: kits.length, updated: 0, unchanged: 0 });
    const writes = repo.upserts;
    expect(await importKits(repo, realKits())).toEqual({ created: 0, updated: 0, unchanged: kits.length });
    expect(repo.upserts).toBe(writes);
    expect(await repo.count()).toBe(kits.length);
  });

  it("updates only the kits whose content changed", async () => {
    const repo = new MemoryKitRepository();
    const kits = realKits();
    await importKits(repo, kits);
    const edited = kits.map((k, i): Kit => (i === 3 ? { ...k, summary: { ...k.summary, nl: "Nieuwe samenvatting" }, updatedAt: new Date("2025-09-01") } : k));
    expect(await importKits(repo, edited)).toEqual({ created: 0, updated: 1, unchanged: kits.length - 1 });
    expect((await repo.get(kits[3]!.id))!.summary.nl).toBe("Nieuwe samenvatting");
    expect((await repo.get(kits[3]!.id))!.updatedAt.toISOString()).toBe("2025-09-01T00:00:00.000Z");
    const added: Kit = { ...kits[0]!, id: "kit-nouveau" };
    expect(await importKits(repo, [...edited, added])).toEqual({ created: 1, updated: 0, unchanged: kits.length });
  });

  it("ignores the date and the order of set-like lists when comparing", () => {
    const k = realKits()[0]!;
    expect(sameKitContent(k, { ...k, updatedAt: new Date(0) })).toBe(true);
    expect(sameKitContent(k, { ...k, audiences: [...k.audiences].reverse(), keywords: [...k.keywords].reverse() })).toBe(true);
    expect(sameKitContent(k, { ...k, format: "guide" })).toBe(false);
    expect(sameKitContent(k, { ...k, title: { ...k.title, en: "Other" } })).toBe(false);
    expect(sameKitContent(k, { ...k, links: [...k.links, "https://cdce.be/x"] })).toBe(false);
  });
});
