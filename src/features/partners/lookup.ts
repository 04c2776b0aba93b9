/**
 * What the partner commands share: reading a partner's contact details, finding a partner
 * of a commune by the name people type, and the initiative or event it is credited on
 * (which must be an action of the same commune).
 */
import type { Services } from "../../core/commands.js";
import type { Commune } from "../../core/ports.js";
import type { Actor } from "../../core/types.js";
import { CdceError } from "../../core/errors.js";
import { prefixWithin } from "../../core/clip.js";
import { slugify } from "../../core/slug.js";
import { findInitiative, type Initiative } from "../initiatives/index.js";
import type { Partner, PartnerTarget } from "./ports.js";

const EMAIL = /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/;
const PHONE = /^\+?[0-9][0-9 ./()-]{5,24}$/;

/** The checked email (null when not given); a clear error otherwise. */
export function readEmail(raw: string | undefined): string | null {
  if (!raw) return null;
  if (!EMAIL.test(raw)) throw new CdceError("partner.bad_email", "partner.error.badEmail", { value: prefixWithin(raw, 60) });
  return raw;
}

export function readPhone(raw: string | undefined): string | null {
  if (!raw) return null;
  if (!PHONE.test(raw)) throw new CdceError("partner.bad_phone", "partner.error.badPhone", { value: prefixWithin(raw, 40) });
  return raw;
}

/** The commune's partner of that name (accents and case aside). */
export async function findPartner(services: Services, commune: Commune, name: string | undefined): Promise<Partner> {
  if (!name) throw new CdceError("partner.name_missing", "partner.error.nameMissing");
  const found = await services.community.partners.find(commune.id, slugify(name));
  if (!found) throw new CdceError("partner.not_found", "partner.error.notFound", { commune: commune.name, name: prefixWithin(name, 80) });
  return found;
}

export interface ResolvedTarget {
  target: PartnerTarget;
  /** Its title, as the replies name it. */
  title: string;
  initiative?: Initiative;
}

/** The initiative (`initiative:`) or event (`evenement:`) named, when it is an action of `commune`. */
export async function resolveTarget(services: Services, actor: Actor, commune: Commune, o: { initiative?: string; evenement?: string }): Promise<ResolvedTarget | null> {
  if (o.initiative) {
    const i = await findInitiative(services, o.initiative, actor);
    if (i.communeId !== commune.id) throw new CdceError("partner.other_commune", "partner.error.otherCommune", { target: i.title, commune: commune.name });
    return { target: { kind: "initiative", id: i.id }, title: i.title, initiative: i };
  }
  if (o.evenement) {
    const e = await services.events.repo.byCode(o.evenement.trim().toLowerCase());
    if (!e) throw new CdceError("event.unknown", "ev.unknown", { code: prefixWithin(o.evenement, 20) });
    if (e.communeId !== commune.id) throw new CdceError("partner.other_commune", "partner.error.otherCommune", { target: e.title, commune: commune.name });
    return { target: { kind: "event", id: e.id }, title: e.title };
  }
  return null;
}
