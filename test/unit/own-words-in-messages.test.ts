/**
 * Commands quoted in messages are in the reader's words, and work as quoted. Every `/cdce …`
 * code span of every German, Dutch and English message (as the catalogue serves it, after
 * src/core/i18n/command-spans.ts) must:
 * - name its command and its options with that language's words (`konfig kanal`, `plätze:`),
 *   never with words only French uses;
 * - read, through the dispatcher's own parser, as the same command as the French message's
 *   span at the same place, with the same options, no unknown option, and values the option
 *   accepts (`rolle:bürger` is read as a CoPil role).
 * Placeholders (`{code}`, `<Gemeinde>`) stand for a sample value when the line is read.
 * The French catalogue stays as written, and nothing outside the spans is rewritten.
 */
import { describe, expect, it } from "vitest";
import { COMMANDS, FEATURES, createRegistry } from "../../src/features/index.js";
import { addMessages, catalogues, quoteCommandsFrom, translator } from "../../src/core/i18n/catalogue.js";
import { fr as coreFr } from "../../src/core/i18n/fr.js";
import { de as coreDe } from "../../src/core/i18n/de.js";
import { nl as coreNl } from "../../src/core/i18n/nl.js";
import { en as coreEn } from "../../src/core/i18n/en.js";
import { localizeCommandLine, localizeCommandSpans } from "../../src/core/i18n/command-spans.js";
import { readLine } from "../../src/core/chain/parse.js";
import { commandWords, optionWord, type CommandDefinition } from "../../src/core/commands.js";
import { fold } from "../../src/core/fold.js";
import type { Locale } from "../../src/core/types.js";

const OTHERS = ["de", "nl", "en"] as const;
const SPAN = /`\/cdce ([^`\n]+)`/g;
const OPTION = /^([\p{L}_-]+)[:=]/u;

const registry = createRegistry();
const spansOf = (text: string) => [...text.matchAll(SPAN)].map((m) => m[1]!);
/** Runtime-filled heads (`/cdce {help} kit`) are words the code picks per reader. */
const filledAtRuntime = (line: string) => line.startsWith("{");
/** A placeholder stands for one sample word, so that the line reads as a typed one would. */
const sample = (line: string) => line.replace(/\{[^{}\s]+\}/g, "x1").replace(/<[^<>]+>/g, "x1");

type Read = { def: CommandDefinition; options: string[]; raw: Record<string, unknown>; extra: number; unknown: string[] };
function read(line: string): Read | string {
  const r = readLine(sample(line), registry);
  if ("unknown" in r) return `names no command ("${r.unknown}")`;
  const options = Object.keys(r.raw).filter((o) => r.raw[o] !== undefined).sort();
  return { def: r.def, options, raw: r.raw, extra: r.extra.length, unknown: r.unknownOptions };
}

/** The words that name the command and its options in a quoted line, as written. */
function namingWords(line: string, def: CommandDefinition): { head: string; options: string[] } {
  const words = line.trim().split(/\s+/);
  const two = words.length > 1 && registry.get(`${words[0]} ${words[1]}`) === def;
  const head = words.slice(0, two ? 2 : 1).join(" ");
  const options = words.slice(two ? 2 : 1).flatMap((w) => OPTION.exec(w)?.[1] ?? []);
  return { head, options };
}

/** Each message's quoted lines in one language, keyed `key #n`. */
function quoted(locale: Locale): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, text] of Object.entries(catalogues()[locale] as Record<string, string>)) spansOf(text).forEach((line, i) => out.set(`${key} #${i + 1}`, line));
  return out;
}

