/**
 * Series: the yearly training cycle as recurring sessions, each its own event with its own
 * RSVP. Either a monthly rule typed by a person (`premier mardi 19h`, `erster Dienstag
 * 19 Uhr`, `laatste donderdag 20u`, `second Wednesday 7pm`) or an explicit list of dates
 * (`12/01 19h; 09/02 19h`). Pure functions: no clock, no storage.
 */
import { DateTime } from "luxon";
import type { Locale } from "../../core/types.js";
import type { LocalTime } from "../../core/time/local.js";
import { localInstants, nthWeekdayOfMonth } from "../../core/time/local.js";
import { extractTimes, normalizeInput } from "../../core/time/when-parts.js";
import { parseWhen, type WhenResult } from "../../core/time/when.js";
import { key } from "./vocabulary.js";
import { wordTable } from "../../core/word-table.js";

export const MAX_SESSIONS = 24;

export interface MonthlyRule {
  /** 1..4, or -1 for the last. */
  nth: number;
  /** luxon weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
  time: LocalTime;
  end?: LocalTime;
}

const ORDINALS = wordTable<number>({
  premier: 1, premiere: 1, "1er": 1, "1re": 1, deuxieme: 2, second: 2, seconde: 2, "2e": 2, "2eme": 2, troisieme: 3, "3e": 3, "3eme": 3, quatrieme: 4, "4e": 4, "4eme": 4, dernier: -1, derniere: -1,
  erster: 1, ersten: 1, erste: 1, "1": 1, zweiter: 2, zweiten: 2, zweite: 2, "2": 2, dritter: 3, dritten: 3, dritte: 3, "3": 3, vierter: 4, vierten: 4, vierte: 4, "4": 4, letzter: -1, letzten: -1, letzte: -1,
  eerste: 1, tweede: 2, derde: 3, vierde: 4, laatste: -1,
  first: 1, "1st": 1, "2nd": 2, third: 3, "3rd": 3, fourth: 4, "4th": 4, last: -1,
});

const WEEKDAYS = wordTable<number>({
  lundi: 1, mardi: 2, mercredi: 3, jeudi: 4, vendredi: 5, samedi: 6, dimanche: 7,
  montag: 1, dienstag: 2, mittwoch: 3, donnerstag: 4, freitag: 5, samstag: 6, sonntag: 7,
  maandag: 1, dinsdag: 2, woensdag: 3, donderdag: 4, vrijdag: 5, zaterdag: 6, zondag: 7,
  monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6, sunday: 7,
});

/** Words a rule may carry around its ordinal and weekday. */
const RULE_FILLER = new Set(["de", "du", "chaque", "mois", "le", "jeden", "im", "monat", "monats", "des", "van", "elke", "maand", "de", "of", "the", "each", "every", "month", "a", "a-partir", "om", "um", "at"]);

/** Reads a monthly rule; null when the text is not one. */
export function parseRule(raw: string): MonthlyRule | null {
  const times = extractTimes(normalizeInput(raw));
  const [time, end] = times.times;
  if (!time || times.times.length > 2) return null;
  let nth: number | undefined;
  let weekday: number | undefined;
  for (const word of times.rest.split(/[\s,]+/).map((w) => key(w).replace(/\.$/, "")).filter(Boolean)) {
    if (nth === undefined && ORDINALS.has(word)) nth = ORDINALS.get(word);
    else if (weekday === undefined && WEEKDAYS.has(word)) weekday = WEEKDAYS.get(word);
    else if (!RULE_FILLER.has(word)) return null;
  }
  if (nth === undefined || weekday === undefined) return null;
  return { nth, weekday, time, end: times.range ? end : undefined };
}

/** The day of the rule in a month, or null (no fifth Tuesday, say). */
function dayInMonth(rule: MonthlyRule, year: number, month: number, zone: string): DateTime | null {
  const d = nthWeekdayOfMonth(year, month, rule.weekday, rule.nth, zone);
  return d.month === month ? d : null;
}

/** A day of the rule whose hour does not exist (spring forward) or happens twice (fall back) there. */
export interface UnclearSession {
  day: Date;
  kind: "gap" | "fold";
}

/**
 * The next `count` sessions of the rule strictly after `after`, in `zone`, and the days among
 * them whose hour (start or end) the clock change makes unclear: never skipped nor guessed in
 * silence (the caller refuses the rule and says which day).
 */
export function occurrences(rule: MonthlyRule, after: Date, count: number, zone: string): { sessions: { start: Date; end?: Date }[]; unclear: UnclearSession[] } {
  const sessions: { start: Date; end?: Date }[] = [];
  const unclear: UnclearSession[] = [];
  let cursor = DateTime.fromJSDate(after, { zone }).startOf("month");
  for (let i = 0; sessions.length + unclear.length < Math.min(count, MAX_SESSIONS) && i < 120; i++, cursor = cursor.plus({ months: 1 })) {
    const day = dayInMonth(rule, cursor.year, cursor.month, zone);
    if (!day) continue;
    const at = (time: LocalTime) => localInstants({ year: day.year, month: day.month, day: day.day, ...time }, zone);
    const starts = at(rule.time);
    const ends = rule.end ? at(rule.end) : [];
    if (starts.length !== 1 || (rule.end && ends.length !== 1)) {
      if (day.endOf("day").toJSDate() > after) unclear.push({ day: day.set({ hour: 12 }).toJSDate(), kind: starts.length === 0 || (rule.end && ends.length === 0) ? "gap" : "fold" });
      continue;
    }
    const start = starts[0]!;
    if (start <= after) continue;
    const end = ends[0];
    sessions.push({ start, end: end && end > start ? end : undefined });
  }
  return { sessions, unclear };
}

/** An explicit list `12/01 19h; 09/02 19h`: each read like any typed date. */
export function parseDateList(raw: string, o: { locale: Locale; zone: string; now: Date }): { index: number; text: string; result: WhenResult }[] {
  return raw
    .split(/[;\n]+/)
    .map((s) => s.trim())
    .filter(Boolean)
    .map((text, i) => ({ index: i + 1, text, result: parseWhen(text, o) }));
}

/** Whether the text looks like a list of dates rather than a rule. */
export const isDateList = (raw: string) => /[;\n]/.test(raw) || parseRule(raw) === null;

/**
 * Where a session goes when its series moves as `anchor` moved (from `before` to `after`):
 * the same number of local calendar days, at the new local time of day, whatever DST does
 * in between; the session keeps its duration.
 */
export function shiftSession(session: { startsAt: Date; endsAt: Date }, before: Date, after: Date, zone: string): { startsAt: Date; endsAt: Date } {
  const b = DateTime.fromJSDate(before, { zone });
  const a = DateTime.fromJSDate(after, { zone });
  const days = Math.round(a.startOf("day").diff(b.startOf("day"), "days").days);
  const start = DateTime.fromJSDate(session.startsAt, { zone }).plus({ days }).set({ hour: a.hour, minute: a.minute, second: 0, millisecond: 0 });
  const startsAt = start.toJSDate();
  return { startsAt, endsAt: new Date(startsAt.getTime() + (session.endsAt.getTime() - session.startsAt.getTime())) };
}
