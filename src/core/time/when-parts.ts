/**
 * The pieces of a date typed by a person, before they become an instant: times of day
 * (`14h`, `19h30`, `14 Uhr`, `19u30`, `2pm`, `14:00`), numeric and ISO dates, and the
 * relative words chrono-node misses (`après-demain`, `übermorgen`, `overmorgen`).
 * Pure string work: no zone, no clock.
 */
import type { LocalTime } from "./local.js";

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
  // Noon and midnight in words: midnight is the first minute of the day it is written with.
  { re: /(?<![\p{L}])(?:midi|mittag|middag|noon)(?![\p{L}])/u, to: () => hm(12, 0) },
  { re: /(?<![\p{L}])(?:minuit|mitternacht|middernacht|midnight)(?![\p{L}])/u, to: () => hm(0, 0) },
  // 2pm, 7:30 pm, 11am
  { re: /\b(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)(?![\p{L}])/u, to: (m) => ampm(Number(m[1]), Number(m[2] ?? 0), m[3]![0] === "p" ? "pm" : "am") },
  // 14:00, 14.30 uhr, 14h30, 19u30, 14 h 30
  // (not `14h 15h`: two hours, not 14:15)
  { re: /\b(\d{1,2})\s*(?::|h|u|\.(?=\d{2}\s*(?:uhr|uur|h)\b))\s*(\d{2})(?:\s*(?:uhr|uur)\b|(?!\s*(?:h|u)\b))/, to: (m) => hm(Number(m[1]), Number(m[2])) },
  // 14 heures 30, 14 Uhr 30, 14 uur 30
  { re: /\b(\d{1,2})\s*(?:heures?|uhr|uur)\s+(\d{2})\b(?!\s*(?:h|u|uhr|uur|heures?)\b)/, to: (m) => hm(Number(m[1]), Number(m[2])) },
  // 14h, 14 h, 14u, 14 uhr, 9 uur, 14 heures
  { re: /\b(\d{1,2})\s*(?:heures?|h|u|uhr|uur)\b/, to: (m) => hm(Number(m[1]), 0) },
];

function hm(hour: number, minute: number): LocalTime | null {
  return hour <= 23 && minute <= 59 ? { hour, minute } : null;
}

function ampm(hour: number, minute: number, suffix: string): LocalTime | null {
  if (hour < 1 || hour > 12) return null;
  return hm((hour % 12) + (suffix === "pm" ? 12 : 0), minute);
}

/**
 * How a person says which of the two 2:30 of an autumn night they mean: an explicit UTC
 * offset (`+02:00`, `2027-10-31T02:30+01:00`), which names one instant as ISO 8601 does, or
 * the season's name in any of the four languages (`heure d'été`, `Winterzeit`, `zomertijd`,
 * `summer time`, `CEST`), which must fit the zone on that day.
 */
export interface ZoneHint {
  /** Minutes east of UTC. */
  offset?: number;
  season?: "summer" | "winter";
  /** As typed, to name it back when it does not fit the date. */
  text: string;
}

const SEASONS: [RegExp, "summer" | "winter"][] = [
  [/(?<![\p{L}])(?:heure d['’]été|heure d['’]ete|sommerzeit|zomertijd|summer ?time|daylight time|cest)(?![\p{L}])/u, "summer"],
  [/(?<![\p{L}])(?:heure d['’]hiver|winterzeit|normalzeit|wintertijd|winter ?time|standard time|cet)(?![\p{L}])/u, "winter"],
];

/** Cuts an offset or a season word out of `s` (before times are read: `+02:00` looks like one). */
export function extractZoneHint(s: string): { hint?: ZoneHint; rest: string } {
  // `+02:00` after a space or glued to a time, `utc+1`, `gmt-5`, `z` glued to a time; never a
  // bare `-10:00` (the end of `09:00-10:00`).
  const offset =
    /(?:(?<=\d{2}:\d{2}(?::\d{2})?)|(?<=\s)|^)(?:(?:utc|gmt)\s?([+-])(\d{1,2})(?::?([0-5]\d))?|\+(0\d|1[0-4]):?([0-5]\d))(?=\s|$)|(?<=\d{2}:\d{2}(?::\d{2})?)z(?=\s|$)/.exec(s);
  if (offset) {
    const [sign, hours, minutes] = offset[1] ? [offset[1], offset[2], offset[3]] : offset[4] ? ["+", offset[4], offset[5]] : ["+", "0", "0"];
    const total = (sign === "-" ? -1 : 1) * (Number(hours) * 60 + Number(minutes ?? 0));
    if (Math.abs(total) <= 14 * 60) return { hint: { offset: total, text: offset[0].trim() }, rest: (s.slice(0, offset.index) + " " + s.slice(offset.index + offset[0].length)).trim() };
  }
  for (const [re, season] of SEASONS) {
    const m = re.exec(s);
    if (m) return { hint: { season, text: m[0] }, rest: (s.slice(0, m.index) + " " + s.slice(m.index + m[0].length)).replace(/\(\s*\)/g, " ").trim() };
  }
  return { rest: s };
}

/** Parts of the day that come after a time (`8 Uhr abends`, `3h de l'après-midi`): cut out. */
const DAY_PART_WORDS =
  /(?<![\p{L}])(?:du soir|de l['’]apr[eè]s-midi|de l['’]aprem|abends|nachmittags|mittags|am abend|am nachmittag|abend|nachmittag|['’]s avonds|['’]s middags|['’]s namiddags|in the (?:evening|afternoon)|du matin|morgens|vormittags|früh|am morgen|am vormittag|vormittag|['’]s morgens|['’]s ochtends|in the morning)(?![\p{L}])/gu;
/** Words that put a time from 1 to 11 in the afternoon or evening (`ce soir 8h` is 20:00). */
const LATER_IN_THE_DAY =
  /(?<![\p{L}])(?:soir|apr[eè]s-midi|aprem|abends?|nachmittags?|['’]s avonds|['’]s middags|['’]s namiddags|vanavond|vanmiddag|evening|afternoon|tonight)(?![\p{L}])/u;

/** Cuts the parts of the day out of `s`; says whether one of them means afternoon or evening. */
export function extractDayPart(s: string): { later: boolean; rest: string } {
  return { later: LATER_IN_THE_DAY.test(s), rest: s.replace(DAY_PART_WORDS, " ").replace(/\s+/g, " ").trim() };
}

/** `8h` said of the evening is 20:00; a time already after noon, or 12, stays. */
export function laterInTheDay(t: LocalTime): LocalTime {
  return t.hour >= 1 && t.hour <= 11 ? { hour: t.hour + 12, minute: t.minute } : t;
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
  // (Not the month of `12/03 à 14h`.)
  const s = input.replace(/(?<![\d/.-])\b(\d{1,2})\s*(-|bis|à|tot|to)\s*(\d{1,2})\s*(uhr|uur|h|u)\b/g, "$1$4 $2 $3$4");
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
