/**
 * What a commune's monthly update says, from its dashboard's data: the actions of the month
 * (its activity log, as `/cdce tableau` lists them), its local events still to come, its
 * Fair-O-Mètre position (due date, last grade, criteria with evidence, partners counted),
 * and the partners to thank (those credited on the month's actions, else all of them).
 */
import type { Services } from "../../core/commands.js";
import type { Commune } from "../../core/ports.js";
import { ACTION_KINDS, MOMENTUM_CONFIG, criteriaDone, fomStatus } from "../watch/index.js";
import type { Partner } from "../partners/index.js";
import type { Month } from "./month.js";

/** Lines per list: an update, not an archive. */
const ITEMS = 8;

export interface MonthlyData {
  commune: Commune;
  month: Month;
  /** `day`: the day the action says it happened (an initiative shared later), else when it was logged. */
  happened: { title: string; at: Date; day?: Date }[];
  planned: { title: string; startsAt: Date; code: string }[];
  fom: { dueOn: Date | null; daysLeft: number | null; grade: string | null; criteria: number[] };
  thanks: string[];
}

function titleOf(data: Record<string, unknown> | null | undefined, kind: string): string {
  for (const k of ["title", "name", "summary", "text"]) {
    const v = data?.[k];
    if (typeof v === "string" && v.trim()) return v.trim();
  }
  return kind;
}

function dayOf(data: Record<string, unknown> | null | undefined): { day?: Date } {
  const v = data?.happenedOn;
  return typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v) ? { day: new Date(`${v}T00:00:00Z`) } : {};
}

/** The month's data; `until` bounds "what happened" (now, for a preview of the month under way). */
export async function gatherMonth(services: Services, commune: Commune, month: Month, now: Date): Promise<MonthlyData> {
  const until = now < month.end ? now : month.end;
  const [recent, upcoming, history, partners] = await Promise.all([
    services.repos.activity.recent(commune.id, 300),
    services.events.repo.list({ from: now, communeId: commune.id, limit: ITEMS }),
    services.repos.communes.fomHistory(commune.id),
    services.community.partners.list(commune.id),
  ]);
  const actions = recent.filter((e) => e.at >= month.start && e.at < month.end && e.at <= until && (ACTION_KINDS as readonly string[]).includes(e.kind));
  const happened = actions.slice(0, ITEMS).map((e) => ({ title: titleOf(e.data, e.kind), at: e.at, ...dayOf(e.data) })).reverse();
  const planned = upcoming.filter((e) => e.state !== "cancelled" && e.startsAt > now).map((e) => ({ title: e.title, startsAt: e.startsAt, code: e.code }));
  const status = fomStatus(commune, history, now);
  // Partners count as evidence of criteria 2, 3 and 6 there, as `/cdce fom` shows them.
  const done = await criteriaDone({ repos: services.repos, watch: services.watch, community: services.community, config: MOMENTUM_CONFIG }, commune, now);
  return {
    commune,
    month,
    happened,
    planned,
    fom: { dueOn: status.dueOn, daysLeft: status.daysLeft, grade: status.last?.grade ?? null, criteria: [...done] },
    thanks: (await creditedThisMonth(services, actions, partners)).map((p) => p.name),
  };
}

/** The partners credited on the month's initiatives and events; all the commune's partners when none was. */
async function creditedThisMonth(services: Services, actions: readonly { kind: string; data?: Record<string, unknown> | null }[], all: readonly Partner[]): Promise<readonly Partner[]> {
  const found = new Map<string, Partner>();
  for (const a of actions) {
    const initiativeId = a.data?.initiativeId;
    const eventId = a.data?.eventId;
    const target = typeof initiativeId === "string" ? { kind: "initiative" as const, id: initiativeId } : typeof eventId === "string" ? { kind: "event" as const, id: eventId } : null;
    if (!target) continue;
    for (const p of await services.community.partners.linkedTo(target)) found.set(p.id, p);
  }
  return found.size ? [...found.values()].sort((a, b) => a.name.localeCompare(b.name)) : all;
}
