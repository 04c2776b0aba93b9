/** Finding the kit a coordination command names, with a clear error when there is none. */
import type { Kit } from "../../core/ports.js";
import { CdceError } from "../../core/errors.js";
import { prefixWithin } from "../../core/clip.js";
import { fold } from "../../core/fold.js";
import type { KitCatalog } from "./service.js";

/** The kit of that id (withdrawn ones too: their history stays reachable). */
export async function kitById(kits: KitCatalog, raw: string | undefined): Promise<Kit> {
  const id = fold(raw ?? "").trim().replace(/^`|`$/g, "");
  const kit = id ? await kits.get(id) : null;
  if (!kit) throw new CdceError("kit.not_found", "kit.notFound", { id: prefixWithin(raw ?? "", 80) });
  return kit;
}
