/**
 * Feature message bundles. Each feature keeps its messages in its own file (all four
 * languages side by side) so that features never edit the same catalogue; catalogue.ts
 * merges them. The compiler checks that de, nl and en have every French key.
 */
import type { Locale } from "../types.js";

export type Bundle<F extends Record<string, string>> = { fr: F } & Record<Exclude<Locale, "fr">, Record<keyof F, string>>;

/** Declares a bundle; French is the reference for keys and placeholders. */
export function defineMessages<const F extends Record<string, string>>(bundle: Bundle<F>): Bundle<F> {
  return bundle;
}

/**
 * Every feature's message keys, so that `t("…")` is checked against all of them. Each
 * feature's messages file adds its own keys here (`declare module`), which keeps the type
 * free of the feature list (that list holds the commands, whose types need this one).
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by declaration merging
export interface FeatureMessageKeys {}

/** The keys of one bundle, in the shape FeatureMessageKeys merges. */
export type KeysOf<B extends { fr: Record<string, string> }> = { [K in keyof B["fr"]]: true };
