/**
 * Dates typed by people (`12/03 14h`, `12 mars à midi`, `mardi prochain 19h30`,
 * `2027-03-12T14:00`, `12. März 14 Uhr`, `kommenden Dienstag 19:30`, `March 12 2pm`,
 * `le dernier dimanche de mars 2027 à 15h`...) -> an instant in the event's IANA zone
 * (Europe/Brussels by default).
 *
 * Times, numeric dates, month and weekday names and relative days are read by our own
 * patterns (when-parts.ts, when-days.ts); chrono-node only gets what they leave, and may
 * move a day forward only when no word says it has gone ("dernier", "letzten", "last"). The instant is built with luxon in the zone. Anything
 * doubtful is refused with what was understood: a past day, a day more than two years
 * ahead, a time that does not exist (spring) or exists twice (autumn: the person chooses).
 */
import { DateTime } from "luxon";
import type { Locale } from "../types.js";
import { localInstants, offsetText, systemLocalDate, type LocalTime } from "./local.js";
import { dateParser } from "./chrono.js";
import {
  extractDayPart,
  extractNumericDate,
  extractTimes,
  extractZoneHint,
  laterInTheDay,
  meaningfulLeftover,
  normalizeInput,
  type DayParts,
  type ZoneHint,
} from "./when-parts.js";
import { extractNamedDate, extractNthWeekday, extractRelativeDay, extractWeekday, namedWeekday } from "./when-days.js";
import { PAST_RE, WORD_END, WORD_START } from "./when-words.js";
import { prefixWithin } from "../clip.js";

export type WhenProblem =
  | "empty"
  | "unparsed"
  | "no_time"
  | "no_date"
  | "invalid_date"
  | "dst_gap"
  | "dst_fold"
  | "past"
  | "too_far"
  | "ambiguous"
  | "end_before_start";

/** One reading of a local time that happens twice, with the offset that names it. */
export interface FoldChoice {
  start: Date;
  /** `+02:00`: typed after the date, it picks this reading. */
  offset: string;
  season: "summer" | "winter";
}

export type WhenResult =
  | { ok: true; start: Date; end?: Date }
  | {
      ok: false;
      problem: WhenProblem;
      /** What we understood, when we understood something (shown back to the person). */
      understood?: Date;
      /** For `ambiguous`: the other reading, or the words we could not place; for `dst_fold`: the text typed. */
      detail?: string;
      /** For `too_far`: the last instant accepted. */
      limit?: Date;
      /** For `dst_fold`: the two readings, summer time first. */
      choices?: FoldChoice[];
    };

export interface WhenOptions {
  locale: Locale;
  zone: string;
  now: Date;
  /** Accept a day without a time (then 00:00 local); default false. */
  dateOnly?: boolean;
}

/** How far ahead a date may be: further is more likely a typo (3000 for 2030) than a plan. */
export const MAX_YEARS_AHEAD = 2;

/** The last instant `parseWhen` accepts, `MAX_YEARS_AHEAD` years after `now` in `zone`. */
export function latestAccepted(now: Date, zone: string): Date {
  return DateTime.fromJSDate(now, { zone }).plus({ years: MAX_YEARS_AHEAD }).toJSDate();
}

/** The person's language first, then the others: a German speaker may type `12 mars`. */
function parserOrder(locale: Locale): Locale[] {
  return [locale, ...(["fr", "de", "nl", "en"] as const).filter((l) => l !== locale)];
}

interface DayReading {
  /** Without a year only when the person typed a day and a month and no year. */
  parts: DayParts;
  /** A weekday the person wrote next to a date (1 = Monday), to check against it. */
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
    const named = namedWeekday(numeric.rest);
    return { parts: numeric.parts, weekday: named.weekday, leftover: meaningfulLeftover(named.rest), swappable: numeric.swappable };
  }
  const words = extractNthWeekday(text, today) ?? extractNamedDate(text) ?? extractWeekday(text, today);
  if (words) {
    const again = extractNamedDate(words.rest) ?? extractWeekday(words.rest, today);
    return {
      parts: words.parts,
      weekday: words.weekday,
      weekdayOnly: words.bareWeekday,
      leftover: meaningfulLeftover(words.rest),
      several: again && !extractRelativeDay(words.rest) ? words.rest : undefined,
    };
  }
  const relative = extractRelativeDay(text);
  if (relative) {
    const d = today.plus({ days: relative.days });
    return { parts: { year: d.year, month: d.month, day: d.day }, leftover: meaningfulLeftover(relative.rest) };
  }
  return readWithChrono(text, locale, today);
}

