/**
 * Days written in words, read with our own patterns rather than chrono-node's: chrono reads
 * "March 12" as March 2012 in British English, knows no "kommenden" nor "le dernier dimanche
 * de mars", and moves "lundi dernier" forward. Each reader cuts what it read out of the text
 * and returns the calendar day; the caller builds the instant in the zone and refuses a past
 * day (nothing here moves a day to another year, except a day and month typed without one).
 */
import { DateTime } from "luxon";
import type { DayParts } from "./when-parts.js";
import { nthWeekdayOfMonth } from "./local.js";
import {
  MONTH_RE,
  NEXT_RE,
  ORDINAL_RE,
  PAST_RE,
  THIS_RE,
  WEEKDAY_RE,
  WORD_END as E,
  WORD_START as S,
  monthOf,
  ordinalOf,
  weekdayOf,
} from "./when-words.js";

export interface WordDay {
  parts: DayParts;
  /** A weekday named next to a calendar date (1 = Monday), to check against it. */
  weekday?: number;
  /** A weekday alone ("samedi") that is today's: today or in a week? */
  bareWeekday?: boolean;
  /** A weekday with a word that says which one: "prochain" (next) or "dernier" (past). */
  told?: "next" | "past";
  rest: string;
}

const cut = (s: string, m: RegExpExecArray) => (s.slice(0, m.index) + " " + s.slice(m.index + m[0].length)).replace(/\s+/g, " ").trim();
const re = (source: string) => new RegExp(source, "u");
const YEAR = `(?:,?\\s+(\\d{4}))?${E}`;

/** A weekday named anywhere in `s` (for "mardi 12 janvier"), cut out. */
export function namedWeekday(s: string): { weekday?: number; rest: string } {
  const m = re(`${S}${WEEKDAY_RE}${E},?`).exec(s);
  return m ? { weekday: weekdayOf(m[1]!), rest: cut(s, m) } : { rest: s };
}

/**
 * `12 mars`, `1er avril 2027`, `12. März`, `3rd December`, and month first as English
 * writes it: `March 12`, `Mar 12, 2027 at`. The year, when typed, is kept whatever it is
 * (a far year is refused later, with the limit named).
 */
export function extractNamedDate(s: string): WordDay | null {
  const dayFirst = re(`${S}(\\d{1,2})(?:er|re|e|st|nd|rd|th|\\.)?\\s*(?:de\\s+|of\\s+)?${MONTH_RE}${YEAR}`).exec(s);
  const monthFirst = dayFirst ? null : re(`${S}${MONTH_RE}\\s+(?:the\\s+)?(\\d{1,2})(?:st|nd|rd|th|er|\\.)?${E}${YEAR}`).exec(s);
  const m = dayFirst ?? monthFirst;
  if (!m) return null;
  const [day, month] = dayFirst ? [m[1]!, m[2]!] : [m[2]!, m[1]!];
  const parts: DayParts = { day: Number(day), month: monthOf(month)!, year: m[3] ? Number(m[3]) : undefined };
  const named = namedWeekday(cut(s, m));
  return { parts, weekday: named.weekday, rest: named.rest };
}

/**
 * `le dernier dimanche de mars 2027`, `letzter Sonntag im März`, `laatste zondag van maart`,
 * `last Sunday of March`, `premier lundi d'avril`, `2. Dienstag im Mai`. Without a year: the
 * first one that is not over.
 */
export function extractNthWeekday(s: string, today: DateTime): WordDay | null {
  const m = re(`${S}(?:le\\s+|la\\s+|am\\s+|den\\s+|op\\s+|de\\s+|the\\s+)?${ORDINAL_RE}\\s+${WEEKDAY_RE}\\s+(?:de|du|d'|d’|im|in|des|van|of|en)\\s*${MONTH_RE}${YEAR}`).exec(s);
  if (!m) return null;
  const nth = ordinalOf(m[1]!)!;
  const weekday = weekdayOf(m[2]!)!;
  const month = monthOf(m[3]!)!;
  const dayIn = (year: number) => nthWeekdayOfMonth(year, month, weekday, nth, today.zone);
  let d = dayIn(m[4] ? Number(m[4]) : today.year);
  if (!m[4] && d < today) d = dayIn(today.year + 1);
  // A fifth Monday that falls in the next month is no day of this one.
  const parts: DayParts = d.month === month ? { year: d.year, month, day: d.day } : { year: d.year, month, day: 32 };
  return { parts, rest: cut(s, m) };
}

