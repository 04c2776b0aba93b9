/**
 * Dates and periods typed by people, read in their language and pinned to their IANA zone.
 * chrono-node reads natural text ("samedi dernier", "12. März", "vrijdag 18:00") but cannot
 * take an IANA zone, so it is given the local wall time as reference and only its date/time
 * components are used; luxon turns them into instants in the right zone.
 */
import { DateTime } from "luxon";
import { fold } from "../fold.js";
import type { Locale } from "../types.js";
import { dateParser } from "./chrono.js";
import { localDay, systemLocalDate, utcDay } from "./local.js";
import { latestAccepted, parseWhen } from "./when.js";
import { meaningfulLeftover, normalizeInput, type DayParts } from "./when-parts.js";
import { extractNamedDate, extractNthWeekday, extractRelativeDay, extractWeekday } from "./when-days.js";

/** A year without a day that far ahead is a typo (3000 for 2030): the same limit as for events. */
function withinLimit(day: Date | undefined, now: Date, zone: string): Date | undefined {
  return day && day.getTime() <= localDay(latestAccepted(now, zone), zone).getTime() ? day : undefined;
}

/**
 * Days written in words, read by the patterns of when-days.ts (chrono-node reads "March 12" as
 * 2012 in British English, drops a year it does not like, and knows no "last Sunday of
 * October"): a day and month, the nth or last weekday of a month, a relative day, a weekday
 * with "dernier" or "prochain". Without a year, the one in the ten months before today or
 * the two after (people share what they did more often than what they plan). Undefined
 * when they leave words unread, or for a weekday alone, which chrono takes as the last one.
 */
function dayInWords(s: string, local: DateTime): Required<DayParts> | undefined {
  const text = normalizeInput(s);
  const full = (d: DateTime) => ({ year: d.year, month: d.month, day: d.day });
  // The first one on or after ten months ago is the one of the window above.
  const nth = extractNthWeekday(text, local.minus({ days: 305 }));
  if (nth) return meaningfulLeftover(nth.rest) ? undefined : (nth.parts as Required<DayParts>);
  const named = extractNamedDate(text);
  if (named) {
    if (meaningfulLeftover(named.rest)) return undefined;
    if (named.parts.year !== undefined) return named.parts as Required<DayParts>;
    const thisYear = DateTime.fromObject({ year: local.year, month: named.parts.month, day: named.parts.day }, { zone: local.zone });
    return { ...named.parts, year: thisYear.isValid && thisYear.diff(local, "days").days > 60 ? local.year - 1 : local.year };
  }
  const relative = extractRelativeDay(text);
  if (relative) return meaningfulLeftover(relative.rest) ? undefined : full(local.plus({ days: relative.days }));
  const weekday = extractWeekday(text, local);
  if (weekday?.told && !meaningfulLeftover(weekday.rest)) return weekday.parts as Required<DayParts>;
  return undefined;
}

/**
 * Reads a day: `2026-11-20`, `20/11/2026`, `20.11.2026`, `20/11` (this year), or natural
 * text in the user's language then French ("hier", "samedi dernier", "12 mars", "last
 * Sunday of October"). Without a year, a date more than two months ahead is taken as last
 * year's: people share what they did more often than what they plan. A day more than two
 * years ahead is refused. Returns UTC midnight, or undefined.
 */
export function parseDay(text: string, locale: Locale, zone: string, now: Date): Date | undefined {
  const s = text.trim();
  if (!s) return undefined;
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (m) return withinLimit(utcDay(Number(m[1]), Number(m[2]), Number(m[3])), now, zone);
  m = /^(\d{1,2})[./-](\d{1,2})(?:[./-](\d{2}|\d{4}))?\.?$/.exec(s);
  if (m) {
    const local = DateTime.fromJSDate(now, { zone });
    const year = m[3] ? (m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3])) : local.year;
    return withinLimit(utcDay(year, Number(m[2]), Number(m[1])), now, zone);
  }
  const words = dayInWords(s, DateTime.fromJSDate(now, { zone }).startOf("day"));
  if (words) return withinLimit(utcDay(words.year, words.month, words.day), now, zone);
  const ref = systemLocalDate(DateTime.fromJSDate(now, { zone }));
  for (const lang of new Set<Locale>([locale, "fr", "en"])) {
    const found = dateParser(lang, "default").parse(s, ref, { forwardDate: false })[0];
    if (!found) continue;
    let year = found.start.get("year") ?? ref.getFullYear();
    const month = found.start.get("month") ?? 1;
    const day = found.start.get("day") ?? 1;
    const guess = utcDay(year, month, day);
    if (guess && !found.start.isCertain("year") && guess.getTime() - localDay(now, zone).getTime() > 60 * 86_400_000) year -= 1;
    return withinLimit(utcDay(year, month, day), now, zone);
  }
  return undefined;
}

