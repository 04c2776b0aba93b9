/**
 * What a command acts on, declared once on the command (`scope`) and resolved once by the
 * chain (src/core/chain/scope.ts) into `ctx.commune`, so that commands no longer find and
 * re-check their commune themselves. Also the one commune option every scoped command offers.
 */
import type { Commune, Repositories } from "./ports.js";
import type { LocalizedText } from "./types.js";
import { CdceError } from "./errors.js";
import { prefixWithin } from "./clip.js";
import { text } from "./options.js";

/**
 * The general form: whether a commune is `required`, where it comes from when the option is
 * not given (`membership`: the caller's home commune; `none`: it must be named, for commands
 * about another commune than one's own), and which option holds its name (`option`, when it
 * is not the `commune` option alone: a grade typed before it, say). Give `option`'s parameter
 * a type (`(o: { commune?: string }) => …`): left to inference, it hides the scope's literal
 * type from `defineCommand`, and `ctx.commune` loses its type.
 */
export interface ScopeSpec<O = Record<string, unknown>> {
  commune: "required" | "optional";
  fallback?: "membership" | "none";
  option?: (options: O) => string | undefined;
}

/**
 * `commune`: the commune named, else the caller's home commune; one is needed.
 * `commune-optional`: the same, but the command also runs without one (`ctx.commune` null).
 */
export type Scope<O = Record<string, unknown>> = "commune" | "commune-optional" | ScopeSpec<O>;

/** What `ctx.commune` holds for a command declaring `C` as its scope. */
export type CommuneOf<C> = C extends "commune" | { commune: "required" } ? Commune : C extends "commune-optional" | { commune: "optional" } ? Commune | null : undefined;

/** Any scope in its general form. */
export function scopeSpec<O>(scope: Scope<O>): Required<Pick<ScopeSpec<O>, "commune" | "fallback">> & Pick<ScopeSpec<O>, "option"> {
  if (scope === "commune") return { commune: "required", fallback: "membership" };
  if (scope === "commune-optional") return { commune: "optional", fallback: "membership" };
  return { commune: scope.commune, fallback: scope.fallback ?? "membership", option: scope.option };
}

/** The help of the commune option, in the four languages, for every command that has one. */
export const COMMUNE_HELP: LocalizedText = {
  fr: "Commune (la vôtre par défaut)",
  de: "Gemeinde (standardmäßig Ihre)",
  nl: "Gemeente (standaard de uwe)",
  en: "Commune (yours by default)",
};

/**
 * The `commune` option. `rest`: the free words of the line name it (`/cdce tableau Namur`).
 * `help`: only for commands where the commune is not "yours by default" (the one to mentor).
 */
export function communeOption(o: { rest?: boolean; help?: LocalizedText } = {}) {
  return text({ help: o.help ?? COMMUNE_HELP, max: 80, rest: o.rest, autocomplete: "commune" });
}

/** The commune of that name or slug; a clear error when there is none. */
export async function findCommune(repos: Pick<Repositories, "communes">, name: string): Promise<Commune> {
  const found = await repos.communes.findByName(name);
  if (!found) throw new CdceError("commune.unknown", "commune.unknown", { name: prefixWithin(name, 60) });
  return found;
}
