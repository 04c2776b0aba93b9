/**
 * How far the demo clock moves: a duration typed in any of the four languages, one or more
 * `<number><unit>` parts (`30j`, `2 sem 3 j`, `12h`, `90min`, `3t`, `2wo`, `1u`, `30d`, `1w`).
 * Minutes, hours, days and weeks; bounded, so that a slip (`3000j`) is refused, not run.
 */
import { CdceError } from "../../core/errors.js";
import { fold } from "../../core/fold.js";
import { parseDecimalInt } from "../../core/numbers.js";
import { wordTable } from "../../core/word-table.js";

/** The longest advance at once, in days: a year of demo, leap day included. */
export const DEMO_MAX_DAYS = 366;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;

const UNITS = wordTable<number>({
  // minutes: fr, de, nl, en
  m: MINUTE, min: MINUTE, mins: MINUTE, minute: MINUTE, minutes: MINUTE, minuten: MINUTE, minuut: MINUTE,
  // hours
  h: HOUR, heure: HOUR, heures: HOUR, std: HOUR, stunde: HOUR, stunden: HOUR, u: HOUR, uur: HOUR, uren: HOUR, hr: HOUR, hrs: HOUR, hour: HOUR, hours: HOUR,
  // days
  j: DAY, jour: DAY, jours: DAY, t: DAY, tag: DAY, tage: DAY, tagen: DAY, d: DAY, dag: DAY, dagen: DAY, day: DAY, days: DAY,
  // weeks
  sem: WEEK, semaine: WEEK, semaines: WEEK, w: WEEK, wo: WEEK, woche: WEEK, wochen: WEEK, wk: WEEK, week: WEEK, weken: WEEK, weeks: WEEK,
});

/**
 * The duration in milliseconds. Throws a CdceError the person reads: unreadable (with
 * examples), or beyond {@link DEMO_MAX_DAYS} days, or zero.
 */
export function parseDemoDuration(raw: string): number {
  const typed = fold(raw).replace(/\s+/g, " ").trim();
  const unreadable = () => new CdceError("demo.duration_unreadable", "demo.error.duration", { text: raw.trim().slice(0, 40) });
  const parts = /^(?:\s*[0-9]+\s*[a-z]+\.?)+$/.test(typed) ? [...typed.matchAll(/([0-9]+)\s*([a-z]+)\.?/g)] : [];
  if (parts.length === 0) throw unreadable();
  let total = 0;
  for (const [, digits, word] of parts) {
    const unit = UNITS.get(word!);
    const n = parseDecimalInt(digits!);
    if (unit === undefined || n === undefined) throw unreadable();
    total += n * unit;
  }
  if (total > DEMO_MAX_DAYS * DAY) throw new CdceError("demo.too_far", "demo.error.tooFar", { max: DEMO_MAX_DAYS });
  if (total <= 0) throw new CdceError("demo.duration_zero", "demo.error.duration", { text: raw.trim().slice(0, 40) });
  return total;
}
