/**
 * What the "near you" digest lists: initiatives published and local events shared in a
 * week, each with a stable reference (`i-<initiative ref>`, `e-<event code>`) that its
 * buttons carry back.
 */
import type { Services } from "../../core/commands.js";
import type { CdceEvent } from "../events/index.js";
import { refOf, type Initiative } from "../initiatives/index.js";

export interface NearbyItem {
  /** `i-3f2a9c1b` or `e-k3x9q`. */
  ref: string;
  kind: "initiative" | "event";
  communeId: string;
  title: string;
  /** When it happens (event) or happened (initiative). */
  day: Date;
  place: string | null;
}

export const initiativeItem = (i: Initiative): NearbyItem => ({ ref: `i-${refOf(i.id)}`, kind: "initiative", communeId: i.communeId, title: i.title, day: i.happenedOn, place: i.place });

export const eventItem = (e: CdceEvent): NearbyItem => ({ ref: `e-${e.code}`, kind: "event", communeId: e.communeId ?? "", title: e.title, day: e.startsAt, place: e.place });

/** What a reference names, or null when it is no item reference. */
export function parseItemRef(ref: string | undefined): { kind: "initiative" | "event"; id: string } | null {
  const m = /^([ie])-([a-z0-9-]{3,36})$/i.exec((ref ?? "").trim().replace(/^`|`$/g, ""));
  if (!m) return null;
  return { kind: m[1]!.toLowerCase() === "i" ? "initiative" : "event", id: m[2]!.toLowerCase() };
}

/**
 * The items of the window [from, to): initiatives published then (`moderatedAt`: validated, or
 * created while moderation is off), and local events shared to the network then that have not ended.
 * Each item falls in exactly one window, so consecutive weekly digests never list it twice.
 */
export async function itemsBetween(services: Services, from: Date, to: Date): Promise<NearbyItem[]> {
  const [initiatives, events] = await Promise.all([
    services.community.initiatives.list({ statuses: ["published"], publishedSince: from, limit: 500 }),
    services.events.repo.list({ from: to, kinds: ["local"], limit: 500 }),
  ]);
  const published = initiatives.filter((i) => i.moderatedAt && i.moderatedAt >= from && i.moderatedAt < to);
  const shared = events.filter((e) => e.communeId && e.sharedAt && e.sharedAt >= from && e.sharedAt < to);
  return [...published.map(initiativeItem), ...shared.map(eventItem)];
}
