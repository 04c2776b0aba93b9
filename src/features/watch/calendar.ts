/**
 * Dates the watch plans around: the Semaine du Commerce Équitable, the communal elections,
 * and day arithmetic on days stored as UTC midnight. Pure functions of their arguments
 * (local wall-clock times are in src/core/time/local.ts).
 */
import type { TimeWindow } from "./ports.js";
import { MOMENTUM_CONFIG, type MomentumConfig } from "./config.js";

export const DAY_MS = 86_400_000;

/** Whole days from `from` to `to` (floored; negative when `to` is before `from`). */
export function daysBetween(from: Date, to: Date): number {
  return Math.floor((to.getTime() - from.getTime()) / DAY_MS);
}

export function addDays(d: Date, days: number): Date {
  return new Date(d.getTime() + days * DAY_MS);
}

/** First Wednesday of October of `year`: the start of the Semaine du Commerce Équitable. */
export function semaineStart(year: number): Date {
  const oct1 = new Date(Date.UTC(year, 9, 1));
  const offset = (3 - oct1.getUTCDay() + 7) % 7; // 3 = Wednesday
  return addDays(oct1, offset);
}

/** The weighted period around the Semaine of `year` (UTC days, half-open). */
export function semaineWindow(year: number, c: MomentumConfig = MOMENTUM_CONFIG): TimeWindow {
  const start = semaineStart(year);
  return { from: addDays(start, -c.semaine.daysBefore), to: addDays(start, c.semaine.lengthDays + c.semaine.daysAfter) };
}

/** The Semaine windows that overlap the last 12 months before `now` (one or two). */
export function semaineWindowsBefore(now: Date, c: MomentumConfig = MOMENTUM_CONFIG): TimeWindow[] {
  const since = addDays(now, -c.actions12m.days);
  const years = [now.getUTCFullYear() - 1, now.getUTCFullYear()];
  return years.map((y) => semaineWindow(y, c)).filter((w) => w.to > since && w.from <= now);
}

/** Whether `at` falls in one of `windows`. */
export function inWindows(at: Date, windows: readonly TimeWindow[]): boolean {
  return windows.some((w) => at >= w.from && at < w.to);
}

/**
 * Belgian communal elections: every 6 years on the second Sunday of October (13 Oct 2024,
 * then 2030). Returns the next election day on or after `now`'s day (UTC midnight).
 */
export function nextElection(now: Date): Date {
  for (let year = 2024; ; year += 6) {
    const oct1 = new Date(Date.UTC(year, 9, 1));
    const firstSunday = addDays(oct1, (7 - oct1.getUTCDay()) % 7);
    const election = addDays(firstSunday, 7);
    if (addDays(election, 1) > now) return election;
  }
}

/** The election just before `now` (or on its day). */
export function previousElection(now: Date): Date {
  let prev = new Date(Date.UTC(2018, 9, 14)); // 14 Oct 2018
  for (let year = 2024; ; year += 6) {
    const oct1 = new Date(Date.UTC(year, 9, 1));
    const e = addDays(addDays(oct1, (7 - oct1.getUTCDay()) % 7), 7);
    if (e > now) return prev;
    prev = e;
  }
}
