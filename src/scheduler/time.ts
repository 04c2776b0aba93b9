/**
 * Local-time computations for reminders, in an IANA zone (a commune's or a person's,
 * Europe/Brussels by default). Pure functions over luxon: "09:00 the day before" is 09:00 on
 * the wall clock of that zone, whether the day is 23, 24 or 25 hours long, so a reminder
 * keeps its local hour across the last Sundays of March and October.
 *
 * Wall-clock times that do not exist (02:30 on the last Sunday of March in Brussels) are
 * moved forward by the gap (03:30); ambiguous ones (02:30 on the last Sunday of October)
 * take the second of the two instants (winter time), as luxon resolves them.
 */
import { DateTime } from "luxon";

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

function parseTime(time: string): { hour: number; minute: number } {
  const m = HH_MM.exec(time);
  if (!m) throw new Error(`time must be HH:mm (24 h), got "${time}"`);
  return { hour: Number(m[1]), minute: Number(m[2]) };
}

function zoned(date: Date, zone: string): DateTime {
  const dt = DateTime.fromJSDate(date, { zone });
  if (!dt.isValid) throw new Error(`invalid date or time zone "${zone}": ${dt.invalidExplanation ?? dt.invalidReason}`);
  return dt;
}

/** `day`'s calendar date at hour:minute in `zone`, resolved from the wall clock (not from `day`'s offset). */
function wallClock(day: DateTime, time: string, zone: string): Date {
  const { hour, minute } = parseTime(time);
  return DateTime.fromObject({ year: day.year, month: day.month, day: day.day, hour, minute }, { zone }).toJSDate();
}

/** The instant at `time` (HH:mm) on the local calendar day of `date` in `zone`. */
export function atLocalTime(date: Date, time: string, zone: string): Date {
  return wallClock(zoned(date, zone), time, zone);
}

/** `days` local calendar days before the local day of `date`, at `time` (HH:mm) in `zone`. */
export function daysBeforeAt(date: Date, days: number, time: string, zone: string): Date {
  if (!Number.isInteger(days)) throw new Error(`days must be an integer, got ${days}`);
  // Calendar arithmetic (minus days), not 24-hour steps: a DST day in between does not shift the hour.
  return wallClock(zoned(date, zone).minus({ days }), time, zone);
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
    out.push(wallClock(day, time, zone));
  }
  return out;
}

/** The local wall-clock of an instant in a zone, `YYYY-MM-DD HH:mm` (logs, tests, messages). */
export function localClock(date: Date, zone: string): string {
  return zoned(date, zone).toFormat("yyyy-MM-dd HH:mm");
}
