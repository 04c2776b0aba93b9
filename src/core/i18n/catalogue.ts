/**
 * Message catalogues and the translator. French is the source: its keys define
 * `MessageKey`, and the other catalogues must provide every key (the compiler checks
 * presence; a unit test checks that placeholders match). Messages use ICU syntax
 * (`{count, plural, one {# kit} other {# kits}}`) through intl-messageformat.
 */
import { IntlMessageFormat } from "intl-messageformat";
import { fr } from "./fr.js";
import { de } from "./de.js";
import { nl } from "./nl.js";
import { en } from "./en.js";
import type { FeatureMessageKeys } from "./bundles.js";
import { localizeCommandSpans, type CommandLookup } from "./command-spans.js";
import { LOCALES, type Locale } from "../types.js";

const CORE = { fr, de, nl, en };

/** The core's keys and every feature's (each messages file adds its own to FeatureMessageKeys). */
export type MessageKey = (keyof typeof fr | keyof FeatureMessageKeys) & string;
export type Catalogue = Record<MessageKey, string>;
export type MessageParams = Record<string, string | number>;

/** A bundle of any keys, as the features hand theirs in. */
type AnyBundle = { fr: Record<string, string> } & Record<Exclude<Locale, "fr">, Record<string, string>>;

let merged: Record<Locale, Catalogue> | undefined;

/** The core's bundle, then each feature's, in the order they were added. */
const bundles = new Set<AnyBundle>([CORE]);

/**
 * Adds feature messages to the catalogue. The list of features (src/features/index.ts) hands
 * in every feature's bundles when it loads, so that the kernel never imports the features
 * (their commands import the kernel: a cycle at load). Adding the same bundle twice is harmless.
 */
export function addMessages(list: readonly AnyBundle[]): void {
  const before = bundles.size;
  for (const bundle of list) bundles.add(bundle);
  if (bundles.size !== before) merged = undefined;
}

/** The commands whose words the de, nl and en messages quote (see `quoteCommandsFrom`). */
let commands: CommandLookup | undefined;

/**
 * Gives the catalogue the commands, so that every `/cdce …` code span of a German, Dutch or
 * English message shows the reader's words for the command and its options, whatever words
 * its author wrote (src/core/i18n/command-spans.ts). French is the reference and is kept as
 * written. The list of features hands the registry in, as it does the messages.
 */
export function quoteCommandsFrom(lookup: CommandLookup): void {
  if (commands === lookup) return;
  commands = lookup;
  merged = undefined;
  compiled.clear();
}

function merge(locale: Locale): Catalogue {
  const out: Record<string, string> = {};
  const own = locale === "fr" || !commands ? undefined : commands;
  for (const bundle of bundles) {
    for (const [key, text] of Object.entries(bundle[locale])) {
      if (Object.hasOwn(out, key)) throw new Error(`message key "${key}" is defined twice`);
      out[key] = own ? localizeCommandSpans(text, locale, own) : text;
    }
  }
  return out as Catalogue;
}

/**
 * Every message in every language, merged at the first use after the last `addMessages`.
 * A key defined twice is a bug and throws then (at start, with the help).
 */
export function catalogues(): Record<Locale, Catalogue> {
  merged ??= { fr: merge("fr"), de: merge("de"), nl: merge("nl"), en: merge("en") };
  return merged;
}

/** Translates one key into one locale. */
export type Translate = (key: MessageKey, params?: MessageParams) => string;

/** Per `locale\0key`: the formatter, or the text itself when it has nothing to format. */
const compiled = new Map<string, IntlMessageFormat | string>();

/**
 * Labels and sentences without placeholders are most messages of a reply: they are returned
 * as written instead of going through ICU formatting (a tenth of a fast command's time).
 * Only text with no braces and no doubled apostrophe (ICU's escape) is taken as written.
 */
const PLAIN = /^[^{}]*$/;

function format(locale: Locale, key: MessageKey, params: MessageParams): string {
  const cacheKey = `${locale}\u0000${key}`;
  let mf = compiled.get(cacheKey);
  if (mf === undefined) {
    const text = catalogues()[locale][key] ?? catalogues().fr[key];
    // Keys are checked by the compiler, so a missing one means its feature's bundle was
    // never handed in: say so rather than print "undefined" to a user.
    if (text === undefined) throw new Error(`message "${key}" is unknown: src/features/index.ts adds every feature's messages, and it was not loaded`);
    mf = PLAIN.test(text) && !text.includes("''") ? text : new IntlMessageFormat(text, locale, undefined, { ignoreTag: true });
    compiled.set(cacheKey, mf);
  }
  return typeof mf === "string" ? mf : String(mf.format(params));
}

export function translator(locale: Locale): Translate {
  return (key, params = {}) => format(locale, key, params);
}

/**
 * Maps a platform locale (`de-DE`, `en-GB`, `nl`, `fr_BE`) to one of ours,
 * or undefined when we do not speak it.
 */
export function toLocale(raw: string | undefined | null): Locale | undefined {
  if (!raw) return undefined;
  const base = raw.toLowerCase().split(/[-_]/)[0];
  return (LOCALES as readonly string[]).includes(base ?? "") ? (base as Locale) : undefined;
}
