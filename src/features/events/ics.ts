/**
 * Calendar files (.ics, RFC 5545) with the maintained `ics` package, and "add to Google
 * Calendar" links. Times are written in UTC (`DTSTART:20270312T130000Z`): unambiguous in
 * every calendar application, which shows them in the reader's own zone. Each event keeps
 * one UID and a SEQUENCE bumped on every move or cancellation, so calendars update the
 * entry instead of adding a second one.
 */
import type * as Ics from "ics";
import type { EventAttributes } from "ics";
import { lazyRequire } from "../../core/lazy-require.js";
import type { CdceEvent } from "./model.js";

/** The ics package, loaded on the first calendar file (see lazy-require.ts). */
const ics = lazyRequire<typeof Ics>("ics");

/** Domain of the UIDs: stable, so that re-imports update the same entries. */
const UID_DOMAIN = "cdce-bot";
const PRODUCT_ID = "cdce-bot/events";

const utcArray = (d: Date): [number, number, number, number, number] => [
  d.getUTCFullYear(),
  d.getUTCMonth() + 1,
  d.getUTCDate(),
  d.getUTCHours(),
  d.getUTCMinutes(),
];

export const eventUid = (e: Pick<CdceEvent, "id">) => `${e.id}@${UID_DOMAIN}`;

function attributes(e: CdceEvent, extra: { description?: string }): EventAttributes {
  return {
    uid: eventUid(e),
    sequence: e.sequence,
    start: utcArray(e.startsAt),
    startInputType: "utc",
    startOutputType: "utc",
    end: utcArray(e.endsAt),
    endInputType: "utc",
    endOutputType: "utc",
    title: e.title,
    description: extra.description,
    location: e.place ?? e.link ?? undefined,
    url: e.link ?? undefined,
    status: e.state === "cancelled" ? "CANCELLED" : "CONFIRMED",
    productId: PRODUCT_ID,
    categories: [e.theme],
  };
}

/**
 * One calendar with these events (one file for one event, or a personal feed).
 * Throws if the library refuses the data (it validates every field).
 */
export function buildIcs(events: CdceEvent[], opts: { calendarName?: string; describe?: (e: CdceEvent) => string } = {}): string {
  const { error, value } = ics().createEvents(
    events.map((e) => attributes(e, { description: opts.describe?.(e) })),
    { productId: PRODUCT_ID, calName: opts.calendarName, method: "PUBLISH" },
  );
  if (error || !value) throw error ?? new Error("ics: empty calendar");
  return value;
}

const googleStamp = (d: Date) => d.toISOString().replace(/[-:]|\.\d{3}/g, "");

/** A link that opens Google Calendar's "new event" page filled in. */
export function googleCalendarLink(e: Pick<CdceEvent, "title" | "startsAt" | "endsAt" | "link" | "place" | "timeZone">, details = ""): string {
  const params = new URLSearchParams({
    action: "TEMPLATE",
    text: e.title,
    dates: `${googleStamp(e.startsAt)}/${googleStamp(e.endsAt)}`,
    ctz: e.timeZone,
    details: [details, e.link ?? ""].filter(Boolean).join("\n"),
    location: e.place ?? e.link ?? "",
  });
  return `https://calendar.google.com/calendar/render?${params.toString()}`;
}
