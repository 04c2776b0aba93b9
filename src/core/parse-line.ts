/**
 * Turns the free text of a `/cdce` line into raw option values, before zod validates them.
 * `kit jeunes affiche page:2 titre:"Mon kit"` -> words and `name:value` pairs.
 */
import type { OptionSpecs } from "./options.js";

/** Splits on spaces, keeping quoted parts ("…", “…”, «…», '…') together, quotes removed. */
export function tokenize(line: string): string[] {
  const tokens: string[] = [];
  const closing: Record<string, string> = { '"': '"', "“": "”", "«": "»", "'": "'" };
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
    if (ch in closing && (ch !== "'" || !inToken)) {
      quote = closing[ch] ?? null;
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

/** Lower case without accents: option names are matched loosely (`Langue:` = `langue:`). */
export function fold(s: string): string {
  return s
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase();
}

export interface ParsedLine {
  values: Record<string, unknown>;
  /** Words that fit nowhere (no rest option and no free positional slot). */
  extra: string[];
}

/**
 * Assigns tokens to options: `name:value` (or `name=value`) when `name` is an option;
 * other words go to the option marked `rest`, else fill the remaining options in order.
 */
export function assignTokens(tokens: string[], specs: OptionSpecs): ParsedLine {
  const names = Object.keys(specs);
  const byFolded = new Map(names.map((n) => [fold(n), n]));
  const values: Record<string, unknown> = {};
  const free: string[] = [];
  for (const token of tokens) {
    const m = /^([\p{L}_-]+)[:=](.*)$/su.exec(token);
    const name = m ? byFolded.get(fold(m[1] ?? "")) : undefined;
    if (m && name) {
      values[name] = m[2] ?? "";
    } else {
      free.push(token);
    }
  }
  const rest = names.find((n) => specs[n]?.meta.rest);
  if (rest) {
    if (free.length) values[rest] = [values[rest], ...free].filter((v) => v !== undefined && v !== "").join(" ");
    return { values, extra: [] };
  }
  const open = names.filter((n) => values[n] === undefined);
  const extra: string[] = [];
  for (const word of free) {
    const slot = open.shift();
    if (slot) values[slot] = word;
    else extra.push(word);
  }
  return { values, extra };
}
