/**
 * The pieces of a date typed by a person, before they become an instant: times of day
 * (`14h`, `19h30`, `14 Uhr`, `19u30`, `2pm`, `14:00`), numeric and ISO dates, and the
 * relative words chrono-node misses (`après-demain`, `übermorgen`, `overmorgen`).
 * Pure string work: no zone, no clock.
 */
import type { LocalTime } from "../time/local.js";

export interface DayParts {
  year?: number;
  month: number;
  day: number;
}

/** Lower case, one space, `T` of ISO instants and typographic dashes made plain. */
export function normalizeInput(raw: string): string {
  return raw
    .normalize("NFC")
    .replace(/[\u2013\u2014]/g, "-")
    .replace(/(\d{4}-\d{2}-\d{2})t(\d)/gi, "$1 $2")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
}

const TIME_PATTERNS: { re: RegExp; to: (m: RegExpExecArray) => LocalTime | null }[] = [
  // 2pm, 7:30 pm, 11am
  { re: /\b(\d{1,2})(?::(\d{2}))?\s*(am|pm)\b/, to: (m) => ampm(Number(m[1]), Number(m[2] ?? 0), m[3]!) },
  // 14:00, 14.30 uhr, 14h30, 19u30, 14 h 30
  // (not `14h 15h`: two hours, not 14:15)
  { re: /\b(\d{1,2})\s*(?::|h|u|\.(?=\d{2}\s*(?:uhr|uur|h)\b))\s*(\d{2})(?:\s*(?:uhr|uur)\b|(?!\s*(?:h|u)\b))/, to: (m) => hm(Number(m[1]), Number(m[2])) },
  // 14h, 14 h, 14u, 14 uhr, 9 uur
  { re: /\b(\d{1,2})\s*(?:h|u|uhr|uur)\b/, to: (m) => hm(Number(m[1]), 0) },
];

function hm(hour: number, minute: number): LocalTime | null {
  return hour <= 23 && minute <= 59 ? { hour, minute } : null;
}

function ampm(hour: number, minute: number, suffix: string): LocalTime | null {
  if (hour < 1 || hour > 12) return null;
  return hm((hour % 12) + (suffix === "pm" ? 12 : 0), minute);
}

/** Words that join a start and an end time: `14h-16h`, `de 14h à 16h`, `von 14 bis 16 Uhr`. */
const RANGE_JOINERS = /^\s*(?:-|à|a|au|jusqu'à|jusqu’à|bis|tot|to|until|till)\s*$/;

export interface TimesFound {
  times: LocalTime[];
  /** Whether the second time was joined to the first as a range. */
  range: boolean;
  /** The input with the times cut out. */
  rest: string;
  /** A time-like number we could not read (`25h`). */
  invalid?: string;
}

/** Finds the times of day in `s`, in order, and cuts them out. */
export function extractTimes(input: string): TimesFound {
  // `von 14 bis 16 Uhr`, `de 14 à 16h`: the unit written once belongs to both numbers.
  const s = input.replace(/\b(\d{1,2})\s*(-|bis|à|tot|to)\s*(\d{1,2})\s*(uhr|uur|h|u)\b/g, "$1$4 $2 $3$4");
  const found: { at: number; end: number; time: LocalTime }[] = [];
  let rest = s;
  let invalid: string | undefined;
  for (;;) {
    let best: { at: number; end: number; time: LocalTime | null; text: string } | undefined;
    for (const p of TIME_PATTERNS) {
      const m = p.re.exec(rest);
      if (m && (!best || m.index < best.at)) best = { at: m.index, end: m.index + m[0].length, time: p.to(m), text: m[0] };
    }
    if (!best) break;
    if (!best.time) invalid ??= best.text.trim();
    else found.push({ at: best.at, end: best.end, time: best.time });
    // Keep positions stable by blanking instead of removing.
    rest = rest.slice(0, best.at) + "\uE000".repeat(best.end - best.at) + rest.slice(best.end);
  }
  found.sort((a, b) => a.at - b.at);
  let range = false;
  if (found.length >= 2) {
    const between = rest.slice(found[0]!.end, found[1]!.at);
    range = RANGE_JOINERS.test(between) || between.trim() === "";
  }
  const cleaned = rest.replace(/\uE000+/g, " ").replace(/\s+(?:-|à|bis|tot|to|until)\s*$/, " ");
  return { times: found.map((f) => f.time), range, rest: cleaned.replace(/\s+/g, " ").trim(), invalid };
}

export interface NumericDate {
  parts: DayParts;
  rest: string;
  /** Day and month could be swapped (both <= 12 and different). */
  swappable: boolean;
}

/**
 * `2027-03-12`, `12/03`, `12.03.`, `12-03-2027`, `12/3/27`: always day first (Belgium).
 * Returns null when there is none.
 */
export function extractNumericDate(s: string): NumericDate | null {
  const iso = /\b(\d{4})-(\d{1,2})-(\d{1,2})\b/.exec(s);
  if (iso) {
    return {
      parts: { year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]) },
      rest: (s.slice(0, iso.index) + " " + s.slice(iso.index + iso[0].length)).trim(),
      swappable: false,
    };
  }
  const m = /\b(\d{1,2})[./-](\d{1,2})(?:[./-](\d{4}|\d{2})\b)?\.?/.exec(s);
  if (!m) return null;
  const day = Number(m[1]);
  const month = Number(m[2]);
  const y = m[3] ? Number(m[3]) : undefined;
  const year = y === undefined ? undefined : y < 100 ? 2000 + y : y;
  return {
    parts: { year, month, day },
    rest: (s.slice(0, m.index) + " " + s.slice(m.index + m[0].length)).replace(/\s+/g, " ").trim(),
    swappable: day <= 12 && month <= 12 && day !== month,
  };
}

