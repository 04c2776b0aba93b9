/**
 * The commune a command acts on, found once for every command that declares a `scope`: the
 * one its option names, else (unless the scope says it must be named) the caller's home
 * commune. `ctx.commune` is then that commune, or null when the scope lets it be absent.
 * Whether the caller may act there is the next step's business.
 */
import { findCommune, scopeSpec, type Scope } from "../scope.js";
import { defineStep, needs, stopWith } from "./context.js";

export const scope = defineStep("scope", async (ctx, next) => {
  const def = needs(ctx, "command");
  if (def.scope === undefined) return next();
  const spec = scopeSpec(def.scope as Scope);
  const options = needs(ctx, "options");
  const repos = ctx.deps.services.repos;
  const named = spec.option ? spec.option(options) : options.commune;
  if (typeof named === "string" && named.trim()) {
    ctx.commune = await findCommune(repos, named);
    return next();
  }
  const home = spec.fallback === "membership" ? needs(ctx, "actor").communeIds[0] : undefined;
  ctx.commune = home ? await repos.communes.get(home) : null;
  if (!ctx.commune && spec.commune === "required") return stopWith(ctx, "invalid", "commune.needed", { example: `/cdce ${def.name} commune:Namur` });
  return next();
});
