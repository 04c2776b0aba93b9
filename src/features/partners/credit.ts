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

/** `change`: what changed (`+<partner id>` credited, `-<partner id>` taken off). */
async function refresh(services: Services, before: Initiative, after: Initiative, now: Date, change: string): Promise<boolean> {
  if (before.status !== "published") return false;
  await withdraw(services, before);
  // Stamped with the change and its time: the same partners as an earlier post is still a new post.
  return announce(services, after, now, `${now.toISOString()}${change}`);
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
  return { changed, reposted: await refresh(services, r.initiative, after, now, `+${partner.id}`) };
}

export async function creditOff(services: Services, partner: Partner, r: ResolvedTarget, now: Date): Promise<CreditResult> {
  const changed = await services.community.partners.unlink(partner.id, r.target);
  if (!changed || !r.initiative) return { changed, reposted: false };
  return { changed, reposted: await refresh(services, r.initiative, r.initiative, now, `-${partner.id}`) };
}

/**
 * Removes a partner, and posts again the published initiatives that named it (their network
 * post would otherwise go on crediting a partner the commune took off its list).
 */
export async function removePartner(services: Services, partner: Partner, now: Date): Promise<void> {
  const targets = await services.community.partners.targetsOf(partner.id);
  await services.community.partners.remove(partner.id);
  for (const target of targets) {
    if (target.kind !== "initiative") continue;
    const initiative = await services.community.initiatives.get(target.id);
    if (initiative) await refresh(services, initiative, initiative, now, `-${partner.id}`);
  }
}