/** Relative day words, in days from today, that chrono-node reads wrongly or not at all. */
const RELATIVE_DAYS: [RegExp, number][] = [
  [/\b(?:après-demain|apres-demain|après demain|übermorgen|uebermorgen|overmorgen|day after tomorrow)\b/, 2],
];

export function extractRelativeDay(s: string): { days: number; rest: string } | null {
  for (const [re, days] of RELATIVE_DAYS) {
    const m = re.exec(s);
    if (m) return { days, rest: (s.slice(0, m.index) + " " + s.slice(m.index + m[0].length)).trim() };
  }
  return null;
}

/** Words that carry no date: what may be left once the date and times are cut out. */
const FILLER = new Set([
  "le", "la", "à", "a", "de", "du", "des", "et", "à partir de", "dès", "h", "heure", "heures", "partir",
  "am", "um", "vom", "von", "bis", "den", "der", "ab", "uhr",
  "op", "om", "van", "tot", "uur", "de", "vanaf",
  "on", "at", "from", "the", "to", "of",
  ",", ".", "-", "–", "/",
]);

/** Whether `rest` still holds something meaningful (a word that is not filler). */
export function meaningfulLeftover(rest: string): string | null {
  const words = rest
    .split(/[\s,]+/)
    .map((w) => w.replace(/^[.,;:()]+|[.,;:()]+$/g, ""))
    .filter((w) => w && !FILLER.has(w));
  return words.length ? words.join(" ") : null;
}

/**
 * A duration typed by a person: `90`, `90 min`, `1h30`, `1 h 30`, `2h`, `1:30`, `1,5 h`,
 * `2 Stunden`, `2 uur`. Minutes, or null when unreadable.
 */
export function parseDuration(raw: string): number | null {
  const s = normalizeInput(raw).replace(",", ".");
  let m = /^(\d{1,2})\s*(?:h|u|:)\s*(\d{1,2})\s*(?:min|m)?$/.exec(s);
  if (m) return Number(m[1]) * 60 + Number(m[2]);
  m = /^(\d+(?:\.\d+)?)\s*(?:h|u|uur|uhr|heures?|stunden?|std|hours?|hrs?)$/.exec(s);
  if (m) return Math.round(Number(m[1]) * 60);
  m = /^(\d{1,4})\s*(?:min|mins|minutes?|minuten?|m)?$/.exec(s);
  if (m) return Number(m[1]);
  return null;
}
