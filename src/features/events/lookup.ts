/** Finding the event a command names, and who may change it. */
import type { Services } from "../../core/commands.js";
import { CdceError } from "../../core/errors.js";
import { can, PermissionDenied } from "../../core/permissions.js";
import type { Actor } from "../../core/types.js";
import { isNetworkEvent, type CdceEvent } from "./model.js";
import { prefixWithin } from "../../core/clip.js";

/** The event with this short code, or a clear error naming the code. */
export async function eventByCode(services: Services, code: string | undefined): Promise<CdceEvent> {
  if (!code) throw new CdceError("event.code_missing", "ev.codeMissing");
  const event = await services.events.repo.byCode(code);
  if (!event) throw new CdceError("event.unknown", "ev.unknown", { code: prefixWithin(code, 20) });
  return event;
}

/**
 * Who may change (cancel, move, record attendance of) an event: coordination for network
 * webinars and trainings; the commune's CoPil (and staff, councillors) for a local event.
 */
export function canManage(actor: Actor, event: CdceEvent): boolean {
  return isNetworkEvent(event) ? can(actor, "network.admin") : can(actor, "commune.manage", { communeId: event.communeId });
}

export function assertCanManage(actor: Actor, event: CdceEvent, command: string): void {
  if (!canManage(actor, event)) throw new PermissionDenied("event.forbidden", "error.forbidden", { command });
}
