/**
 * When a local feast happens and when its commune is prompted: the occurrence on or after a
 * day (a yearly feast recurs on its month and day; 29 February falls on the 28th in other
 * years), and six weeks before it at 09:00 local time. Pure.
 */
import { DateTime } from "luxon";
import type { LocalFeast } from "./ports.js";

/** How long before a feast its commune is prompted. */
export const FEAST_PROMPT_WEEKS = 6;
/** The prompt goes out at this local hour. */
export const FEAST_PROMPT_HOUR = 9;

export interface Occurrence {
  /** `2027-06-24`: part of the prompt's key, one per occurrence. */
  day: string;
  /** Local midnight of the day. */
  start: Date;
  /** 09:00 local, six weeks before. */
  promptAt: Date;
}

function occurrenceOf(year: number, month: number, dayOfMonth: number, zone: string): Occurrence {
  let d = DateTime.fromObject({ year, month, day: dayOfMonth }, { zone });
  if (!d.isValid) d = DateTime.fromObject({ year, month, day: 1 }, { zone }).endOf("month").startOf("day");
  return { day: d.toISODate()!, start: d.toJSDate(), promptAt: d.minus({ weeks: FEAST_PROMPT_WEEKS }).set({ hour: FEAST_PROMPT_HOUR }).toJSDate() };
}

/** The feast's next occurrence that has not started before `now`'s local day, or null (a one-off already past). */
export function nextOccurrence(feast: Pick<LocalFeast, "day" | "yearly">, now: Date, zone: string): Occurrence | null {
  const [y, m, d] = feast.day.split("-").map(Number) as [number, number, number];
  const today = DateTime.fromJSDate(now, { zone }).startOf("day").toJSDate();
  if (!feast.yearly) {
    const once = occurrenceOf(y, m, d, zone);
    return once.start >= today ? once : null;
  }
  const year = DateTime.fromJSDate(now, { zone }).year;
  const thisYear = occurrenceOf(year, m, d, zone);
  return thisYear.start >= today ? thisYear : occurrenceOf(year + 1, m, d, zone);
}

/**
 * A day typed as `24/06`, `24.06.`, `24/06/2027`, `24.06.2027` or `2027-06-24`, as `YYYY-MM-DD`;
 * without a year, the next such day from `now` (today included). Null when unreadable or no
 * real date (31/02).
 */
export function readFeastDay(raw: string, now: Date, zone: string): string | null {
  const s = raw.trim().replace(/\.$/, "");
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  const eu = /^(\d{1,2})[./](\d{1,2})(?:[./](\d{4}))?$/.exec(s);
  let y: number | undefined, m: number, d: number;
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (eu) [d, m, y] = [Number(eu[1]), Number(eu[2]), eu[3] ? Number(eu[3]) : undefined];
  else return null;
  const local = DateTime.fromJSDate(now, { zone });
  if (y === undefined) {
    const probe = DateTime.fromObject({ year: local.year, month: m, day: d }, { zone });
    // 29/02 without a year: the next leap year's.
    if (!probe.isValid && !(m === 2 && d === 29)) return null;
    y = probe.isValid && probe >= local.startOf("day") ? local.year : local.year + 1;
    while (m === 2 && d === 29 && !DateTime.fromObject({ year: y, month: m, day: d }).isValid) y++;
  }
  const date = DateTime.fromObject({ year: y, month: m, day: d }, { zone });
  return date.isValid ? date.toISODate() : null;
}
