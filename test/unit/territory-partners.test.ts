/**
 * Partner kinds as people type them in the four languages, and what partners count for in
 * the Fair-O-Mètre: criteria 2, 3 and 6 with at least one partner, the kinds missing, the
 * kit found for each, and the dossier lines (never a contact detail).
 */
import { describe, expect, it } from "vitest";
import { translator } from "../../src/core/i18n/catalogue.js";
import "../../src/features/index.js";
import { dossierPartnerLines, kitTips, partnerCriteria, tally, toPartnerKind, type KitFinder } from "../../src/features/partners/index.js";

describe("partner kinds and evidence", () => {
  it("reads the kinds in French, German, Dutch and English, accents and case aside", () => {
    const cases: Record<string, string> = {
      Magasin: "commerce", Geschäft: "commerce", winkel: "commerce", shop: "commerce",
      Restaurant: "horeca", café: "horeca", École: "ecole", Schule: "ecole", school: "ecole",
      asbl: "association", Verein: "association", vzw: "association", "producteur local": "producteur", Erzeuger: "producteur",
      producent: "producteur", farm: "producteur", presse: "media", Zeitung: "media", krant: "media",
      entreprise: "entreprise", Unternehmen: "entreprise", bedrijf: "entreprise", business: "entreprise",
    };
    for (const [typed, kind] of Object.entries(cases)) expect(toPartnerKind(typed), typed).toBe(kind);
    expect(toPartnerKind("martien")).toBeUndefined();
  });

  it("counts criteria 2, 3 and 6, and names the kinds missing for them (media counts for 4, never missing)", () => {
    const partners = [{ kind: "horeca" as const }, { kind: "entreprise" as const }, { kind: "media" as const }];
    expect(partnerCriteria(partners)).toEqual([2, 3]);
    const t = tally(partners);
    expect(t.byCriterion).toEqual({ 2: 1, 3: 1, 4: 1 });
    expect(t.missing).toEqual(["commerce", "ecole", "association", "producteur"]);
    expect(partnerCriteria([])).toEqual([]);
  });

  it("offers the first kit the search finds for each missing kind, in the reader's language", () => {
    const asked: string[] = [];
    const kits: KitFinder = {
      search: ({ words }) => {
        asked.push(words);
        return { hits: words.includes("6") ? [{ kit: { id: "guide-6", title: { fr: "Guide du critère 6", de: "Leitfaden Kriterium 6" } } }] : [] };
      },
    };
    expect(kitTips(kits, ["ecole", "producteur"], "de")).toEqual([{ kind: "producteur", id: "guide-6", title: "Leitfaden Kriterium 6" }]);
    expect(asked).toHaveLength(2);
  });

  it("lists partners in the dossier under their criterion, without contact details", () => {
    const t = translator("fr");
    const lines = dossierPartnerLines(t, [
      { name: "Oxfam", kind: "commerce", together: "Café au marché", email: "a@b.be", phone: "081" } as never,
      { name: "La Ferme", kind: "producteur", together: null },
    ]);
    expect(lines.get(2)).toEqual(["- Partenaire : Oxfam (Commerces) — Café au marché"]);
    expect(lines.get(6)).toEqual(["- Partenaire : La Ferme (Producteurs locaux)"]);
    expect(JSON.stringify([...lines])).not.toMatch(/a@b\.be|081/);
  });
});

describe("a kind named inside a sentence", () => {
  it("keeps the German noun's capital and lowers it in French, Dutch and English", async () => {
    const { kindInSentence } = await import("../../src/features/partners/index.js");
    const { translator } = await import("../../src/core/i18n/catalogue.js");
    expect(kindInSentence(translator("de"), "commerce")).toBe("Geschäfte");
    expect(kindInSentence(translator("fr"), "ecole")).toBe("écoles");
    expect(kindInSentence(translator("nl"), "ecole")).toBe("scholen");
    expect(kindInSentence(translator("en"), "ecole")).toBe("schools");
  });
});