const NUMBER_WORDS = new Map([
  ["un", 1], ["une", 1], ["einem", 1], ["einer", 1], ["een", 1], ["a", 1], ["one", 1],
  ["deux", 2], ["zwei", 2], ["twee", 2], ["two", 2], ["trois", 3], ["drei", 3], ["drie", 3], ["three", 3],
]);
const DAY_UNIT = "(jours?|tagen?|dagen?|days?|semaines?|wochen?|weken?|weeks?)";
const COUNT = "(\\d{1,3}|un|une|einem|einer|een|a|one|deux|zwei|twee|two|trois|drei|drie|three)";

/** Words for a day counted from today, longest first ("après-demain" before "demain"). */
const RELATIVE_WORDS: [RegExp, number][] = [
  [re(`${S}(?:après-demain|apres-demain|après demain|apres demain|übermorgen|uebermorgen|overmorgen|day after tomorrow)${E}`), 2],
  [re(`${S}(?:avant-hier|avant hier|vorgestern|eergisteren|day before yesterday)${E}`), -2],
  [re(`${S}(?:aujourd'hui|aujourd’hui|ce soir|ce matin|cet après-midi|cet apres-midi|heute(?:\\s+(?:morgen|früh|mittag|nachmittag|abend))?|vandaag|vanavond|vanmiddag|vanmorgen|vanochtend|today|tonight|this (?:morning|afternoon|evening))${E}`), 0],
  [re(`${S}(?:demain|morgen|tomorrow)${E}`), 1],
  [re(`${S}(?:hier|gestern|gisteren|yesterday)${E}`), -1],
];

/** `hier`, `gestern`, `demain`, `in 3 Tagen`, `il y a 2 jours`, `3 dagen geleden`...: days from today. */
export function extractRelativeDay(s: string): { days: number; rest: string } | null {
  for (const [pattern, days] of RELATIVE_WORDS) {
    const m = pattern.exec(s);
    if (m) return { days, rest: cut(s, m) };
  }
  const count = (n: string, unit: string) => (NUMBER_WORDS.get(n) ?? Number(n)) * (/^(?:sem|woch|wek|week)/.test(unit) ? 7 : 1);
  const ahead = re(`${S}(?:dans|in|over)\\s+${COUNT}\\s+${DAY_UNIT}${E}`).exec(s);
  if (ahead) return { days: count(ahead[1]!, ahead[2]!), rest: cut(s, ahead) };
  const ago = re(`${S}(?:il y a|vor)\\s+${COUNT}\\s+${DAY_UNIT}${E}`).exec(s) ?? re(`${S}${COUNT}\\s+${DAY_UNIT}\\s+(?:geleden|ago)${E}`).exec(s);
  if (ago) return { days: -count(ago[1]!, ago[2]!), rest: cut(s, ago) };
  return null;
}

/**
 * A weekday with or without a word around it: `mardi prochain`, `kommenden Dienstag`,
 * `dinsdag aanstaande`, `next Tuesday` (the next one after today); `lundi dernier`,
 * `letzten Montag`, `vorige maandag`, `last Monday` (the one before today, which is past);
 * `samedi` or `ce samedi` (the next one, or today: the caller asks).
 */
export function extractWeekday(s: string, today: DateTime): WordDay | null {
  const before = (words: string) => re(`${S}${words}\\s+${WEEKDAY_RE}${E}`);
  const after = (words: string) => re(`${S}${WEEKDAY_RE}\\s+${words}${E}`);
  const dayOf = (d: DateTime): DayParts => ({ year: d.year, month: d.month, day: d.day });
  let m = before(PAST_RE).exec(s);
  let weekday = m ? weekdayOf(m[2]!) : undefined;
  if (!m) {
    m = after(PAST_RE).exec(s);
    weekday = m ? weekdayOf(m[1]!) : undefined;
  }
  if (m && weekday) {
    const back = ((today.weekday - weekday + 7) % 7) || 7;
    return { parts: dayOf(today.minus({ days: back })), told: "past", rest: cut(s, m) };
  }
  m = before(NEXT_RE).exec(s);
  weekday = m ? weekdayOf(m[2]!) : undefined;
  if (!m) {
    m = after(NEXT_RE).exec(s);
    weekday = m ? weekdayOf(m[1]!) : undefined;
  }
  if (m && weekday) {
    const ahead = ((weekday - today.weekday + 7) % 7) || 7;
    return { parts: dayOf(today.plus({ days: ahead })), told: "next", rest: cut(s, m) };
  }
  m = before(THIS_RE).exec(s);
  if (m) weekday = weekdayOf(m[2]!)!;
  else {
    m = re(`${S}${WEEKDAY_RE}${E}`).exec(s);
    if (!m) return null;
    weekday = weekdayOf(m[1]!)!;
  }
  const ahead = (weekday - today.weekday + 7) % 7;
  return { parts: dayOf(today.plus({ days: ahead })), bareWeekday: ahead === 0, rest: cut(s, m) };
}
