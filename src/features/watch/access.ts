/**
 * Which commune a watch command is about, and whether the caller may see or change it.
 * A name given wins; otherwise the caller's home commune; coordination must name one.
 */
import type { Actor } from "../../core/types.js";
import type { Commune, Repositories } from "../../core/ports.js";
import { CdceError } from "../../core/errors.js";
import { requirePermission, type Permission } from "../../core/permissions.js";
import { prefixWithin } from "../../core/clip.js";

/** The commune named, or the caller's home commune; a clear error otherwise. */
export async function communeFor(repos: Pick<Repositories, "communes">, actor: Actor, name: string | undefined, example: string): Promise<Commune> {
  if (name && name.trim()) {
    const found = await repos.communes.findByName(name);
    if (!found) throw new CdceError("commune.unknown", "commune.unknown", { name: prefixWithin(name, 60) });
    return found;
  }
  const home = actor.communeIds[0];
  const commune = home ? await repos.communes.get(home) : null;
  if (!commune) throw new CdceError("watch.commune_needed", "watch.commune.needed", { example });
  return commune;
}

/** Throws the "reserved to the CoPil and coordination" error unless allowed (reading by default). */
export function requireCommune(actor: Actor, commune: Commune, permission: Permission = "commune.view"): void {
  requirePermission(actor, permission, { communeId: commune.id }, ["watch.forbidden", "watch.commune.forbidden", { commune: commune.name }]);
}
