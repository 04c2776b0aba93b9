/**
 * Localized labels of closed sets of option values (formats, languages, audiences...),
 * found in the message catalogues, so a platform can show `poster` for `affiche` to an
 * English user. Used by the Discord registration (choices) and by suggestions (src/core/suggest.ts).
 */
import { LOCALES, type LocalizedText } from "./types.js";
import { catalogues, type MessageKey } from "./i18n/catalogue.js";

/** Vocabularies whose labels live in the catalogue (`format.affiche`, `language.de`...). */
const LABEL_PREFIXES = ["audience", "theme", "format", "profile", "language"] as const;

/** The localized labels of a set of values, when the catalogue has them all. */
export function choiceLabels(values: readonly string[]): ((value: string) => LocalizedText) | undefined {
  const fr = catalogues().fr as Record<string, string>;
  const prefix = LABEL_PREFIXES.find((p) => values.length > 0 && values.every((v) => Object.hasOwn(fr, `${p}.${v}`)));
  if (!prefix) return undefined;
  return (value) => {
    const key = `${prefix}.${value}` as MessageKey;
    const text: Record<string, string> = {};
    for (const l of LOCALES) text[l] = catalogues()[l][key];
    return text as LocalizedText;
  };
}
