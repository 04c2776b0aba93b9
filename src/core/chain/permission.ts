/**
 * Whether the caller may run the command: on the scope's commune when there is one, since a
 * right comes only from a (role, commune) pair held in THAT commune (a CoPil seat in Eupen
 * and a volunteer's badge in Namur manage Eupen, never Namur); else in some commune at least.
 */
import type { CommandDefinition } from "../commands.js";
import { can, grantedInCommune, grantedToEveryMember } from "../permissions.js";
import type { Actor } from "../types.js";
import { defineStep, needs, stopWith } from "./context.js";

/**
 * Whether the actor may use the command somewhere: what help and the plain-language front
 * door list. The same test the step below makes before knowing the commune (a right held
 * in some commune at least); the step then asks again on the commune acted on.
 */
export function mayUse(actor: Pick<Actor, "memberships">, def: Pick<CommandDefinition, "permission" | "hidden">): boolean {
  return !def.hidden && (!def.permission || can(actor, def.permission));
}

export const permission = defineStep("permission", async (ctx, next) => {
  const def = needs(ctx, "command");
  const actor = needs(ctx, "actor");
  if (!def.permission) return next();
  const commune = ctx.commune;
  if (commune && !can(actor, def.permission, { communeId: commune.id })) {
    // A right some commune's members hold: tell which commune it is reserved to. A
    // network-wide one (coordination's): the generic refusal.
    if (grantedInCommune(def.permission)) return stopWith(ctx, "refused", def.refusal ?? "commune.forbidden", { commune: commune.name, command: def.name }, { permission: def.permission, commune: commune.slug });
    return stopWith(ctx, "refused", "error.forbidden", { command: def.name }, { permission: def.permission, commune: commune.slug });
  }
  if (!commune && !can(actor, def.permission)) {
    // A right every member of a commune holds (sharing an initiative, posting an idea): what
    // the caller lacks is a commune, not coordination or a CoPil seat; say so.
    const key = grantedToEveryMember(def.permission) ? "error.membersOnly" : "error.forbidden";
    return stopWith(ctx, "refused", key, { command: def.name }, { permission: def.permission });
  }
  return next();
});