describe("commands quoted in messages", () => {
  it("are in the reader's own words in de, nl and en (command and option names)", () => {
    const offenders: string[] = [];
    for (const locale of OTHERS) {
      for (const [where, line] of quoted(locale)) {
        if (filledAtRuntime(line)) continue;
        const r = read(line);
        if (typeof r === "string") {
          offenders.push(`${locale} ${where}: \`/cdce ${line}\` ${r}`);
          continue;
        }
        const { head, options } = namingWords(line, r.def);
        if (fold(head) !== fold(commandWords(r.def, locale))) offenders.push(`${locale} ${where}: \`/cdce ${line}\` says "${head}", not "${commandWords(r.def, locale)}"`);
        for (const o of options) {
          const option = optionAliasOf(r.def, o);
          if (option && fold(o) !== fold(optionWord(r.def, option, locale))) offenders.push(`${locale} ${where}: \`/cdce ${line}\` says "${o}:", not "${optionWord(r.def, option, locale)}:"`);
        }
      }
    }
    expect(offenders, `commands quoted with words the reader does not use:\n${offenders.join("\n")}`).toEqual([]);
  });

  it("read in every language as the command the French message quotes, with the same options and accepted values", () => {
    const offenders: string[] = [];
    const french = quoted("fr");
    for (const [where, line] of french) {
      if (filledAtRuntime(line)) continue;
      const r = read(line);
      if (typeof r === "string") offenders.push(`fr ${where}: \`/cdce ${line}\` ${r}`);
      else if (r.unknown.length) offenders.push(`fr ${where}: \`/cdce ${line}\` has unknown options ${r.unknown.join(", ")}`);
    }
    for (const locale of OTHERS) {
      const own = quoted(locale);
      const keys = new Set([...french.keys(), ...own.keys()]);
      for (const where of keys) {
        const f = french.get(where);
        const line = own.get(where);
        if (f === undefined || line === undefined) {
          offenders.push(`${locale} ${where}: quotes ${line === undefined ? "fewer" : "more"} commands than the French message`);
          continue;
        }
        if (filledAtRuntime(f) && filledAtRuntime(line)) continue;
        const rf = read(f);
        const r = read(line);
        if (typeof rf === "string") continue; // reported above
        if (typeof r === "string") {
          offenders.push(`${locale} ${where}: \`/cdce ${line}\` ${r}`);
          continue;
        }
        if (r.def !== rf.def) offenders.push(`${locale} ${where}: \`/cdce ${line}\` runs "${r.def.name}", the French one "${rf.def.name}"`);
        if (r.unknown.length) offenders.push(`${locale} ${where}: \`/cdce ${line}\` has unknown options ${r.unknown.join(", ")}`);
        if (r.extra !== rf.extra) offenders.push(`${locale} ${where}: \`/cdce ${line}\` leaves ${r.extra} words unread, the French one ${rf.extra}`);
        // Options given by name must match; positional words may differ (a value per language).
        const named = (l: string, rr: Read) => namingWords(l, rr.def).options.flatMap((w) => optionAliasOf(rr.def, w) ?? []).sort();
        if (named(line, r).join(",") !== named(f, rf).join(",")) offenders.push(`${locale} ${where}: \`/cdce ${line}\` sets options ${named(line, r).join(",") || "none"}, the French one ${named(f, rf).join(",") || "none"}`);
        for (const o of r.options) {
          const value = r.raw[o];
          const spec = r.def.options[o];
          if (!spec || typeof value !== "string" || value.includes("x1") || value.includes("…")) continue;
          if (spec.meta.kind === "text" || spec.meta.kind === "file") continue;
          if (!spec.schema.safeParse(value).success) offenders.push(`${locale} ${where}: \`/cdce ${line}\` gives "${o}" the value "${value}", which it refuses`);
        }
      }
    }
    expect(offenders, `quoted commands that would not do what the French one does:\n${offenders.join("\n")}`).toEqual([]);
  });

  it("keeps the French catalogue as written, and every text outside the quoted commands", () => {
    const written: Record<Locale, Record<string, string>> = { fr: { ...coreFr }, de: { ...coreDe }, nl: { ...coreNl }, en: { ...coreEn } };
    for (const bundle of FEATURES.flatMap((f) => f.messages ?? [])) for (const l of ["fr", ...OTHERS] as const) Object.assign(written[l], bundle[l]);
    expect(catalogues().fr).toEqual(written.fr);
    const outside = (s: string) => s.replace(SPAN, "`/cdce`");
    let rewritten = 0;
    for (const l of OTHERS) {
      for (const [key, text] of Object.entries(written[l])) {
        const served = (catalogues()[l] as Record<string, string>)[key]!;
        expect(outside(served), `${l} ${key}`).toBe(outside(text));
        if (served !== text) rewritten++;
      }
    }
    // The mechanism does something: dozens of messages were written with French words.
    expect(rewritten).toBeGreaterThan(30);
  });
});