/** Week, month or year words: "la semaine prochaine" is no day, whatever chrono makes of it. */
const PERIOD_WORDS = /semaine|woche|week|mois|monat|maand|month|année|annee|jahr|jaar|year/;

/** What our patterns left, through chrono-node, read as of today. */
function readWithChrono(text: string, locale: Locale, today: DateTime): DayReading | null {
  if (!text.trim()) return null;
  // chrono computes relative days in the process's zone: give it the local day at noon,
  // built from the zone's fields, so that the zone of the machine does not matter.
  const ref = systemLocalDate({ year: today.year, month: today.month, day: today.day, hour: 12 });
  // Forward, as people plan ("sam 9h" is next Saturday), unless a word says it has gone.
  const pastWords = new RegExp(`${WORD_START}${PAST_RE}${WORD_END}`, "u");
  for (const l of parserOrder(locale)) {
    const results = dateParser(l).parse(text, ref, { forwardDate: !pastWords.test(text) });
    const first = results[0];
    if (!first) continue;
    if (PERIOD_WORDS.test(first.text)) return null;
    const c = first.start;
    const typedYear = c.isCertain("year") && new RegExp(`\\b${c.get("year")}\\b`).test(text);
    // A year chrono took from a one- or two-digit number is not a year the person typed.
    if (c.isCertain("year") && !typedYear && !c.isCertain("day")) return null;
    const calendarDay = c.isCertain("month") && c.isCertain("day") && !c.isCertain("year");
    const parts: DayParts = { year: calendarDay ? undefined : (c.get("year") ?? undefined), month: c.get("month") ?? today.month, day: c.get("day") ?? today.day };
    const weekday = c.isCertain("weekday") ? c.get("weekday") ?? undefined : undefined;
    return {
      parts,
      weekday: weekday === undefined ? undefined : weekday || 7,
      leftover: meaningfulLeftover(text.replace(first.text, " ")),
      several: results.length > 1 ? results[1]!.text : undefined,
    };
  }
  return null;
}

/** The year that puts a day and month typed without one on or after today. */
function withYear(parts: DayParts, today: DateTime): Required<DayParts> {
  if (parts.year !== undefined) return parts as Required<DayParts>;
  const thisYear = DateTime.fromObject({ year: today.year, month: parts.month, day: parts.day }, { zone: today.zone });
  const year = thisYear.isValid && thisYear < today.startOf("day") ? today.year + 1 : today.year;
  return { ...parts, year };
}

type Picked = Date | "invalid_date" | "dst_gap" | "hint_mismatch" | FoldChoice[];

/** The instant of a local day and time, using the person's hint where the time happens twice. */
function instant(day: Required<DayParts>, time: LocalTime, zone: string, hint?: ZoneHint): Picked {
  if (!DateTime.fromObject(day, { zone }).isValid) return "invalid_date";
  // An explicit offset names the instant itself, wherever the zone's clock stands then.
  if (hint?.offset !== undefined) return DateTime.fromObject({ ...day, ...time }, { zone: "utc" }).minus({ minutes: hint.offset }).toJSDate();
  const found = localInstants({ ...day, ...time }, zone);
  if (!found.length) return "dst_gap";
  const offsetOf = (d: Date) => DateTime.fromJSDate(d, { zone }).offset;
  const matches = (d: Date) => isDst(d, zone) === (hint?.season === "summer");
  if (found.length === 1) return !hint || matches(found[0]!) ? found[0]! : "hint_mismatch";
  const summerFirst = [...found].sort((x, y) => offsetOf(y) - offsetOf(x));
  if (hint) return summerFirst.find(matches) ?? "hint_mismatch";
  return summerFirst.map((start, i) => ({ start, offset: offsetText(start, zone), season: i === 0 ? "summer" : "winter" }));
}

function isDst(d: Date, zone: string): boolean {
  return DateTime.fromJSDate(d, { zone }).isInDST;
}

/**
 * Reads a start (and, for `14h-16h`, an end) typed by a person. Never throws: a refusal
 * says why and what was understood, for a message that tells what to type instead.
 */
