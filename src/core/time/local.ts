/**
 * Local wall-clock times in an IANA zone, with luxon. Every instant is stored in UTC; a
 * reminder "at 09:00 the day before" is computed here, in the person's zone, so that it
 * stays at 09:00 across the DST changes (last Sundays of March and October).
 *
 * The one home of local-time computations (the network lives in Europe/Brussels, but a
 * commune or a person may have another zone): reminders, deadlines, days as stored (UTC
 * midnight of the local day), and the wall clock shown back to people.
 */
import { DateTime, type Zone } from "luxon";
import type { Locale } from "../types.js";
import { boundedMemo } from "./memo.js";

const displayMemo = boundedMemo<string>(2_000);
const sameDayMemo = boundedMemo<boolean>(2_000);

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
  const key = `full|${instant.getTime()}|${zone}|${locale}|${opts.weekday ?? ""}|${opts.year ?? ""}`;
  return displayMemo(key, () => formatLocalUncached(instant, zone, locale, opts));
}

function formatLocalUncached(instant: Date, zone: string, locale: Locale, opts: { weekday?: boolean; year?: boolean }): string {
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
  return displayMemo(`time|${instant.getTime()}|${zone}`, () => DateTime.fromJSDate(instant, { zone }).toFormat("HH:mm"));
}

/** Whether two instants fall on the same local day in `zone`. */
export function sameLocalDay(a: Date, b: Date, zone: string): boolean {
  return sameDayMemo(`${a.getTime()}|${b.getTime()}|${zone}`, () => DateTime.fromJSDate(a, { zone }).hasSame(DateTime.fromJSDate(b, { zone }), "day"));
}

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

function parseTime(time: string): LocalTime {
  const m = HH_MM.exec(time);
  if (!m) throw new Error(`time must be HH:mm (24 h), got "${time}"`);
  return { hour: Number(m[1]), minute: Number(m[2]) };
}

function zoned(date: Date, zone: string): DateTime {
  const dt = DateTime.fromJSDate(date, { zone });
  if (!dt.isValid) throw new Error(`invalid date or time zone "${zone}": ${dt.invalidExplanation ?? dt.invalidReason}`);
  return dt;
}

/**
 * `day`'s calendar date at `time` (HH:mm) in `zone`, resolved from the wall clock (not from
 * `day`'s offset): a time in the spring-forward gap moves forward by the gap, one in the
 * autumn hour that happens twice takes the reading luxon gives.
 */
function wallClockOn(day: DateTime, time: string, zone: string): Date {
  const { hour, minute } = parseTime(time);
  return DateTime.fromObject({ year: day.year, month: day.month, day: day.day, hour, minute }, { zone }).toJSDate();
}

/** The instant at `time` (HH:mm) on the local calendar day of `date` in `zone`. */
export function atLocalTime(date: Date, time: string, zone: string): Date {
  return wallClockOn(zoned(date, zone), time, zone);
}

/** `days` local calendar days before the local day of `date`, at `time` (HH:mm) in `zone`. */
export function daysBeforeAt(date: Date, days: number, time: string, zone: string): Date {
  if (!Number.isInteger(days)) throw new Error(`days must be an integer, got ${days}`);
  // Calendar arithmetic (minus days), not 24-hour steps: a DST day in between does not shift the hour.
  return wallClockOn(zoned(date, zone).minus({ days }), time, zone);
}

/** The first instant strictly after `after` whose local time in `zone` is `time` (HH:mm). */
export function nextLocalTime(after: Date, time: string, zone: string): Date {
  const today = atLocalTime(after, time, zone);
  if (today.getTime() > after.getTime()) return today;
  return daysBeforeAt(after, -1, time, zone);
}

/**
 * Every local day from the day of `from` to the day of `to` (both included), at `time`
 * in `zone`: the instants of a daily reminder over that period.
 */
export function dailyAt(from: Date, to: Date, time: string, zone: string): Date[] {
  const out: Date[] = [];
  const last = zoned(to, zone).startOf("day");
  for (let day = zoned(from, zone).startOf("day"); day <= last; day = day.plus({ days: 1 })) {
    out.push(wallClockOn(day, time, zone));
  }
  return out;
}

/** The local wall-clock of an instant in a zone, `YYYY-MM-DD HH:mm` (logs, tests, messages). */
export function localClock(date: Date, zone: string): string {
  return zoned(date, zone).toFormat("yyyy-MM-dd HH:mm");
}

/** UTC midnight of a calendar day: how days are stored (`happenedOn`, `fomDueOn`); undefined for 31/02. */
export function utcDay(year: number, month: number, day: number): Date | undefined {
  const d = DateTime.utc(year, month, day);
  return d.isValid ? d.toJSDate() : undefined;
}

/** The local calendar day of `now` in `zone`, as a UTC-midnight date. */
export function localDay(now: Date, zone: string): Date {
  const d = DateTime.fromJSDate(now, { zone });
  return new Date(Date.UTC(d.year, d.month - 1, d.day));
}

/** `2027-03-01` for a day stored as UTC midnight. */
export function isoDay(day: Date): string {
  return day.toISOString().slice(0, 10);
}

/**
 * The instant of `hour:minute` local time in `zone`, on the calendar day `day` (a
 * UTC-midnight date, as due dates are stored) shifted by `offsetDays`.
 */
export function localTimeOn(day: Date, offsetDays: number, hour: number, minute: number, zone: string): Date {
  const base = DateTime.fromObject(
    { year: day.getUTCFullYear(), month: day.getUTCMonth() + 1, day: day.getUTCDate(), hour, minute },
    { zone },
  ).plus({ days: offsetDays });
  return base.toJSDate();
}

/**
 * A Date whose *system-local* fields are the given wall-clock fields: the reference a library
 * that only knows the process's zone (chrono-node) needs, so that the machine's zone does not matter.
 */
export function systemLocalDate(wall: { year: number; month: number; day: number; hour?: number; minute?: number; second?: number }): Date {
  return new Date(wall.year, wall.month - 1, wall.day, wall.hour ?? 0, wall.minute ?? 0, wall.second ?? 0);
}

/** The ISO week of `at` in `zone`: its label (`2026-W48`) and its [Monday, next Monday) bounds. */
export function isoWeek(at: Date, zone: string): { label: string; start: Date; end: Date } {
  const d = DateTime.fromJSDate(at, { zone }).startOf("week");
  return { label: `${d.weekYear}-W${String(d.weekNumber).padStart(2, "0")}`, start: d.toJSDate(), end: d.plus({ weeks: 1 }).toJSDate() };
}

/**
 * The `nth` `weekday` (1 = Monday) of a month in `zone`, at local midnight; `nth` below 1
 * means the last one. A fifth one may fall in the next month: callers check `.month`.
 */
export function nthWeekdayOfMonth(year: number, month: number, weekday: number, nth: number, zone: string | Zone): DateTime {
  const first = DateTime.fromObject({ year, month, day: 1 }, { zone });
  if (nth > 0) return first.plus({ days: ((weekday - first.weekday + 7) % 7) + 7 * (nth - 1) });
  const last = first.endOf("month").startOf("day");
  return last.minus({ days: (last.weekday - weekday + 7) % 7 });
}
