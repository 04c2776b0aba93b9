/**
 * One subscribable calendar (RFC 5545, with the calendar properties of RFC 7986), written with
 * ical-generator. Timed entries are written in their zone's local time with its VTIMEZONE
 * (Europe/Brussels from @touch4it/ical-timezones), so a calendar shows 14:00 on both sides of
 * a DST change; an all-day entry (a Fair-O-Mètre due date) is a DATE.
 *
 * ical-generator writes the calendar's NAME and X-WR-CALDESC without escaping and has no
 * RFC 7986 DESCRIPTION: those lines are added here, escaped and folded.
 */
import ical, { ICalAlarmRelatesTo, ICalAlarmType, ICalCalendarMethod, ICalEventStatus, ICalEventTransparency } from "ical-generator";
import { getVtimezoneComponent } from "@touch4it/ical-timezones";
import { DateTime } from "luxon";

export const PRODUCT = { company: "cdce-bot", product: "calendar-feeds", language: "FR" } as const;

/** How often calendar applications are asked to look again (RFC 7986 REFRESH-INTERVAL). */
export const REFRESH_SECONDS = 3600;

export interface FeedEntry {
  /** Stable across versions and across the one-off .ics files of the same event. */
  uid: string;
  /** Raised on every change that matters to a calendar (time, place, status, title, link). */
  sequence: number;
  summary: string;
  description?: string;
  location?: string;
  url?: string;
  status: "CONFIRMED" | "TENTATIVE" | "CANCELLED";
  /** A timed entry in its zone, or an all-day entry on a day stored as UTC midnight. */
  when: { kind: "timed"; start: Date; end: Date; timeZone: string } | { kind: "day"; day: Date };
  /** Seconds before the start at which to show an alarm (negative: after the start, a volunteer's later slot). */
  alarms?: number[];
}

export interface FeedCalendar {
  name: string;
  description: string;
  /** The site the feed belongs to (RFC 7986 URL). */
  url?: string;
  /** Where the feed itself is fetched again (RFC 7986 SOURCE). */
  source?: string;
  entries: FeedEntry[];
  /** DTSTAMP: when this copy of the calendar was made (METHOD:PUBLISH). */
  now: Date;
}

/** TEXT value escaping (RFC 5545 3.3.11). */
export function escapeText(s: string): string {
  return s.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r\n|\r|\n/g, "\\n");
}

/** Folds one content line at 75 octets, never inside a UTF-8 character (RFC 5545 3.1). */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = "";
  let octets = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch, "utf8");
    const limit = out.length === 0 ? 75 : 74; // continuation lines start with a space
    if (octets + size > limit) {
      out.push(current);
      current = "";
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join("\r\n ");
}

const local = (d: Date, zone: string) => DateTime.fromJSDate(d, { zone });

export function buildFeed(feed: FeedCalendar): string {
  const cal = ical({ prodId: PRODUCT, method: ICalCalendarMethod.PUBLISH, ttl: REFRESH_SECONDS });
  cal.timezone({ name: null, generator: getVtimezoneComponent });
  if (feed.url) cal.url(feed.url);
  if (feed.source) cal.source(feed.source);
  for (const e of feed.entries) {
    const event = cal.createEvent({
      id: e.uid,
      sequence: e.sequence,
      stamp: feed.now,
      summary: e.summary,
      description: e.description || null,
      location: e.location || null,
      url: e.url || null,
      status: ICalEventStatus[e.status],
      ...(e.when.kind === "timed"
        ? { start: local(e.when.start, e.when.timeZone), end: local(e.when.end, e.when.timeZone), timezone: e.when.timeZone }
        : { start: e.when.day, end: new Date(e.when.day.getTime() + 86_400_000), allDay: true, transparency: ICalEventTransparency.TRANSPARENT }),
    });
    // Related to the start explicitly: without it ical-generator ties a trigger after the start
    // to the END (and its constructor ignores a `relatesTo` option, hence the call).
    for (const seconds of e.alarms ?? []) event.createAlarm({ type: ICalAlarmType.display, trigger: seconds, description: e.summary }).relatesTo(ICalAlarmRelatesTo.start);
  }
  const calendarLines = [
    `NAME:${escapeText(feed.name)}`,
    `X-WR-CALNAME:${escapeText(feed.name)}`,
    `DESCRIPTION:${escapeText(feed.description)}`,
    `X-WR-CALDESC:${escapeText(feed.description)}`,
  ].map(foldLine);
  // After METHOD, before the time zones and the events: still the calendar's own properties.
  return cal.toString().replace("METHOD:PUBLISH\r\n", () => `METHOD:PUBLISH\r\n${calendarLines.join("\r\n")}\r\n`);
}
