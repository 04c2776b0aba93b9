/**
 * Local wall-clock times in an IANA zone, with luxon. Every instant is stored in UTC; a
 * reminder "at 09:00 the day before" is computed here, in the person's zone, so that it
 * stays at 09:00 across the DST changes (last Sundays of March and October).
 *
 * Kept apart from the outbox's own time helper on purpose: small, and all the core needs.
 */
import { DateTime } from "luxon";
import type { Locale } from "../types.js";

/** A wall-clock time of day. */
export interface LocalTime {
  hour: number;
  minute: number;
}

/**
 * The instant at `time` on the local day that is `daysBefore` days before the local day of
 * `instant`, in `zone`. A time that does not exist that day (the spring-forward gap) moves
 * forward, as luxon does; one that exists twice (autumn) takes the first.
 */
export function atLocalTimeDaysBefore(instant: Date, daysBefore: number, time: LocalTime, zone: string): Date {
  const local = DateTime.fromJSDate(instant, { zone }).startOf("day").minus({ days: daysBefore });
  return local.set({ hour: time.hour, minute: time.minute, second: 0, millisecond: 0 }).toJSDate();
}

/** The instant of a local date and time in `zone`, or null when it does not exist (31/02, DST gap). */
export function fromLocalParts(
  parts: { year: number; month: number; day: number; hour: number; minute: number },
  zone: string,
): Date | null {
  const dt = DateTime.fromObject({ ...parts, second: 0, millisecond: 0 }, { zone });
  if (!dt.isValid) return null;
  // luxon silently moves a time in the spring-forward gap: refuse it instead of guessing.
  if (dt.hour !== parts.hour || dt.minute !== parts.minute || dt.day !== parts.day) return null;
  return dt.toJSDate();
}

/**
 * Every instant a local date and time names in `zone`: none in the spring-forward gap, two
 * in the autumn hour that happens twice (earlier first), else one. Found by trying the
 * zone's offsets on either side of the date, so that no guess of luxon's is taken for it.
 */
export function localInstants(
  parts: { year: number; month: number; day: number; hour: number; minute: number },
  zone: string,
): Date[] {
  const wall = DateTime.fromObject({ ...parts, second: 0, millisecond: 0 }, { zone: "utc" });
  if (!wall.isValid || wall.day !== parts.day) return [];
  const offsets = new Set([-1, 1].map((days) => DateTime.fromMillis(wall.toMillis() + days * 86_400_000, { zone }).offset));
  const found = [...offsets]
    .map((offset) => wall.toMillis() - offset * 60_000)
    .filter((ms) => DateTime.fromMillis(ms, { zone }).offset * 60_000 === wall.toMillis() - ms);
  return [...new Set(found)].sort((a, b) => a - b).map((ms) => new Date(ms));
}

/** The zone's offset at an instant, as `+02:00`. */
export function offsetText(instant: Date, zone: string): string {
  return DateTime.fromJSDate(instant, { zone }).toFormat("ZZ");
}

/** Local calendar fields of an instant in a zone. */
export function localParts(instant: Date, zone: string) {
  const dt = DateTime.fromJSDate(instant, { zone });
  return { year: dt.year, month: dt.month, day: dt.day, hour: dt.hour, minute: dt.minute, weekday: dt.weekday };
}

const INTL_LOCALE: Record<Locale, string> = { fr: "fr-BE", de: "de-BE", nl: "nl-BE", en: "en-GB" };

/** "jeudi 12 mars 2027, 14:00" in the reader's language, in `zone`. */
export function formatLocal(instant: Date, zone: string, locale: Locale, opts: { weekday?: boolean; year?: boolean } = {}): string {
  return DateTime.fromJSDate(instant, { zone })
    .setLocale(INTL_LOCALE[locale])
    .toLocaleString({
      weekday: opts.weekday === false ? undefined : "long",
      day: "numeric",
      month: "long",
      year: opts.year === false ? undefined : "numeric",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
}

/** "12 mars 2027" in the reader's language: the local day of `instant` in `zone`. */
export function formatLocalDay(instant: Date, zone: string, locale: Locale): string {
  return DateTime.fromJSDate(instant, { zone }).setLocale(INTL_LOCALE[locale]).toLocaleString({ day: "numeric", month: "long", year: "numeric" });
}

/** "14:00" in `zone`. */
export function formatLocalTime(instant: Date, zone: string): string {
  return DateTime.fromJSDate(instant, { zone }).toFormat("HH:mm");
}

/** Whether two instants fall on the same local day in `zone`. */
export function sameLocalDay(a: Date, b: Date, zone: string): boolean {
  return DateTime.fromJSDate(a, { zone }).hasSame(DateTime.fromJSDate(b, { zone }), "day");
}
