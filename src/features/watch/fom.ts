/**
 * Fair-O-Mètre: a commune's status against its due date, what recording a submission
 * changes, and the deadline ladder (reminders 90, 30 and 7 days before and on the day,
 * then one alert to coordination) as pure functions of the commune and `now`.
 */
import type { Commune, FomRecord } from "../../core/ports.js";
import { MOMENTUM_CONFIG, type MomentumConfig } from "./config.js";
import { addDays, daysBetween } from "./calendar.js";
import { isoDay, localDay, localTimeOn } from "../../core/time/local.js";

export type FomStage = "none" | "later" | "soon" | "due" | "overdue";

export interface FomStatus {
  dueOn: Date | null;
  /** Days until the due date (0 on the day, negative once overdue); null without a date. */
  daysLeft: number | null;
  stage: FomStage;
  /** Latest record, and the one before it (grade trend). */
  last: FomRecord | null;
  previous: FomRecord | null;
  /** Where the current cycle's evidence starts: the last submission, or two years before the due date. */
  cycleStart: Date;
}

/** Adds whole years to a UTC-midnight date (29 February falls on 1 March). */
export function addYears(d: Date, years: number): Date {
  return new Date(Date.UTC(d.getUTCFullYear() + years, d.getUTCMonth(), d.getUTCDate()));
}

/** The status of a commune's Fair-O-Mètre at `now` (history oldest first, as stored). */
export function fomStatus(commune: Pick<Commune, "fomDueOn" | "timeZone">, history: readonly FomRecord[], now: Date, c: MomentumConfig = MOMENTUM_CONFIG): FomStatus {
  const past = history.filter((r) => r.on <= now);
  const last = past.at(-1) ?? null;
  const previous = past.at(-2) ?? null;
  const due = commune.fomDueOn;
  const today = localDay(now, commune.timeZone);
  const daysLeft = due ? daysBetween(today, due) : null;
  const first = Math.max(...c.ladder.daysBefore);
  const stage: FomStage =
    daysLeft === null ? "none" : daysLeft < 0 ? "overdue" : daysLeft === 0 ? "due" : daysLeft <= first ? "soon" : "later";
  const cycleStart = last ? last.on : due ? addYears(due, -2) : addYears(today, -2);
  return { dueOn: due, daysLeft, stage, last, previous, cycleStart };
}

export interface SubmissionPlan {
  /** The record's date: the local day of the submission. */
  on: Date;
  /** The next due date, or null when the current cycle was already submitted (grade update only). */
  nextDue: Date | null;
}

/**
 * What `/cdce fom soumis` records. A due date more than a year away means this cycle was
 * already submitted: the grade of the latest record is updated, the date does not move again.
 * Otherwise the due date moves two years on (as often as needed to land after today).
 */
export function planSubmission(dueOn: Date | null, now: Date, zone: string): SubmissionPlan {
  const on = localDay(now, zone);
  if (!dueOn) return { on, nextDue: addYears(on, 2) };
  if (daysBetween(on, dueOn) > 365) return { on, nextDue: null };
  let next = addYears(dueOn, 2);
  while (next <= on) next = addYears(next, 2);
  return { on, nextDue: next };
}

export type LadderStepName = `d-${number}` | "overdue";

export interface LadderStep {
  name: LadderStepName;
  /** Days before the due date (0 on the day); -1 for the overdue alert. */
  daysBefore: number;
  to: "commune" | "coordination";
  firesAt: Date;
  /** The next step's time: after it, this one is pointless. */
  expiresAt: Date;
  /** `fom:<communeId>:<due day>:<step>`: one message per commune, cycle and step. */
  key: string;
}

/** Key prefix of every step of one cycle: what a submission cancels. */
export function ladderPrefix(communeId: string, dueOn: Date): string {
  return `fom:${communeId}:${isoDay(dueOn)}:`;
}

/** Every step of the cycle ending at the commune's due date, in order. */
export function ladder(commune: Pick<Commune, "id" | "fomDueOn" | "timeZone">, c: MomentumConfig = MOMENTUM_CONFIG): LadderStep[] {
  const due = commune.fomDueOn;
  if (!due) return [];
  const at = (offset: number) => localTimeOn(due, offset, c.ladder.hour, 0, commune.timeZone);
  const days = [...c.ladder.daysBefore].sort((a, b) => b - a);
  const overdueAt = at(1);
  const steps: LadderStep[] = days.map((d, i) => {
    const next = days[i + 1];
    return {
      name: `d-${d}`,
      daysBefore: d,
      to: "commune",
      firesAt: at(-d),
      expiresAt: next === undefined ? overdueAt : at(-next),
      key: `${ladderPrefix(commune.id, due)}d-${d}`,
    };
  });
  steps.push({
    name: "overdue",
    daysBefore: -1,
    to: "coordination",
    firesAt: overdueAt,
    expiresAt: addDays(overdueAt, c.ladder.overdueExpiresDays),
    key: `${ladderPrefix(commune.id, due)}overdue`,
  });
  return steps;
}

/**
 * The step whose time has come at `now` and has not expired (at most one: each step
 * expires when the next fires). A scan that missed days sends the current step only.
 */
export function dueLadderStep(commune: Pick<Commune, "id" | "fomDueOn" | "timeZone">, now: Date, c: MomentumConfig = MOMENTUM_CONFIG): LadderStep | null {
  const due = commune.fomDueOn;
  if (!due) return null;
  // Cheap bounds first (zone arithmetic is the costly part of a daily pass over every commune).
  const days = daysBetween(now, due);
  if (days > Math.max(...c.ladder.daysBefore) + 1 || -days > c.ladder.overdueExpiresDays + 2) return null;
  return ladder(commune, c).find((s) => s.firesAt <= now && now < s.expiresAt) ?? null;
}
