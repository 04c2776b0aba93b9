/**
 * No lookup keyed by typed text may read inherited object properties: `table["constructor"]`
 * on a plain object is Object's constructor, so `/cdce initiatives constructor` was taken for a
 * known word and failed further on. The lint rule of eslint.config.js (no-restricted-syntax on
 * src/core and commands/) refuses string-keyed object tables and `word in object`; this test
 * runs it, and first checks that it does catch the pattern.
 */
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const eslint = new ESLint({ cwd: process.cwd() });
const lookupFindings = (results: ESLint.LintResult[]) =>
  results.flatMap((r) => r.messages.filter((m) => m.ruleId === "no-restricted-syntax").map((m) => `${r.filePath.replace(`${process.cwd()}/`, "")}:${m.line}: ${m.message}`));

describe("lookups keyed by typed text", () => {
  it("the rule catches string-keyed object tables and `in` on a typed word", async () => {
    const sample = [
      'const WORDS: Record<string, string> = { stand: "stand" };',
      'const UNITS: { [word: string]: number } = { h: 60 };',
      "export const a = (w: string) => WORDS[w] ?? UNITS[w];",
      "export const b = (w: string) => w in WORDS;",
    ].join("\n");
    const results = await eslint.lintText(sample, { filePath: "src/core/sample-lookup.ts" });
    expect(lookupFindings(results)).toHaveLength(3);
  }, 60_000);

  it("src/core, src/features and commands/ hold no such lookup", async () => {
    const results = await eslint.lintFiles(["src/core/**/*.ts", "src/features/**/*.ts", "commands/**/*.ts"]);
    expect(lookupFindings(results)).toEqual([]);
  }, 240_000);
});
