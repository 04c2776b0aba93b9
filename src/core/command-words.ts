/**
 * A command's words in each language: the sub-command (`webinaire rejoindre`, `webinar
 * anmelden`, `webinar aanmelden`, `webinar join`) and its options (`titre:`, `titel:`,
 * `title:`). Every reader sees their own words (help, usage lines, buttons); every word of
 * every language is accepted from everyone (a German volunteer who learned `kit` from a
 * French colleague is not refused). Platforms that localize names themselves (Discord's
 * `name_localizations`) read them here too.
 */
import type { CommandDefinition } from "./commands.js";
import { fold } from "./fold.js";
import { LOCALES, type Locale } from "./types.js";

/** The words of a command in each language: as many words as its `name`. */
export type CommandWords = Record<Locale, string>;

/** Option names in the languages where they differ from the option's own (French) name. */
export type OptionWords = Partial<Record<Locale, string>>;

/**
 * What a person wants when they reach for a command: help groups commands by it, in this
 * order, and the plain-language front door offers the most common first.
 */
export const INTENTS = ["find", "take-part", "share", "me", "manage"] as const;
export type Intent = (typeof INTENTS)[number];

type Words = Pick<CommandDefinition, "name" | "words" | "optionWords">;

/** The command's words for a reader of `locale` (its name when it has none there). */
export function commandWords(def: Words, locale: Locale): string {
  return def.words?.[locale] ?? def.name;
}

/** An option's name for a reader of `locale` (its own name when it has none there). */
export function optionWord(def: Words, option: string, locale: Locale): string {
  return def.optionWords?.[option]?.[locale] ?? option;
}

/** Every word that names the command in some language (name included), folded. */
export function allCommandWords(def: Words): string[] {
  const out = new Set([fold(def.name)]);
  for (const l of LOCALES) if (def.words?.[l]) out.add(fold(def.words[l]));
  return [...out];
}

const optionTables = new WeakMap<object, ReadonlyMap<string, string>>();

/**
 * Folded word -> option name, for every option word of every language (the option's own
 * name included). Built once per command.
 */
export function optionAliases(def: Pick<CommandDefinition, "options" | "optionWords">): ReadonlyMap<string, string> {
  let table = optionTables.get(def.options);
  if (!table) {
    const m = new Map<string, string>();
    for (const name of Object.keys(def.options)) {
      m.set(fold(name), name);
      for (const l of LOCALES) {
        const w = def.optionWords?.[name]?.[l];
        if (w && !m.has(fold(w))) m.set(fold(w), name);
      }
    }
    table = m;
    optionTables.set(def.options, table);
  }
  return table;
}

/**
 * An example line written with the command's French words, in the reader's: the command's
 * words at its head and each `option:` in theirs. `usage` may already be theirs: words that
 * are not the command's are left as they are.
 */
export function localizeLine(def: Words & Pick<CommandDefinition, "aliases">, line: string, locale: Locale): string {
  const tokens = line.trim().split(/\s+/);
  const heads = [def.name, ...(def.aliases ?? []), ...LOCALES.map((l) => def.words?.[l] ?? "")].filter(Boolean).map(fold);
  let rest = tokens;
  for (const size of [2, 1]) {
    if (tokens.length >= size && heads.includes(fold(tokens.slice(0, size).join(" ")))) {
      rest = tokens.slice(size);
      break;
    }
  }
  if (rest === tokens) return line;
  const options = Object.keys(def.optionWords ?? {});
  const renamed = rest.map((token) => {
    const m = /^([\p{L}_-]+)([:=])(.*)$/su.exec(token);
    if (!m) return token;
    const name = options.find((o) => fold(o) === fold(m[1]!)) ?? options.find((o) => Object.values(def.optionWords?.[o] ?? {}).some((w) => fold(w) === fold(m[1]!)));
    return name ? `${optionWord(def, name, locale)}${m[2]}${m[3]}` : token;
  });
  return [commandWords(def, locale), ...renamed].join(" ");
}

/** The command's example line in the reader's language and words. */
export function usageLine(def: Words & Pick<CommandDefinition, "aliases" | "usage">, locale: Locale): string {
  return localizeLine(def, def.usage[locale] ?? def.usage.fr, locale);
}
