import { describe, expect, it } from "vitest";
import { collapseInclusive, editDistance, stem, terms, words } from "../../../src/features/kits/normalize.js";
import { fold } from "../../../src/core/fold.js";

const key = (s: string) => terms(s).join(" ");

describe("kit text normalisation", () => {
  it("folds case, accents and ligatures", () => {
    expect(fold("Élus ÉCHEVINS Gemeinderäte Straße cœur")).toBe("elus echevins gemeinderate strasse coeur");
  });

  it.each([
    ["élu·es", "élu"],
    ["élu.e.s", "élu"],
    ["élu-e-s", "élu"],
    ["élu(e)s", "élu"],
    ["ambassadeur·ices", "ambassadeur"],
    ["ambassadeur.rice.s", "ambassadeur"],
    ["citoyen·nes", "citoyen"],
    ["ÉLU·ES", "ÉLU"],
  ])("collapses inclusive writing %s", (input, expected) => {
    expect(collapseInclusive(input)).toBe(expected);
  });

  it("leaves ordinary hyphenated words alone", () => {
    expect(words("petit-déjeuner Fair-O-Mètre")).toEqual(["petit", "dejeuner", "fair", "o", "metre"]);
  });

  it.each([
    ["jeune", "jeunes"],
    ["élus", "élue"],
    ["elu·es", "élu"],
    ["affiche", "affiches"],
    ["bénévole", "benevoles"],
    ["ambassadrices", "ambassadeurs"],
    ["ambassadeur·ices", "ambassadeur"],
    ["Gemeinderat", "Gemeinderäte"],
    ["échevine", "échevins"],
    ["conseillère", "conseiller"],
    ["idée", "idées"],
    ["employé·es", "employé"],
    ["productrices", "producteurs"],
    ["locaux", "local"],
    ["publiques", "public"],
  ])("gives %s and %s the same key", (a, b) => {
    expect(key(a)).toBe(key(b));
    expect(key(a)).not.toBe("");
  });

  it("drops stop words of the four languages, emoji and control characters", () => {
    expect(terms("🎉 le kit de la Jugend für die jongeren\u0000\u0007 for the youth")).toEqual(["kit", "jugend", "jongeren", "youth"]);
  });

  it("stems without crashing on odd input", () => {
    expect(stem("")).toBe("");
    expect(stem("s")).toBe("s");
    expect(stem("2030")).toBe("2030");
  });

  it("computes bounded Damerau-Levenshtein distances", () => {
    expect(editDistance("affiche", "affiche", 2)).toBe(0);
    expect(editDistance("afiche", "affiche", 2)).toBe(1);
    expect(editDistance("afichhe", "affiche", 2)).toBe(2);
    expect(editDistance("jonegren", "jongeren", 2)).toBe(1); // transposition
    expect(editDistance("abc", "xyz123", 1)).toBe(2); // gave up above max
    expect(editDistance("x".repeat(200), "y".repeat(200), 2)).toBe(3);
  });
});
