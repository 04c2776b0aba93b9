/**
 * Turns the free text of a `/cdce` line into raw option values, before zod validates them.
 * `kit jeunes affiche page:2 titre:"Mon kit"` -> words and `name:value` pairs.
 */
import type { OptionSpecs } from "./options.js";
import { fold } from "./fold.js";

/** Splits on spaces, keeping quoted parts ("…", “…”, «…», '…') together, quotes removed. */
export function tokenize(line: string): string[] {
  const tokens: string[] = [];
  const closing = new Map([['"', '"'], ["“", "”"], ["«", "»"], ["'", "'"]]);
  let current = "";
  let inToken = false;
  let quote: string | null = null;
  for (const ch of line) {
    if (quote) {
      if (ch === quote) quote = null;
      else current += ch;
      continue;
    }
    // An apostrophe inside a word ("l'affiche") is text, not a quote.
    if (closing.has(ch) && (ch !== "'" || !inToken)) {
      quote = closing.get(ch) ?? null;
      inToken = true;
      continue;
    }
    if (/\s/.test(ch)) {
      if (inToken) tokens.push(current);
      current = "";
      inToken = false;
      continue;
    }
    current += ch;
    inToken = true;
  }
  if (inToken) tokens.push(current);
  return tokens;
}

export interface ParsedLine {
  values: Record<string, unknown>;
  /** Words that fit nowhere (no rest option and no free positional slot). */
  extra: string[];
  /**
   * `name:value` pairs whose name is no option of the command (`places:30` for `capacite:30`):
   * a mistyped option, which as plain words would be taken for something else.
   */
  unknownOptions: string[];
}

/** Prefixes of words that contain a colon without being an option: links, mail, phone. */
const NOT_OPTIONS = new Set(["http", "https", "mailto", "tel", "www"]);

/**
 * Assigns tokens to options: `name:value` (or `name=value`) when `name` is an option, or
 * one of its words in another language (`aliases`: folded word -> option name);
 * other words fill the positional options (declared before the `rest` one) in order, and
 * the option marked `rest` collects the remaining words.
 */
export function assignTokens(tokens: string[], specs: OptionSpecs, aliases?: ReadonlyMap<string, string>): ParsedLine {
  const names = Object.keys(specs);
  // Folded option word (in any language) -> option name.
  const byFolded = aliases ?? new Map(names.map((n) => [fold(n), n]));
  const values: Record<string, unknown> = {};
  const free: string[] = [];
  const unknownOptions: string[] = [];
  for (const token of tokens) {
    const m = /^([\p{L}_-]+)[:=](.*)$/su.exec(token);
    const name = m ? byFolded.get(fold(m[1] ?? "")) : undefined;
    if (m && name) {
      values[name] = m[2] ?? "";
    } else {
      // "note:" ending a word is prose, "bravo:tada:" a Slack emoji; "places:30" is an option
      // name that does not exist.
      const value = m?.[2] ?? "";
      const prose = !value || value.startsWith("//") || /^[\w+-]+:/u.test(value);
      if (m && !prose && m[1]!.length > 1 && !NOT_OPTIONS.has(fold(m[1]!))) unknownOptions.push(m[1]!);
      free.push(token);
    }
  }
  // Words fill, in order, the options declared before the `rest` option (positional
  // slots such as `config canal commune Namur`), then the rest option takes what is left.
  const restIndex = names.findIndex((n) => specs[n]?.meta.rest);
  const positional = (restIndex === -1 ? names : names.slice(0, restIndex)).filter((n) => values[n] === undefined);
  const extra: string[] = [];
  const leftover: string[] = [];
  for (const word of free) {
    const slot = leftover.length === 0 ? positional.shift() : undefined;
    if (slot) values[slot] = word;
    else leftover.push(word);
  }
  const rest = restIndex === -1 ? undefined : names[restIndex];
  if (rest) {
    if (leftover.length) values[rest] = [values[rest], ...leftover].filter((v) => v !== undefined && v !== "").join(" ");
  } else {
    extra.push(...leftover);
  }
  return { values, extra, unknownOptions };
}
