/**
 * A CoPil meeting logged in one line: `12/03 8 présents "décisions…"`. The day may come
 * without its year (the last such day up to today, in the commune's zone), the number of
 * people present may be followed by the word for it in any of the four languages, and what
 * was decided is the rest of the line. A meeting is logged once it happened: a day after
 * today is refused (it would count as activity in advance).
 */
import { fold } from "../../core/fold.js";
import { parseDecimalInt } from "../../core/numbers.js";
import { localDay, localTimeOn, utcDay } from "../../core/time/local.js";
import { parseDay } from "./input.js";

/** Words that may follow the number of people present (folded). */
const PRESENT_WORDS = new Set(["present", "presents", "presente", "presentes", "presence", "personnes", "anwesend", "anwesende", "teilnehmer", "aanwezig", "aanwezigen", "deelnemers", "attendees", "people", "p"]);

export interface CopilMeeting {
  /** The meeting's day, UTC midnight. */
  day: Date;
  present: number;
  decisions: string;
}

export type MeetingProblem = "badDay" | "futureDay" | "badCount";

/** The day typed (`12/03`, `12.03`, `12/03/2027`, `2027-03-12`) as UTC midnight; without a year, the last such day up to `today`. */
export function meetingDay(raw: string, today: Date): Date | null {
  const full = parseDay(raw);
  if (full) return full;
  const m = /^(\d{1,2})[./](\d{1,2})$/.exec(raw.trim());
  if (!m) return null;
  const [d, mo] = [Number(m[1]), Number(m[2])];
  const thisYear = utcDay(today.getUTCFullYear(), mo, d);
  if (thisYear && thisYear <= today) return thisYear;
  // Not yet this year (or 29/02 in another year): the same day last year, or the last 29 February.
  for (let y = today.getUTCFullYear() - 1; y >= today.getUTCFullYear() - 4; y--) {
    const day = utcDay(y, mo, d);
    if (day) return day;
  }
  return null;
}

/** Reads the three parts of the line; `now` and `zone` give today's local day. */
export function readMeeting(parts: { date?: string; present?: string; rest?: string }, now: Date, zone: string): CopilMeeting | MeetingProblem {
  const today = localDay(now, zone);
  const day = parts.date ? meetingDay(parts.date, today) : null;
  if (!day) return "badDay";
  if (day > today) return "futureDay";
  const count = parseDecimalInt((parts.present ?? "").trim());
  if (count === undefined || count < 1 || count > 500) return "badCount";
  const words = (parts.rest ?? "").trim().split(/\s+/).filter(Boolean);
  if (words.length && PRESENT_WORDS.has(fold(words[0]!).replace(/[.:,]$/, ""))) words.shift();
  return { day, present: count, decisions: words.join(" ") };
}

/**
 * When the meeting is recorded in the activity log: now for a meeting today (never after
 * now, or the watch would not count it yet), else noon of its local day.
 */
export function meetingInstant(day: Date, now: Date, zone: string): Date {
  if (day.getTime() === localDay(now, zone).getTime()) return now;
  return localTimeOn(day, 0, 12, 0, zone);
}