function optionAliasOf(def: CommandDefinition, word: string): string | undefined {
  return Object.keys(def.options).find((name) => fold(name) === fold(word) || Object.values(def.optionWords?.[name] ?? {}).some((w) => fold(w) === fold(word)));
}

describe("rewriting a quoted command line", () => {
  const line = (text: string, locale: Locale) => localizeCommandLine(text, locale, registry);

  it("puts the command and option names in the reader's words, values as written", () => {
    expect(line("config canal commune Eupen", "de")).toBe("konfig kanal commune Eupen");
    expect(line("webinaire modifier {code} capacite:40", "nl")).toBe("webinar wijzigen {code} plaatsen:40");
    expect(line("webinaire presences {code} noms:\"Prénom Nom, …\"", "en")).toBe("webinar attendance {code} names:\"Prénom Nom, …\"");
    expect(line("commune fusionner Bertogne Bastogne le:2024-12-02", "de")).toBe("gemeinde fusionieren Bertogne Bastogne am:2024-12-02");
    expect(line("role @Marie copil Eupen", "nl")).toBe("rol @Marie copil Eupen");
    // Already in the reader's words, or in another language's: the reader's.
    expect(line("webinar anmelden {code}", "de")).toBe("webinar anmelden {code}");
    expect(line("webinar join {code}", "de")).toBe("webinar anmelden {code}");
  });

  it("leaves what is not a command or an option of it alone", () => {
    // An option-looking word inside quotes is text, and a word that is no option stays.
    expect(line("sondage \"titre: demain\" \"lien:x\"", "de")).toBe("umfrage \"titre: demain\" \"lien:x\"");
    expect(line("kit modifier <id> lien:https://x.be note:bravo", "en")).toBe(`kit edit <id> link:https://x.be note:bravo`);
    expect(line("{help} kit", "de")).toBe("{help} kit");
    expect(line("nimportequoi canal", "de")).toBe("nimportequoi canal");
    // ICU arguments stay whole, spaces included.
    expect(line("webinaires {count, plural, one {# x} other {# y}}", "en")).toBe("webinars {count, plural, one {# x} other {# y}}");
  });

  it("names the command `aide` is asked about in the reader's words too", () => {
    expect(line("aide commune modifier", "de")).toBe("hilfe gemeinde ändern");
    expect(line("aide kit", "nl")).toBe("hulp kit");
    expect(line("aide rien du tout", "en")).toBe("help rien du tout");
  });

  it("rewrites only `/cdce …` code spans", () => {
    const text = "Tapez `/cdce config canal` puis config canal, `config canal`, `/cdce-admin canal` et /cdce webinaires.";
    expect(localizeCommandSpans(text, "de", registry)).toBe("Tapez `/cdce konfig kanal` puis config canal, `config canal`, `/cdce-admin canal` et /cdce webinaires.");
  });

  it("covers messages added later, and serves them formatted", () => {
    addMessages([{ fr: { "test.ownWords.later": "`/cdce webinaire rejoindre {code}`" }, de: { "test.ownWords.later": "Mit `/cdce webinaire rejoindre {code}` anmelden" }, nl: { "test.ownWords.later": "`/cdce webinaire rejoindre {code}`" }, en: { "test.ownWords.later": "`/cdce webinaire rejoindre {code}`" } }]);
    const t = (l: Locale) => translator(l)("test.ownWords.later" as never, { code: "k3x9q" });
    expect(t("de")).toBe("Mit `/cdce webinar anmelden k3x9q` anmelden");
    expect(t("en")).toBe("`/cdce webinar join k3x9q`");
    expect(t("fr")).toBe("`/cdce webinaire rejoindre k3x9q`");
    // Handing the same commands in again changes nothing.
    quoteCommandsFrom(registry);
    expect(t("nl")).toBe("`/cdce webinar aanmelden k3x9q`");
    expect(COMMANDS.length).toBeGreaterThan(0);
  });
});
