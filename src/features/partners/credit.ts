/**
 * Crediting a partner on an initiative or an event, and taking the credit back. A published
 * initiative's network post names its partners: it is withdrawn and posted again (the
 * platforms cannot edit a post through the outbox). The partner's kind joins the
 * initiative's partner kinds, which the Fair-O-Mètre evidence reads.
 */
import type { Services } from "../../core/commands.js";
import { activityData, announce, PARTNER_KINDS as INITIATIVE_PARTNER_KINDS, withdraw, type Initiative } from "../initiatives/index.js";
import type { Partner } from "./ports.js";
import type { ResolvedTarget } from "./lookup.js";

export interface CreditResult {
  /** False when it was already credited (nothing changed). */
  changed: boolean;
  /** Whether the network post went out again with the partner. */
  reposted: boolean;
}

async function refresh(services: Services, before: Initiative, after: Initiative, now: Date): Promise<boolean> {
  if (before.status !== "published") return false;
  await withdraw(services, before);
  return announce(services, after, now);
}

export async function creditOn(services: Services, partner: Partner, r: ResolvedTarget, now: Date): Promise<CreditResult> {
  const changed = await services.community.partners.link(partner.id, r.target);
  if (!changed || !r.initiative) return { changed, reposted: false };
  let after = r.initiative;
  const kinds = INITIATIVE_PARTNER_KINDS as readonly string[];
  if (kinds.includes(partner.kind) && !(after.partnerKinds as readonly string[]).includes(partner.kind)) {
    after = await services.community.initiatives.update(after.id, { partnerKinds: [...after.partnerKinds, partner.kind as (typeof INITIATIVE_PARTNER_KINDS)[number]] });
    await services.community.initiatives.updateActivity(after.id, activityData(after));
  }
  return { changed, reposted: await refresh(services, r.initiative, after, now) };
}

export async function creditOff(services: Services, partner: Partner, r: ResolvedTarget, now: Date): Promise<CreditResult> {
  const changed = await services.community.partners.unlink(partner.id, r.target);
  if (!changed || !r.initiative) return { changed, reposted: false };
  return { changed, reposted: await refresh(services, r.initiative, r.initiative, now) };
}
