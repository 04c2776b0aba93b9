/** Finding the feast a command names, within one commune. */
import type { Services } from "../../core/commands.js";
import type { Commune } from "../../core/ports.js";
import { CdceError } from "../../core/errors.js";
import { prefixWithin } from "../../core/clip.js";
import type { LocalFeast } from "./ports.js";

export async function feastOf(services: Services, ref: string | undefined, commune: Commune): Promise<LocalFeast> {
  const r = (ref ?? "").trim().replace(/^`|`$/g, "");
  const found = (await services.feasts.findByPrefix(r)).filter((f) => f.communeId === commune.id);
  if (found.length === 0) throw new CdceError("feast.not_found", "fe.notFound", { ref: prefixWithin(r, 40), commune: commune.name });
  if (found.length > 1) throw new CdceError("feast.ambiguous", "fe.ambiguous", { ref: prefixWithin(r, 40) });
  return found[0]!;
}
