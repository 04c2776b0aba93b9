import { describe, expect, it } from "vitest";
import { assignTokens, tokenize } from "../../src/core/parse-line.js";
import { fold } from "../../src/core/fold.js";
import { int, text, choice } from "../../src/core/options.js";

const h = { fr: "x" };

describe("tokenize", () => {
  it("splits on spaces and keeps quoted parts together", () => {
    expect(tokenize('kit ajouter titre:"Kit jeunes" resume:«Un résumé»')).toEqual(["kit", "ajouter", "titre:Kit jeunes", "resume:Un résumé"]);
  });
  it("keeps apostrophes inside words", () => {
    expect(tokenize("kit l'affiche d’été")).toEqual(["kit", "l'affiche", "d’été"]);
  });
  it("survives an unclosed quote and odd spaces", () => {
    expect(tokenize('  kit   "jeunes  ')).toEqual(["kit", "jeunes  "]);
    expect(tokenize("")).toEqual([]);
  });
});

describe("assignTokens", () => {
  const specs = { mots: text({ help: h, rest: true }), page: int({ help: h, default: 1 }), langue: choice({ help: h, values: ["fr", "de"] as const }) };

  it("reads name:value pairs, loosely on case and accents, the rest as words", () => {
    const r = assignTokens(["jeunes", "Page:2", "affiche", "LANGUE=de", "https://x.be/a"], specs);
    expect(r.values).toEqual({ mots: "jeunes affiche https://x.be/a", page: "2", langue: "de" });
    expect(r.extra).toEqual([]);
  });

  it("reports name:value pairs whose name is no option, not links, times or prose", () => {
    const r = assignTokens(["places:30", "Lang=de", "https://x.be/a", "mailto:copil@namur.be", "14:00", "Note:", "c:x", "bravo:tada:", "merci:+1:"], specs);
    expect(r.unknownOptions).toEqual(["places", "Lang"]);
    expect(r.values.mots).toBe("places:30 Lang=de https://x.be/a mailto:copil@namur.be 14:00 Note: c:x bravo:tada: merci:+1:");
    expect(assignTokens(["jeunes", "page:2"], specs).unknownOptions).toEqual([]);
  });

  it("fills positional options in order when there is no rest option, and reports extras", () => {
    const r = assignTokens(["de", "fr", "nl"], { a: text({ help: h }), b: text({ help: h }) });
    expect(r.values).toEqual({ a: "de", b: "fr" });
    expect(r.extra).toEqual(["nl"]);
  });

  it("folds accents and case", () => {
    expect(fold("Élu·es")).toBe("elu·es");
  });
});

describe("positional options before a rest option", () => {
  it("fills them first, then the rest takes the remaining words", () => {
    const specs = { usage: choice({ help: h, values: ["commune", "voir"] as const }), commune: text({ help: h, rest: true }) };
    expect(assignTokens(["commune", "La", "Roche-en-Ardenne"], specs).values).toEqual({ usage: "commune", commune: "La Roche-en-Ardenne" });
    expect(assignTokens(["commune:Namur", "voir"], specs).values).toEqual({ usage: "voir", commune: "Namur" });
  });
});
