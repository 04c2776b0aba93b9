/**
 * Dates typed by people (`12/03 14h`, `12 mars 14:00`, `mardi prochain 19h30`,
 * `2027-03-12T14:00`, `12. März 14 Uhr`, `volgende dinsdag 19u30`...) -> an instant in the
 * event's IANA zone (Europe/Brussels by default).
 *
 * chrono-node reads month names and weekdays in the four languages, but its `timezone`
 * option takes no IANA names and German "12. März 14 Uhr" gives the year 2014. So chrono
 * only reads the *day* here, from a text whose times were already cut out; times, numeric
 * dates and years are read by our own patterns (when-parts.ts), and the instant is built
 * with luxon in the zone. Anything doubtful is refused with what was understood.
 */
import type * as Chrono from "chrono-node";
import { lazyRequire } from "../lazy-require.js";
import { DateTime } from "luxon";
import type { Locale } from "../types.js";
import { fromLocalParts, type LocalTime } from "../time/local.js";
import {
  extractNumericDate,
  extractRelativeDay,
  extractTimes,
  meaningfulLeftover,
  normalizeInput,
  type DayParts,
} from "./when-parts.js";

export type WhenProblem =
  | "empty"
  | "unparsed"
  | "no_time"
  | "no_date"
  | "invalid_date"
  | "dst_gap"
  | "past"
  | "ambiguous"
  | "end_before_start";

export type WhenResult =
  | { ok: true; start: Date; end?: Date }
  | {
      ok: false;
      problem: WhenProblem;
      /** What we understood, when we understood something (shown back to the person). */
      understood?: Date;
      /** For `ambiguous`: the other reading, or the words we could not place. */
      detail?: string;
    };

export interface WhenOptions {
  locale: Locale;
  zone: string;
  now: Date;
  /** Accept a day without a time (then 00:00 local); default false. */
  dateOnly?: boolean;
}

const chrono = lazyRequire<typeof Chrono>("chrono-node");
let parsers: Record<Locale, Chrono.Chrono> | undefined;

/** chrono's parsers, built on the first date typed (see lazy-require.ts). */
function parsersFor(): Record<Locale, Chrono.Chrono> {
  const c = chrono();
  return (parsers ??= { fr: c.fr.casual, de: c.de.casual, nl: c.nl.casual, en: c.en.GB });
}

/** The person's language first, then the others: a German speaker may type `12 mars`. */
function parserOrder(locale: Locale): Locale[] {
  return [locale, ...(["fr", "de", "nl", "en"] as const).filter((l) => l !== locale)];
}

interface DayReading {
  parts: DayParts;
  /** A weekday the person wrote (0 = Sunday, as chrono), to check against the date. */
  weekday?: number;
  /** A bare weekday that could mean today or in a week. */
  weekdayOnly?: boolean;
  leftover: string | null;
  /** Two dates in one text. */
  several?: string;
  swappable?: boolean;
}

function readDay(text: string, locale: Locale, today: DateTime): DayReading | null {
  const numeric = extractNumericDate(text);
  if (numeric) {
    const named = readNamedDay(numeric.rest, locale, today);
    return {
      parts: numeric.parts,
      weekday: named?.weekday,
      leftover: named ? named.leftover : meaningfulLeftover(numeric.rest),
      swappable: numeric.swappable,
    };
  }
  const relative = extractRelativeDay(text);
  if (relative) {
    const d = today.plus({ days: relative.days });
    return { parts: { year: d.year, month: d.month, day: d.day }, leftover: meaningfulLeftover(relative.rest) };
  }
  return readNamedDay(text, locale, today);
}

/** Month names, weekdays and relative words, through chrono-node. */
function readNamedDay(text: string, locale: Locale, today: DateTime): DayReading | null {
  if (!text.trim()) return null;
  // chrono computes relative days in the process's zone: give it the local day at noon,
  // built from the zone's fields, so that the zone of the machine does not matter.
  const ref = new Date(today.year, today.month - 1, today.day, 12, 0, 0);
  for (const l of parserOrder(locale)) {
    const results = parsersFor()[l].parse(text, ref, { forwardDate: true });
    const first = results[0];
    if (!first) continue;
    const c = first.start;
    const certain = (k: "year" | "month" | "day" | "weekday") => (c.isCertain(k) ? (c.get(k) ?? undefined) : undefined);
    const known = { year: certain("year"), month: certain("month"), day: certain("day"), weekday: certain("weekday") };
    const fourDigitYear = known.year !== undefined && new RegExp(`\\b${known.year}\\b`).test(text);
    const parts: DayParts = {
      // A year chrono took from a two-digit number is not a year the person typed.
      year: fourDigitYear ? known.year : known.day !== undefined && known.month !== undefined ? undefined : first.start.get("year") ?? undefined,
      month: first.start.get("month") ?? today.month,
      day: first.start.get("day") ?? today.day,
    };
    const rest = text.replace(first.text, " ");
    return {
      parts,
      weekday: known.weekday,
      weekdayOnly: known.weekday !== undefined && known.day === undefined && !/prochain|nächst|volgend|next|kommend/.test(first.text),
      leftover: meaningfulLeftover(rest),
      several: results.length > 1 ? results[1]!.text : undefined,
    };
  }
  return null;
}

