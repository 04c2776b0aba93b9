/**
 * The momentum score: a pure function of `now` and a commune's signals, 0 to 100, with a
 * level (green, orange, red) and its top reasons. Weights and thresholds come from
 * MOMENTUM_CONFIG (config.ts), where each component is documented.
 */
import type { FomGrade } from "../../core/ports.js";
import { MOMENTUM_CONFIG, type MomentumConfig } from "./config.js";
import { daysBetween } from "./calendar.js";
import type { Level, MomentumSignals, Reason, ReasonCode } from "./ports.js";

/** A commune with nothing recorded anywhere yet. */
export function emptySignals(fomDueOn: Date | null): MomentumSignals {
  return {
    lastActivityAt: null,
    actions6m: 0,
    actions6mSemaine: 0,
    actions12m: 0,
    actions12mSemaine: 0,
    trainings12m: 0,
    copilSize: 0,
    copilSizeBefore: 0,
    lastGrade: undefined,
    previousGrade: undefined,
    fomDueOn,
    promptsSent: 0,
    promptsAnswered: 0,
  };
}

/**
 * Whether the bot knows nothing of a commune yet: no activity ever, no CoPil member, no
 * Fair-O-Mètre record, no prompt it could have answered. Such a commune is "no data yet":
 * its score would only say that nothing was recorded, so it is neither red nor alerted.
 */
export function knowsNothing(s: MomentumSignals): boolean {
  return s.lastActivityAt === null && s.copilSize === 0 && s.copilSizeBefore === 0 && s.lastGrade === undefined && s.promptsSent === 0;
}

export const COMPONENTS = ["recency", "actions6m", "actions12m", "training", "copilSize", "copilTrend", "fom", "answers"] as const;
export type Component = (typeof COMPONENTS)[number];

export interface MomentumResult {
  /** 0..100, rounded. */
  score: number;
  /** Nothing recorded about the commune yet ({@link knowsNothing}): its level is not a judgement. */
  noData: boolean;
  level: Level;
  /** Points earned by each component, and its maximum. */
  components: Record<Component, { points: number; max: number }>;
  /** Points subtracted for an overdue Fair-O-Mètre. */
  penalty: number;
  /** Top reasons, most costly first. */
  reasons: Reason[];
  /** Every reason with a cost, most costly first (for the detailed view). */
  allReasons: Reason[];
}

const GRADE_ORDER: Record<FomGrade, number> = { A: 5, B: 4, C: 3, D: 2, E: 1 };

/** Linear share of `max` for `value` against `target`, capped at `max`. */
function share(value: number, target: number, max: number): number {
  if (target <= 0) return max;
  return Math.min(1, Math.max(0, value / target)) * max;
}

/** Level of a score. */
export function levelOf(score: number, c: MomentumConfig = MOMENTUM_CONFIG): Level {
  if (score >= c.levels.green) return "green";
  if (score >= c.levels.orange) return "orange";
  return "red";
}

/** Severity order, to tell a fall (green -> orange) from a recovery. */
export function severity(level: Level): number {
  return level === "green" ? 0 : level === "orange" ? 1 : 2;
}

/** Actions counted with the Semaine weight. */
function weighted(count: number, aroundSemaine: number, c: MomentumConfig): number {
  return count + (c.semaine.weight - 1) * aroundSemaine;
}

/** Days the Fair-O-Mètre is overdue at `now` (0 on the due day itself or before). */
export function fomOverdueDays(fomDueOn: Date | null, now: Date): number {
  if (!fomDueOn) return 0;
  return Math.max(0, daysBetween(fomDueOn, now));
}

