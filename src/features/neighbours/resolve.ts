/** What a digest item's reference names: an initiative or a local event, with its owners. */
import type { Services } from "../../core/commands.js";
import type { Actor } from "../../core/types.js";
import { CdceError } from "../../core/errors.js";
import { prefixWithin } from "../../core/clip.js";
import { findInitiative, refOf, type Initiative } from "../initiatives/index.js";
import type { CdceEvent } from "../events/index.js";
import { parseItemRef } from "./items.js";

export interface ResolvedItem {
  ref: string;
  title: string;
  /** The initiative's kind or the event's type (what the evidence checklist reads). */
  type: string;
  /** The commune that shared it and, for a joint event, its co-owners. */
  owners: string[];
  fromName: string;
  initiative?: Initiative;
  event?: CdceEvent;
}

/** The item, or null when the reference is not one; an unknown item is a clear error. */
export async function resolveItem(services: Services, ref: string | undefined, actor: Actor): Promise<ResolvedItem | null> {
  const parsed = parseItemRef(ref);
  if (!parsed) return null;
  if (parsed.kind === "initiative") {
    const i = await findInitiative(services, parsed.id, actor);
    const from = await services.repos.communes.get(i.communeId);
    return { ref: `i-${refOf(i.id)}`, title: i.title, type: i.kind, owners: [i.communeId], fromName: from?.name ?? "?", initiative: i };
  }
  const e = await services.events.repo.byCode(parsed.id);
  if (!e || e.kind !== "local" || !e.communeId) throw new CdceError("neighbours.unknown_event", "nb.unknownEvent", { ref: prefixWithin(ref ?? "", 40) });
  const from = await services.repos.communes.get(e.communeId);
  return { ref: `e-${e.code}`, title: e.title, type: e.theme, owners: [e.communeId, ...(await services.events.repo.coOwners(e.id))], fromName: from?.name ?? "?", event: e };
}