/** The year that puts day/month on or after today (people rarely plan in the past). */
function withYear(parts: DayParts, today: DateTime): Required<DayParts> {
  if (parts.year !== undefined) return parts as Required<DayParts>;
  const thisYear = DateTime.fromObject({ year: today.year, month: parts.month, day: parts.day }, { zone: today.zone });
  const year = thisYear.isValid && thisYear < today.startOf("day") ? today.year + 1 : today.year;
  return { ...parts, year };
}

function instant(day: Required<DayParts>, time: LocalTime, zone: string): Date | "invalid_date" | "dst_gap" {
  const check = DateTime.fromObject(day, { zone });
  if (!check.isValid) return "invalid_date";
  return fromLocalParts({ ...day, ...time }, zone) ?? "dst_gap";
}

/**
 * Reads a start (and, for `14h-16h`, an end) typed by a person. Never throws: a refusal
 * says why and what was understood, for a message that tells what to type instead.
 */
export function parseWhen(raw: string, o: WhenOptions): WhenResult {
  const text = normalizeInput(raw);
  if (!text) return { ok: false, problem: "empty" };
  const today = DateTime.fromJSDate(o.now, { zone: o.zone }).startOf("day");
  const times = extractTimes(text);
  if (times.invalid) return { ok: false, problem: "unparsed", detail: times.invalid };
  if (times.times.length > 2 || (times.times.length === 2 && !times.range)) return { ok: false, problem: "ambiguous", detail: raw.slice(0, 60) };
  const day = readDay(times.rest, o.locale, today);
  if (!day) {
    if (times.times.length && !meaningfulLeftover(times.rest)) return { ok: false, problem: "no_date" };
    return { ok: false, problem: "unparsed", detail: raw.slice(0, 60) };
  }
  const full = withYear(day.parts, today);
  const start0 = times.times[0];
  const understood = instant(full, start0 ?? { hour: 0, minute: 0 }, o.zone);
  const shown = understood instanceof Date ? understood : undefined;
  if (understood === "invalid_date") return { ok: false, problem: "invalid_date", detail: `${day.parts.day}/${day.parts.month}` };
  if (day.several) return { ok: false, problem: "ambiguous", understood: shown, detail: day.several };
  if (day.leftover) return { ok: false, problem: "ambiguous", understood: shown, detail: day.leftover };
  if (day.weekday !== undefined && day.parts.day !== undefined) {
    const weekday = DateTime.fromObject(full, { zone: o.zone }).weekday % 7;
    if (weekday !== day.weekday) return { ok: false, problem: "ambiguous", understood: shown, detail: "weekday" };
  }
  if (day.weekdayOnly && today.hasSame(DateTime.fromObject(full, { zone: o.zone }), "day")) {
    return { ok: false, problem: "ambiguous", understood: shown, detail: "weekday_today" };
  }
  if (day.swappable && o.locale === "en") return { ok: false, problem: "ambiguous", understood: shown, detail: "day_month" };
  if (!start0) {
    if (!o.dateOnly) return { ok: false, problem: "no_time", understood: shown };
  }
  if (understood === "dst_gap") return { ok: false, problem: "dst_gap" };
  if (understood.getTime() <= o.now.getTime()) return { ok: false, problem: "past", understood };
  const endTime = times.times[1];
  if (!endTime) return { ok: true, start: understood };
  const end = instant(full, endTime, o.zone);
  if (!(end instanceof Date)) return { ok: false, problem: "dst_gap" };
  if (end.getTime() <= understood.getTime()) return { ok: false, problem: "end_before_start", understood };
  return { ok: true, start: understood, end };
}

/** An end typed alone (`fin:16h`, `fin:12/03 16:00`) after a known start, same local day by default. */
export function parseEnd(raw: string, start: Date, o: Omit<WhenOptions, "now">): WhenResult {
  const text = normalizeInput(raw);
  const times = extractTimes(text);
  if (times.times.length === 1 && !meaningfulLeftover(times.rest)) {
    const d = DateTime.fromJSDate(start, { zone: o.zone });
    const end = instant({ year: d.year, month: d.month, day: d.day }, times.times[0]!, o.zone);
    if (!(end instanceof Date)) return { ok: false, problem: end };
    if (end <= start) return { ok: false, problem: "end_before_start", understood: end };
    return { ok: true, start: end };
  }
  const r = parseWhen(raw, { ...o, now: start });
  if (!r.ok && r.problem === "past") return { ok: false, problem: "end_before_start", understood: r.understood };
  return r;
}