/** Computes the score of one commune. Pure: same signals, same `now`, same result. */
export function scoreMomentum(s: MomentumSignals, now: Date, c: MomentumConfig = MOMENTUM_CONFIG): MomentumResult {
  const reasons: Reason[] = [];
  const add = (code: ReasonCode, lost: number, params: Reason["params"] = {}) => reasons.push({ code, lost, params });

  // Recency: full up to fullWithinDays, linear down to 0 at zeroAfterDays.
  const r = c.recency;
  let recency = 0;
  if (s.lastActivityAt) {
    const days = Math.max(0, daysBetween(s.lastActivityAt, now));
    recency = days <= r.fullWithinDays ? r.points : days >= r.zeroAfterDays ? 0 : (r.points * (r.zeroAfterDays - days)) / (r.zeroAfterDays - r.fullWithinDays);
    add("recencyDays", r.points - recency, { days });
  } else add("recencyNever", r.points);

  const w6 = weighted(s.actions6m, s.actions6mSemaine, c);
  const actions6m = share(w6, c.actions6m.target, c.actions6m.points);
  add("actions6m", c.actions6m.points - actions6m, { count: s.actions6m, target: c.actions6m.target });
  const w12 = weighted(s.actions12m, s.actions12mSemaine, c);
  const actions12m = share(w12, c.actions12m.target, c.actions12m.points);
  add("actions12m", c.actions12m.points - actions12m, { count: s.actions12m, target: c.actions12m.target });

  const training = share(s.trainings12m, c.training.target, c.training.points);
  add("training", c.training.points - training, { count: s.trainings12m, target: c.training.target });

  const copilSize = share(s.copilSize, c.copil.targetSize, c.copil.sizePoints);
  add("copilSize", c.copil.sizePoints - copilSize, { size: s.copilSize, target: c.copil.targetSize });
  const loss = s.copilSizeBefore - s.copilSize;
  const copilTrend = loss <= 0 ? c.copil.trendPoints : Math.max(0, c.copil.trendPoints * (1 - loss / c.copil.trendLossForZero));
  add("copilTrend", c.copil.trendPoints - copilTrend, { before: s.copilSizeBefore, now: s.copilSize });

  // Fair-O-Mètre: grade points, a decline, or an overdue questionnaire (component 0 + penalty).
  const overdue = fomOverdueDays(s.fomDueOn, now);
  let fom: number;
  let penalty = 0;
  if (overdue > 0) {
    fom = 0;
    penalty = c.fom.overduePenalty * Math.min(1, overdue / c.fom.overdueFullDays);
    add("fomOverdue", c.fom.points + penalty, { days: overdue });
  } else if (s.lastGrade) {
    const declined = !!s.previousGrade && GRADE_ORDER[s.lastGrade] < GRADE_ORDER[s.previousGrade];
    fom = Math.max(0, c.fom.gradePoints[s.lastGrade] - (declined ? c.fom.declinePoints : 0));
    if (declined) add("fomDecline", c.fom.points - fom, { from: s.previousGrade!, to: s.lastGrade });
    else add("fomGrade", c.fom.points - fom, { grade: s.lastGrade });
  } else {
    fom = c.fom.ungradedPoints;
    add(s.lastGrade === null ? "fomGrade" : "fomNone", c.fom.points - fom, { grade: "?" });
  }

  const answers = s.promptsSent === 0 ? c.answers.points : share(s.promptsAnswered, s.promptsSent, c.answers.points);
  add("answers", c.answers.points - answers, { unanswered: s.promptsSent - s.promptsAnswered, sent: s.promptsSent });

  const components: MomentumResult["components"] = {
    recency: { points: recency, max: r.points },
    actions6m: { points: actions6m, max: c.actions6m.points },
    actions12m: { points: actions12m, max: c.actions12m.points },
    training: { points: training, max: c.training.points },
    copilSize: { points: copilSize, max: c.copil.sizePoints },
    copilTrend: { points: copilTrend, max: c.copil.trendPoints },
    fom: { points: fom, max: c.fom.points },
    answers: { points: answers, max: c.answers.points },
  };
  const total = Object.values(components).reduce((sum, x) => sum + x.points, 0) - penalty;
  const score = Math.max(0, Math.min(100, Math.round(total)));
  const allReasons = reasons
    .map((x) => ({ ...x, lost: Math.round(x.lost) }))
    .filter((x) => x.lost > 0)
    .sort((a, b) => b.lost - a.lost);
  const reasonsTop = allReasons.filter((x) => x.lost >= c.reasons.minLostPoints).slice(0, c.reasons.top);
  return { score, noData: knowsNothing(s), level: levelOf(score, c), components, penalty, reasons: reasonsTop, allReasons };
}