/**
 * Reads an instant in the future: a delay (`2h`, `3j`, `3d`, `3t`, `1w`, `1sem`), or a day
 * and time as the events feature reads them (`2026-12-05 18:00`, "vendredi 18h",
 * "12. März 14 Uhr"); a day alone means the end of that day. Undefined when unreadable or
 * not after `now`.
 */
export function parseDeadline(text: string, locale: Locale, zone: string, now: Date): Date | undefined {
  const s = fold(text.trim());
  const delay = /^(\d{1,3})\s*(min|m|h|j|d|t|w|sem)$/.exec(s);
  if (delay) {
    const n = Number(delay[1]);
    const unit = delay[2]!;
    const ms = unit === "min" || unit === "m" ? 60_000 : unit === "h" ? 3_600_000 : unit === "w" || unit === "sem" ? 7 * 86_400_000 : 86_400_000;
    return n > 0 ? new Date(now.getTime() + n * ms) : undefined;
  }
  // The events reader puts a day and month typed without a year on their next occurrence
  // ("12/11" typed on the 13th is a year ahead): for a poll that is more likely a slip than a
  // plan, so without a typed year a deadline beyond six months is refused, not believed. With
  // one, the events reader's own limit (two years) applies.
  const horizon = (/\b\d{4}\b/.test(text) ? 3 * 366 : 183) * 86_400_000;
  const plausible = (d: Date) => (d.getTime() > now.getTime() && d.getTime() - now.getTime() <= horizon ? d : undefined);
  const withTime = parseWhen(text, { locale, zone, now });
  if (withTime.ok) return plausible(withTime.start);
  if (withTime.problem !== "no_time") return undefined;
  // A day without a time: the end of that day (a poll "until Friday" stays open all Friday).
  const day = parseWhen(text, { locale, zone, now, dateOnly: true });
  const start = day.ok ? day.start : day.problem === "past" ? day.understood : undefined;
  if (!start) return undefined;
  return plausible(DateTime.fromJSDate(start, { zone }).set({ hour: 23, minute: 59, second: 0 }).toJSDate());
}

/** A half-open range of days [from, to). */
export interface Period {
  from: Date;
  to: Date;
}

/**
 * Reads a period: `2026`, `2026-10`, `2026-01-01..2026-06-30`, a look-back (`30j`, `30d`,
 * `12w`, `6m`), or `semaine|week|woche`, `mois|month|monat|maand`, `annee|year|jahr|jaar`
 * (the current one). Undefined when unreadable.
 */
export function parsePeriod(text: string, zone: string, now: Date): Period | undefined {
  const s = fold(text.trim());
  const local = DateTime.fromJSDate(now, { zone });
  const day = (d: DateTime) => utcDay(d.year, d.month, d.day)!;
  let m = /^(\d{4})$/.exec(s);
  if (m) return { from: utcDay(Number(m[1]), 1, 1)!, to: utcDay(Number(m[1]) + 1, 1, 1)! };
  m = /^(\d{4})-(\d{1,2})$/.exec(s);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) {
    const start = DateTime.utc(Number(m[1]), Number(m[2]), 1);
    return { from: start.toJSDate(), to: start.plus({ months: 1 }).toJSDate() };
  }
  m = /^(\d{4}-\d{1,2}-\d{1,2})\.\.(\d{4}-\d{1,2}-\d{1,2})$/.exec(s);
  if (m) {
    const [a, b] = [m[1]!, m[2]!].map((x) => x.split("-").map(Number));
    const from = utcDay(a![0]!, a![1]!, a![2]!);
    const last = utcDay(b![0]!, b![1]!, b![2]!);
    return from && last && last >= from ? { from, to: new Date(last.getTime() + 86_400_000) } : undefined;
  }
  m = /^(\d{1,3})\s*(j|d|t|w|sem|m)$/.exec(s);
  if (m) {
    const n = Number(m[1]);
    const unit = m[2]!;
    const start = unit === "m" ? local.minus({ months: n }) : unit === "w" || unit === "sem" ? local.minus({ weeks: n }) : local.minus({ days: n });
    return { from: day(start), to: day(local.plus({ days: 1 })) };
  }
  if (["semaine", "week", "woche"].includes(s)) return { from: day(local.startOf("week")), to: day(local.startOf("week").plus({ weeks: 1 })) };
  if (["mois", "month", "monat", "maand"].includes(s)) return { from: day(local.startOf("month")), to: day(local.startOf("month").plus({ months: 1 })) };
  if (["annee", "an", "year", "jahr", "jaar"].includes(s)) return { from: day(local.startOf("year")), to: day(local.startOf("year").plus({ years: 1 })) };
  return undefined;
}
