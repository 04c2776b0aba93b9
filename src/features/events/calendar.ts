/**
 * Events mirrored on the platforms' own calendars (Discord's guild scheduled events): the
 * entry an event shows there, queued through the outbox under `evt:<id>:calendar:s<sequence>`
 * each time the event is created, moved, edited or cancelled (the older versions still
 * waiting are dropped; one arriving late never overwrites a newer one, see
 * src/delivery/calendar-sync.ts), and the number of people interested there, read when a
 * card is shown (cached briefly, never waited for long).
 */
import type { CalendarMirrorStore, CalendarEntry, PlatformCalendars } from "../../core/calendar.js";
import { clip } from "../../core/clip.js";
import type { Notifier, Recipient } from "../../core/notify.js";
import { isNetworkEvent, type CdceEvent } from "./model.js";
import { commandWord } from "./render.js";

/** Where the events feature finds the mirrors and the platforms' counts. */
export interface EventCalendar {
  mirrors: CalendarMirrorStore;
  platforms: PlatformCalendars;
}

/** Key prefix of every calendar update of one event. */
export const calendarPrefix = (eventId: string) => `evt:${eventId}:calendar:`;

/** The line that identifies the event in its entry's description (and tells how to see it here). */
export const calendarMarker = (e: Pick<CdceEvent, "kind" | "code">) => `/cdce ${commandWord(e)} ${e.code}`;

/** The entry the event shows on a platform calendar. */
export function calendarEntry(e: CdceEvent): CalendarEntry {
  const marker = calendarMarker(e);
  const body = e.description ? `${clip(e.description, 1000 - marker.length - 2)}\n\n` : "";
  return {
    ref: e.id,
    sequence: e.sequence,
    title: clip(e.title, 100),
    description: `${body}${marker}`,
    marker,
    startsAt: e.startsAt,
    endsAt: e.endsAt,
    location: clip(e.link ?? e.place ?? e.title, 100),
    cancelled: e.state === "cancelled",
  };
}

/** Network events go to the network's workspaces, local ones to their commune's. */
function calendarRecipient(e: CdceEvent): Recipient {
  return isNetworkEvent(e) || !e.communeId ? { kind: "purpose", purpose: "network" } : { kind: "purpose", purpose: "commune", communeId: e.communeId };
}

/** Queues the event's current version for every calendar that should show it. */
export async function mirrorOnCalendars(notifier: Notifier, e: CdceEvent, now: Date): Promise<void> {
  if (!notifier.calendar) return;
  // A version not applied yet is superseded by this one (and would be skipped anyway).
  await notifier.cancel(calendarPrefix(e.id));
  await notifier.calendar({
    key: `${calendarPrefix(e.id)}s${e.sequence}`,
    to: calendarRecipient(e),
    dueAt: now,
    // Nothing to show or take down once the event is over.
    expiresAt: e.endsAt,
    entry: calendarEntry(e),
    summary: `${e.state === "cancelled" ? "✕ " : ""}${e.title} (${e.code})`,
  });
}

/** People interested in the event on the platforms' calendars, or null when none can tell now. */
export async function interestedIn(calendar: EventCalendar | undefined, e: Pick<CdceEvent, "id" | "state">): Promise<number | null> {
  if (!calendar || e.state === "cancelled") return null;
  const mirrors = await calendar.mirrors.forRef(e.id);
  return mirrors.length ? calendar.platforms.interested(mirrors) : null;
}
