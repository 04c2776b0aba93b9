/**
 * What each feed holds, read from the events feature and the communes:
 * - personal: the events the person holds a seat or waits for (cancelled ones stay, marked
 *   CANCELLED, so calendars take them down), alarms at the person's reminder offsets, and
 *   for a CoPil member the Fair-O-Mètre due date of their commune as an all-day entry;
 * - commune: its local events; network: the webinars and trainings.
 * Past entries stay a while so that a calendar does not lose what just happened.
 */
import type { Services } from "../../core/commands.js";
import type { Translate } from "../../core/i18n/catalogue.js";
import { DEFAULT_TIME_ZONE } from "../../core/types.js";
import { eventUid, isNetworkEvent, reminderDue, type CdceEvent, type Offset } from "../events/index.js";
import type { FeedEntry } from "./ics-feed.js";

/** How far back a feed still shows what happened. */
export const PAST_DAYS = 60;
/** Most events in one feed. */
export const MAX_ENTRIES = 500;

export type FeedSources = Pick<Services, "events" | "repos">;

const since = (now: Date) => new Date(now.getTime() - PAST_DAYS * 86_400_000);

/** A Fair-O-Mètre due date's UID: one per commune and due day (a new date is a new entry). */
export const fomUid = (communeId: string, due: Date) => `fom-${communeId}-${due.toISOString().slice(0, 10).replace(/-/g, "")}@cdce-bot`;

function eventEntry(e: CdceEvent, extra: { waiting?: boolean; alarms?: number[]; note?: string } = {}): FeedEntry {
  const description = [e.description ?? "", isNetworkEvent(e) ? e.link ?? "" : "", extra.note ?? ""].filter(Boolean).join("\n\n");
  return {
    uid: eventUid(e),
    sequence: e.sequence,
    summary: e.title,
    description,
    location: e.place ?? e.link ?? undefined,
    url: e.link ?? undefined,
    status: e.state === "cancelled" ? "CANCELLED" : extra.waiting ? "TENTATIVE" : "CONFIRMED",
    when: { kind: "timed", start: e.startsAt, end: e.endsAt, timeZone: e.timeZone || DEFAULT_TIME_ZONE },
    alarms: e.state === "cancelled" ? [] : extra.alarms,
  };
}

/** Seconds before the start of each alarm, as the bot's own reminders would fire (day offsets at 09:00 local). */
export function alarmSeconds(start: Date, offsets: readonly Offset[], zone: string): number[] {
  const out = new Set<number>();
  for (const o of offsets) {
    const seconds = Math.round((start.getTime() - reminderDue(start, o, zone).getTime()) / 1000);
    if (seconds > 0) out.add(seconds);
  }
  return [...out].sort((a, b) => b - a);
}

async function earliestSlot(s: FeedSources, event: CdceEvent, slotIds: string[]): Promise<Date> {
  const starts = (await s.events.repo.slots(event.id)).filter((slot) => slotIds.includes(slot.id)).map((slot) => slot.startsAt.getTime());
  return starts.length ? new Date(Math.min(...starts)) : event.startsAt;
}

export async function personalEntries(s: FeedSources, personId: string, now: Date, t: Translate): Promise<FeedEntry[]> {
  const person = await s.repos.identity.getPerson(personId);
  const zone = person?.timeZone ?? DEFAULT_TIME_ZONE;
  // One entry per event (a volunteer may hold several slots of one): a seat wins over a wait.
  const byEvent = new Map<string, { event: CdceEvent; going: boolean; slotIds: string[] }>();
  for (const { event, registration } of await s.events.repo.forPerson(personId, since(now))) {
    const seen = byEvent.get(event.id) ?? { event, going: false, slotIds: [] };
    const going = registration.status === "going";
    byEvent.set(event.id, { event, going: seen.going || going, slotIds: going && registration.slotId ? [...seen.slotIds, registration.slotId] : seen.slotIds });
  }
  const entries: FeedEntry[] = [];
  for (const { event, going, slotIds } of [...byEvent.values()].slice(0, MAX_ENTRIES)) {
    let alarms: number[] = [];
    if (going && event.state === "scheduled") {
      // The entry keeps the event's own times (its UID is the event's, as in the .ics file), but
      // the alarms ring when the bot's reminders do: before the earliest slot the person holds.
      const anchor = slotIds.length ? await earliestSlot(s, event, slotIds) : event.startsAt;
      const late = (anchor.getTime() - event.startsAt.getTime()) / 1000;
      alarms = alarmSeconds(anchor, (await s.events.offsetsFor(personId, event)).offsets, zone).map((sec) => sec - late);
    }
    entries.push(eventEntry(event, { waiting: !going, alarms, note: going ? undefined : t("feeds.waitlist") }));
  }
  const copilOf = new Set((await s.repos.memberships.activeFor(personId, now)).filter((m) => m.role === "copil" && m.communeId).map((m) => m.communeId!));
  for (const communeId of copilOf) {
    const commune = await s.repos.communes.get(communeId);
    if (!commune?.fomDueOn) continue;
    entries.push({
      uid: fomUid(commune.id, commune.fomDueOn),
      sequence: 0,
      summary: t("feeds.fom.summary", { commune: commune.name }),
      description: t("feeds.fom.description", { commune: commune.name }),
      status: "CONFIRMED",
      when: { kind: "day", day: commune.fomDueOn },
    });
  }
  return entries;
}

export async function communeEntries(s: FeedSources, communeId: string, now: Date): Promise<FeedEntry[]> {
  const events = await s.events.repo.list({ from: since(now), kinds: ["local"], communeId, includeCancelled: true, limit: MAX_ENTRIES });
  return events.map((e) => eventEntry(e));
}

export async function networkEntries(s: FeedSources, now: Date): Promise<FeedEntry[]> {
  const events = await s.events.repo.list({ from: since(now), kinds: ["webinar", "training"], includeCancelled: true, limit: MAX_ENTRIES });
  return events.map((e) => eventEntry(e));
}
