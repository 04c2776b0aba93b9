/**
 * Every command and option has its words in the four languages, and they can work
 * everywhere: as many words as the command's name (Discord names them group + sub-command),
 * the same family word for every command of a family, lowercase letters only (Discord's
 * name rule), and no word of one option that is another option of the same command.
 */
import { describe, expect, it } from "vitest";
import { COMMANDS, createRegistry } from "../../src/features/index.js";
import { fold } from "../../src/core/fold.js";
import { LOCALES } from "../../src/core/types.js";
import { localizeLine, optionAliases, usageLine } from "../../src/core/commands.js";
import { assignTokens, tokenize } from "../../src/core/parse-line.js";

const WORD = /^[\p{Ll}]+( [\p{Ll}]+)?$/u;

describe("command words", () => {
  const registry = createRegistry();

  it("gives every visible command its words in fr, de, nl and en, shaped like its name", () => {
    const problems: string[] = [];
    for (const def of COMMANDS) {
      for (const l of LOCALES) {
        const w = def.words?.[l];
        if (!w) problems.push(`${def.name}: no ${l} words`);
        else if (!WORD.test(w) || w.split(" ").length !== def.name.split(" ").length) problems.push(`${def.name}: ${l} "${w}"`);
      }
      if (def.words?.fr !== def.name) problems.push(`${def.name}: fr words "${def.words?.fr}" are not its name`);
      if (!def.intent) problems.push(`${def.name}: no intent`);
    }
    expect(problems).toEqual([]);
  });

  it("keeps one family word per language (kit ajouter, kit: one `kit`)", () => {
    const family = new Map<string, string>();
    const problems: string[] = [];
    for (const def of COMMANDS) {
      const head = def.name.split(" ")[0]!;
      if (def.name.split(" ").length === 1 && !COMMANDS.some((d) => d.name.startsWith(`${head} `))) continue;
      for (const l of LOCALES) {
        const word = def.words![l].split(" ")[0]!;
        const key = `${head}/${l}`;
        if (family.has(key) && family.get(key) !== word) problems.push(`${def.name} (${l}): "${word}" vs "${family.get(key)}"`);
        family.set(key, family.get(key) ?? word);
      }
    }
    expect(problems).toEqual([]);
  });

  it("gives every option its name in de, nl and en, each word naming one option of its command", () => {
    const problems: string[] = [];
    for (const def of COMMANDS) {
      const owner = new Map<string, string>();
      for (const option of Object.keys(def.options)) {
        for (const l of LOCALES) {
          const w = l === "fr" ? option : def.optionWords?.[option]?.[l];
          if (!w) {
            problems.push(`${def.name} ${option}: no ${l} word`);
            continue;
          }
          if (!/^[\p{Ll}\d]+$/u.test(w)) problems.push(`${def.name} ${option}: ${l} "${w}"`);
          const other = owner.get(fold(w));
          if (other && other !== option) problems.push(`${def.name}: "${w}" names ${other} and ${option}`);
          owner.set(fold(w), option);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it("reaches each command by its words in every language, accents or not", () => {
    for (const def of COMMANDS) for (const l of LOCALES) expect(registry.get(def.words![l])?.name, `${def.name} ${l}`).toBe(def.name);
    expect(registry.get("umfrage schliessen")?.name).toBe("sondage fermer");
    expect(registry.get("UMFRAGE SCHLIEẞEN")?.name).toBe("sondage fermer");
    expect(registry.get("ubersicht")?.name).toBe("tableau");
  });

  it("reads option words of any language into the option", () => {
    const def = registry.get("webinar planen")!;
    const line = assignTokens(tokenize('titel:"Charta" beginn:"12/03 14h" plätze:30'), def.options, optionAliases(def));
    expect(line.values).toEqual({ titre: "Charta", debut: "12/03 14h", capacite: "30" });
    expect(line.unknownOptions).toEqual([]);
  });

  it("writes each usage line in the reader's words", () => {
    const def = registry.get("webinaire planifier")!;
    expect(usageLine(def, "de")).toMatch(/^webinar planen titel:"[^"]+" thema:gouvernance beginn:"[^"]+" sprache:de$/);
    expect(localizeLine(def, "webinaire planifier capacite:30", "en")).toBe("webinar schedule capacity:30");
    // A line that is not this command's is left alone.
    expect(localizeLine(def, "kit jeunes", "de")).toBe("kit jeunes");
  });
});
