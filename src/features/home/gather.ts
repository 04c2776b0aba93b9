/**
 * What a home (a person's) or a board (a commune's, or coordination's) shows, read from the
 * services: the communes with their Fair-O-Mètre countdown, criteria and momentum; for
 * coordination the weakest communes and the latest alerts; registrations, next events and the
 * network's latest initiatives. Lists are short on purpose: a home is a glance, not an archive.
 */
import type { Services } from "../../core/commands.js";
import type { Commune } from "../../core/ports.js";
import type { CdceEvent, Registration } from "../events/index.js";
import type { Initiative } from "../initiatives/index.js";
import { criteriaDone, fomStatus, scoreAll, scoreMomentum, semaineWindowsBefore, type Criterion, type FomStatus, type MomentumResult, type ScoredCommune } from "../watch/index.js";

/** Items per list. */
export const ITEMS = 3;
/** Communes shown on one person's home (a coordinator's own memberships aside). */
export const MAX_COMMUNES = 4;

export interface CommuneGlance {
  commune: Commune;
  fom: FomStatus;
  done: Criterion[];
  momentum: MomentumResult;
}

export interface AlertGlance {
  commune: Commune;
  at: Date;
  level: MomentumResult["level"];
}

export interface HomeData {
  communes: CommuneGlance[];
  /** More communes than shown. */
  moreCommunes: number;
  /** Coordination's view of the network, when the reader is coordination (or it is coordination's board). */
  network?: { weakest: ScoredCommune[]; alerts: AlertGlance[] };
  /** The person's own registrations (none on a board). */
  mine: Array<{ event: CdceEvent; registration: Registration }>;
  next: CdceEvent[];
  initiatives: Initiative[];
}

export async function communeGlance(services: Services, commune: Commune, now: Date): Promise<CommuneGlance> {
  const [history, signals, done] = await Promise.all([
    services.repos.communes.fomHistory(commune.id),
    services.watch.momentum.signalsFor(commune.id, now, semaineWindowsBefore(now)),
    criteriaDone(services, commune, now),
  ]);
  return { commune, fom: fomStatus(commune, history, now), done, momentum: scoreMomentum(signals, now) };
}

async function networkGlance(services: Services, now: Date): Promise<NonNullable<HomeData["network"]>> {
  const [scored, latest] = await Promise.all([scoreAll(services, now), services.watch.momentum.latestAll()]);
  const weakest = [...scored].sort((a, b) => a.result.score - b.result.score).slice(0, ITEMS);
  const byId = new Map(scored.map((s) => [s.commune.id, s.commune]));
  const alerts: AlertGlance[] = [];
  for (const [communeId, heads] of latest) {
    const commune = byId.get(communeId);
    if (heads.lastAlert && commune) alerts.push({ commune, at: heads.lastAlert.at, level: heads.lastAlert.level });
  }
  alerts.sort((a, b) => b.at.getTime() - a.at.getTime());
  return { weakest, alerts: alerts.slice(0, ITEMS) };
}

/** Upcoming events: the network's, and those of the communes given; cancelled ones left out. */
async function nextEvents(services: Services, communeIds: readonly string[], now: Date): Promise<CdceEvent[]> {
  const lists = await Promise.all([
    services.events.repo.list({ from: now, limit: ITEMS * 2 }),
    ...communeIds.map((communeId) => services.events.repo.list({ from: now, communeId, limit: ITEMS })),
  ]);
  const seen = new Set<string>();
  return lists
    .flat()
    .filter((e) => e.state !== "cancelled" && e.startsAt > now && (e.kind !== "local" || (e.communeId !== null && communeIds.includes(e.communeId))) && !seen.has(e.id) && seen.add(e.id))
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())
    .slice(0, ITEMS);
}

/** The home of a person: their communes (home commune first), what they registered for. */
export async function gatherHome(services: Services, who: { personId: string; communeIds: readonly string[]; coordination: boolean }, now: Date): Promise<HomeData> {
  const ids = who.communeIds.slice(0, MAX_COMMUNES);
  const communes = (await Promise.all(ids.map((id) => services.repos.communes.get(id)))).filter((c): c is Commune => !!c);
  const [glances, network, mine, next, initiatives] = await Promise.all([
    Promise.all(communes.map((c) => communeGlance(services, c, now))),
    who.coordination ? networkGlance(services, now) : Promise.resolve(undefined),
    services.events.repo.forPerson(who.personId, now),
    nextEvents(services, ids, now),
    services.community.initiatives.list({ statuses: ["published"], limit: ITEMS }),
  ]);
  return {
    communes: glances,
    moreCommunes: Math.max(0, who.communeIds.length - ids.length),
    network,
    mine: mine.filter((m) => m.event.state !== "cancelled" && m.registration.status !== "left").slice(0, ITEMS),
    next,
    initiatives: initiatives.slice(0, ITEMS),
  };
}

/** A channel's board: its commune's, or (no commune) coordination's view of the network. */
export async function gatherBoard(services: Services, commune: Commune | null, now: Date): Promise<HomeData> {
  const ids = commune ? [commune.id] : [];
  const [glance, network, next, initiatives] = await Promise.all([
    commune ? communeGlance(services, commune, now) : Promise.resolve(undefined),
    commune ? Promise.resolve(undefined) : networkGlance(services, now),
    nextEvents(services, ids, now),
    services.community.initiatives.list({ statuses: ["published"], limit: ITEMS }),
  ]);
  return { communes: glance ? [glance] : [], moreCommunes: 0, network, mine: [], next, initiatives: initiatives.slice(0, ITEMS) };
}
