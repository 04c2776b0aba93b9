/**
 * The ready-to-send texts' templates: every language and kind renders from the facts alone
 * (what is not a fact is the template's own words, with no number, link or address of its
 * own), and a missing fact leaves no dangling word behind, whichever facts are missing.
 */
import { describe, expect, it } from "vitest";
import { renderLines, textOf, FACT_NAMES, type Facts, type FactName } from "../../src/features/texts/template.js";
import { TEMPLATES, TEXT_KINDS } from "../../src/features/texts/templates.js";
import { sinceText } from "../../src/features/texts/facts.js";
import { LOCALES } from "../../src/core/types.js";

const FULL: Facts = {
  commune: "Namur", title: "Petit-déjeuner équitable", description: "120 personnes à l’école communale.", since: "le 19 juillet 2022",
  date: "21 novembre 2026", time: "09:30", place: "Salle des fêtes", partners: "Oxfam et l’école Saint-Joseph", link: "https://example.org/photos",
};

/**
 * Words that would dangle at the end of a sentence or before punctuation if their fact were
 * dropped, empty quotes or brackets, a space before a full stop or comma (French puts one before
 * `!` and `:`), double spaces, a line ending on a separator.
 */
const DANGLING = /\b(avec|depuis|le|à|au|chez|mit|seit|am|um|in|met|sinds|op|om|with|since|on|at|in|for)\s*([.,:;!)]|$)|\(\s*\)|«\s*»|„\s*“|‘\s*’|“\s*”|\s[.,]|\s{2,}|[:·—-]\s*$|^\s*[·—,]/im;

function subsets(names: readonly FactName[]): FactName[][] {
  return names.flatMap((_, i) => [[names[i]!], names.filter((_, j) => j !== i)]);
}

describe("ready-to-send text templates", () => {
  for (const locale of LOCALES) {
    for (const subject of ["initiative", "event"] as const) {
      for (const kind of TEXT_KINDS) {
        const lines = TEMPLATES[locale][subject][kind];

        it(`${locale} ${subject} ${kind}: writes only the facts given, and its own words hold no fact`, () => {
          const rendered = renderLines(lines, FULL);
          for (const seg of rendered.flat()) {
            if (seg.fact) expect(seg.text).toBe(FULL[seg.fact]);
            else expect(seg.text, `template words "${seg.text}"`).not.toMatch(/\d|https?:|@|www\./);
          }
          // Title and commune always there; every other fact the template knows shows once present.
          const text = textOf(rendered);
          expect(text).toContain(FULL.title);
          expect(text).toContain(FULL.commune);
        });

        it(`${locale} ${subject} ${kind}: leaves no dangling word when facts are missing`, () => {
          const optional = FACT_NAMES.filter((f) => f !== "title" && f !== "commune");
          const cases: FactName[][] = [optional, ...subsets(optional)];
          for (const missing of cases) {
            const facts: Facts = Object.fromEntries(Object.entries(FULL).filter(([k]) => !missing.includes(k as FactName)));
            const text = textOf(renderLines(lines, facts));
            for (const line of text.split("\n")) expect(line, `${missing.join(",")} missing: "${line}"`).not.toMatch(DANGLING);
            for (const gone of missing) expect(text).not.toContain(FULL[gone]!);
          }
        });
      }
    }
  }

  it("says since when as precisely as stored, and nothing for an unknown or bounded date", () => {
    expect(sinceText("2022-07-19", "fr")).toBe("le 19 juillet 2022");
    expect(sinceText("2014-07-03", "de")).toBe("dem 3. Juli 2014");
    expect(sinceText("2006-07", "nl")).toBe("juli 2006");
    expect(sinceText("2023", "en")).toBe("2023");
    expect(sinceText("<=2019", "fr")).toBeUndefined();
    expect(sinceText(null, "fr")).toBeUndefined();
  });
});
