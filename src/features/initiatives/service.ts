/**
 * What the initiative commands share: finding an initiative from the reference people
 * type, the attribution shown on a card, the moderation setting, and sending or
 * withdrawing the network posts through the Notifier.
 */
import type { Services } from "../../core/commands.js";
import { CdceError } from "../../core/errors.js";
import { canSeeUnpublished } from "../../core/permissions.js";
import type { Actor } from "../../core/types.js";
import type { Initiative } from "./ports.js";
import { channelPrefixes, moderationRequest, networkPost } from "./notifications.js";
import type { CardInfo } from "./render.js";
import { prefixWithin } from "../../core/clip.js";
import { isoDay } from "../../core/time/local.js";

/** The setting coordination turns on with `/cdce config moderation oui`. */
export const MODERATION_KEY = "initiatives.moderation";

export async function moderationOn(services: Services): Promise<boolean> {
  return (await services.community.settings.get(MODERATION_KEY)) === true;
}

/**
 * Finds an initiative by full id or by its first characters, as `actor` may see it; clear
 * errors otherwise. One not yet published exists only for its author, its commune's CoPil
 * and coordination: for anyone else it is "not found", whatever the command.
 */
export async function findInitiative(services: Services, ref: string | undefined, actor: Pick<Actor, "memberships" | "personId">): Promise<Initiative> {
  const r = (ref ?? "").trim().replace(/^`|`$/g, "");
  if (!r) throw new CdceError("initiative.ref_missing", "initiative.error.refMissing");
  const visible = (i: Initiative) => i.status === "published" || canSeeUnpublished(actor, i);
  const exact = r.length === 36 ? await services.community.initiatives.get(r) : null;
  if (exact && visible(exact)) return exact;
  const found = (await services.community.initiatives.findByPrefix(r)).filter(visible);
  if (found.length === 0) throw new CdceError("initiative.not_found", "initiative.error.notFound", { ref: prefixWithin(r, 40) });
  if (found.length > 1) throw new CdceError("initiative.ambiguous", "initiative.error.ambiguous", { ref: prefixWithin(r, 40) });
  return found[0]!;
}

/** Commune name and author name as shown on the card. */
export async function cardInfo(services: Services, i: Initiative): Promise<CardInfo> {
  const [commune, author, follows, partners] = await Promise.all([
    services.repos.communes.get(i.communeId),
    i.authorId ? services.repos.identity.getPerson(i.authorId) : Promise.resolve(null),
    services.community.initiatives.followCounts([i.id]),
    services.community.partners.linkedTo({ kind: "initiative", id: i.id }),
  ]);
  const partnerNames = partners.map((p) => p.name);
  return { communeName: commune?.name ?? "?", province: commune?.province ?? null, authorName: author?.name ?? null, follows: follows.get(i.id) ?? 0, ...(partnerNames.length ? { partnerNames } : {}) };
}

/** Records the initiative as activity of its commune: the momentum watch and the FOM evidence read these. */
export async function recordActivity(services: Services, i: Initiative, now: Date): Promise<void> {
  await services.repos.activity.record({
    communeId: i.communeId,
    personId: i.authorId,
    kind: "initiative",
    at: now,
    data: activityData(i),
  });
}

/**
 * The details of an `initiative` activity event: what the momentum watch and the
 * Fair-O-Mètre evidence read (criteria served, kind, partners, the day of the action).
 * `initiativeId` first: the data layer finds an initiative's events by it.
 */
export function activityData(i: Initiative): Record<string, unknown> {
  return {
    initiativeId: i.id,
    kind: i.kind,
    criteria: i.criteria,
    partnerKinds: i.partnerKinds,
    happenedOn: isoDay(i.happenedOn),
    title: i.title,
  };
}

/** Queues the network post (a published initiative) or the moderation request (pending); true when it is in the outbox. */
export async function announce(services: Services, i: Initiative, now: Date, revision?: string): Promise<boolean> {
  const info = { ...(await cardInfo(services, i)), ...(revision ? { revision } : {}) };
  const n = i.status === "published" ? networkPost(i, info, now) : i.status === "pending" ? moderationRequest(i, info, now) : null;
  if (!n) return false;
  const result = await services.notifier.enqueue(n);
  services.logger.info({ initiative: i.id, status: i.status, ...result }, "initiative announced");
  return services.notifier.queuedUnder(n.key) > 0;
}

/**
 * Withdraws what was posted in channels for the initiative: messages not sent yet are
 * cancelled, posts already out are removed on every platform (through the outbox).
 */
export async function withdraw(services: Services, i: Initiative): Promise<{ cancelled: number; removing: number }> {
  let cancelled = 0;
  let removing = 0;
  for (const prefix of channelPrefixes(i.id)) {
    const r = await services.notifier.retract(prefix);
    cancelled += r.cancelled;
    removing += r.removing;
  }
  services.logger.info({ initiative: i.id, cancelled, removing }, "initiative posts withdrawn");
  return { cancelled, removing };
}