export function parseWhen(raw: string, o: WhenOptions): WhenResult {
  const { hint, rest: text } = extractZoneHint(normalizeInput(raw));
  if (!text) return { ok: false, problem: "empty" };
  const today = DateTime.fromJSDate(o.now, { zone: o.zone }).startOf("day");
  const dayPart = extractDayPart(text);
  const times = extractTimes(dayPart.rest);
  if (times.invalid) return { ok: false, problem: "unparsed", detail: times.invalid };
  if (dayPart.later) times.times = times.times.map(laterInTheDay);
  if (times.times.length > 2 || (times.times.length === 2 && !times.range)) return { ok: false, problem: "ambiguous", detail: prefixWithin(raw, 60) };
  const day = readDay(times.rest, o.locale, today);
  if (!day) {
    if (times.times.length && !meaningfulLeftover(times.rest)) return { ok: false, problem: "no_date" };
    return { ok: false, problem: "unparsed", detail: prefixWithin(raw, 60) };
  }
  const full = withYear(day.parts, today);
  const start0 = times.times[0];
  const picked = instant(full, start0 ?? { hour: 0, minute: 0 }, o.zone, hint);
  if (picked === "invalid_date") return { ok: false, problem: "invalid_date", detail: `${day.parts.day}/${day.parts.month}` };
  const unhinted = picked === "hint_mismatch" ? instant(full, start0 ?? { hour: 0, minute: 0 }, o.zone) : picked;
  const understood = unhinted instanceof Date ? unhinted : Array.isArray(unhinted) ? unhinted[0]!.start : undefined;
  if (day.several) return { ok: false, problem: "ambiguous", understood, detail: day.several };
  if (day.leftover) return { ok: false, problem: "ambiguous", understood, detail: day.leftover };
  if (day.weekday !== undefined) {
    const weekday = DateTime.fromObject(full, { zone: o.zone }).weekday;
    if (weekday !== day.weekday) return { ok: false, problem: "ambiguous", understood, detail: "weekday" };
  }
  if (day.weekdayOnly) return { ok: false, problem: "ambiguous", understood, detail: "weekday_today" };
  const limit = latestAccepted(o.now, o.zone);
  // A far year is the plainer fault to name (3000 for 2030), before any doubt on the order.
  if (understood && understood.getTime() > limit.getTime()) return { ok: false, problem: "too_far", understood, limit };
  if (day.swappable && o.locale === "en") return { ok: false, problem: "ambiguous", understood, detail: "day_month" };
  if (!start0 && !o.dateOnly) return { ok: false, problem: "no_time", understood };
  if (picked === "dst_gap") return { ok: false, problem: "dst_gap" };
  if (picked === "hint_mismatch") return { ok: false, problem: "ambiguous", understood, detail: hint?.text };
  if (understood!.getTime() <= o.now.getTime()) return { ok: false, problem: "past", understood };
  if (Array.isArray(picked)) return { ok: false, problem: "dst_fold", understood, detail: prefixWithin(raw.trim(), 70), choices: picked };
  const start = picked as Date;
  const endTime = times.times[1];
  if (!endTime) return { ok: true, start };
  const end = instant(full, endTime, o.zone, hint);
  if (end === "dst_gap" || end === "invalid_date") return { ok: false, problem: "dst_gap" };
  if (Array.isArray(end)) return { ok: false, problem: "dst_fold", understood: end[0]!.start, detail: prefixWithin(raw.trim(), 70), choices: end };
  if (end === "hint_mismatch") return { ok: false, problem: "ambiguous", understood: start, detail: hint?.text };
  if (end.getTime() <= start.getTime()) return { ok: false, problem: "end_before_start", understood: start };
  return { ok: true, start, end };
}

/** An end typed alone (`fin:16h`, `fin:12/03 16:00`) after a known start, same local day by default. */
export function parseEnd(raw: string, start: Date, o: Omit<WhenOptions, "now">): WhenResult {
  const { hint, rest: text } = extractZoneHint(normalizeInput(raw));
  const times = extractTimes(text);
  if (times.times.length === 1 && !meaningfulLeftover(times.rest)) {
    const d = DateTime.fromJSDate(start, { zone: o.zone });
    const end = instant({ year: d.year, month: d.month, day: d.day }, times.times[0]!, o.zone, hint);
    if (end === "dst_gap" || end === "invalid_date") return { ok: false, problem: end };
    if (end === "hint_mismatch") return { ok: false, problem: "ambiguous", detail: hint?.text };
    if (Array.isArray(end)) return { ok: false, problem: "dst_fold", understood: end[0]!.start, detail: prefixWithin(raw.trim(), 70), choices: end };
    if (end <= start) return { ok: false, problem: "end_before_start", understood: end };
    return { ok: true, start: end };
  }
  const r = parseWhen(raw, { ...o, now: start });
  if (!r.ok && r.problem === "past") return { ok: false, problem: "end_before_start", understood: r.understood };
  return r;
}
