/**
 * Feature message bundles. Each feature keeps its messages in its own file (all four
 * languages side by side) so that features never edit the same catalogue; catalogue.ts
 * merges them. The compiler checks that de, nl and en have every French key.
 */
import type { Locale } from "../core/types.js";

export type Bundle<F extends Record<string, string>> = { fr: F } & Record<Exclude<Locale, "fr">, Record<keyof F, string>>;

/** Declares a bundle; French is the reference for keys and placeholders. */
export function defineMessages<const F extends Record<string, string>>(bundle: Bundle<F>): Bundle<F> {
  return bundle;
}
