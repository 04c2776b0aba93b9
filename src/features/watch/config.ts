/**
 * THE configuration of the momentum watch: every weight, threshold, window and
 * delay of the score, the alerts, the Fair-O-Mètre ladder and the CoPil roster, in one
 * documented object. Change a number here and the score, the reasons, the alerts and the
 * tests that derive their expectations from it follow.
 *
 * How the score is built (see momentum.ts): each component earns up to `points`; the
 * points of all components add up to 100. An overdue Fair-O-Mètre then subtracts a penalty.
 * The level follows from the total: green from `levels.green`, orange from `levels.orange`,
 * red below. What a commune misses in each component (its "lost points") ranks the reasons.
 */

const DEFAULTS = {
  /**
   * Score 65..100 green, 45..64 orange, 0..44 red. Calibrated so that a commune with a full
   * CoPil and a good grade but no activity at all for six months is red, and an active commune
   * that never filled its roster stays green.
   */
  levels: { green: 65, orange: 45 },

  /**
   * Days since the last activity of the commune's members (any activity event: an
   * initiative, an event, a training, a command, an answer): full points up to
   * `fullWithinDays`, then linearly down to 0 at `zeroAfterDays`. Never any activity: 0.
   */
  recency: { points: 30, fullWithinDays: 21, zeroAfterDays: 150 },

  /**
   * Actions (initiatives, local events, recorded evidence) in the last 6 and 12 months,
   * compared with a target: points = min(1, weighted count / target) x points.
   */
  actions6m: { points: 20, target: 3, days: 182 },
  actions12m: { points: 10, target: 6, days: 365 },

  /**
   * Actions around the Semaine du Commerce Équitable (it starts on the first Wednesday of
   * October and lasts 11 days) count `weight` times: it is the moment of the year where a
   * living commune shows itself. "Around" = from `daysBefore` before its start (preparation,
   * title hand-overs) to `daysAfter` after its end.
   */
  semaine: { weight: 1.5, daysBefore: 21, lengthDays: 11, daysAfter: 7 },

  /** Training and webinar attendances in the last 12 months, compared with a target. */
  training: { points: 10, target: 2, days: 365 },

  /**
   * CoPil size against a target (points proportional up to it), and its trend: full trend
   * points when the CoPil is at least as large as `trendDays` ago, none when it lost
   * `trendLossForZero` members or more, proportional between.
   */
  copil: { sizePoints: 10, targetSize: 6, trendPoints: 5, trendDays: 182, trendLossForZero: 3 },

  /**
   * Fair-O-Mètre: points by the last grade (an ungraded submission, or no record yet, earns
   * `ungradedPoints`), minus `declinePoints` when the last grade is worse than the one
   * before. Overdue (the due date passed without a submission): the component earns 0 and
   * the total loses a penalty growing linearly to `overduePenalty` over `overdueFullDays`.
   */
  fom: {
    points: 10,
    gradePoints: { A: 10, B: 8, C: 6, D: 3, E: 0 },
    ungradedPoints: 6,
    declinePoints: 3,
    overduePenalty: 15,
    overdueFullDays: 90,
  },

  /**
   * Prompts sent to the commune that expect an answer (Fair-O-Mètre reminders, the
   * diagnostic, roster alerts) in the last `days`: a prompt counts as answered when any
   * member activity follows it within `answerWithinDays`. No prompt sent: full points.
   */
  answers: { points: 5, days: 182, answerWithinDays: 14 },

  /** Reasons: at most `top` of them, each worth at least `minLostPoints`. */
  reasons: { top: 3, minLostPoints: 3 },

  /**
   * Alerts to coordination after each weekly scan: when a commune falls to orange or red,
   * or loses more than `dropPoints` since the previous scan. No second alert for the same
   * level within `cooldownDays`.
   */
  alerts: { dropPoints: 15, cooldownDays: 28 },

  /**
   * The weekly scan: Monday 07:00, Brussels time (node-cron syntax). The daily watch
   * (Fair-O-Mètre ladder, roster, elections, mentoring check-ins) runs every day at 09:00.
   * When a commune falls to orange or red, its CoPil also gets the diagnostic questionnaire
   * (at most once a month) when `autoDiagnostic` is on.
   */
  scan: { cron: "0 7 * * 1", dailyCron: "0 9 * * *", timeZone: "Europe/Brussels", autoDiagnostic: true },

  /**
   * Fair-O-Mètre deadline ladder: reminders to the CoPil channel `daysBefore` the due date
   * (0 = on the day) at `hour` local time, each valid until the next step; then, the day
   * after the due date, one alert to coordination (dropped after `overdueExpiresDays`).
   * A reminder counts as answered when the commune acts within `answers.answerWithinDays`.
   */
  ladder: { daysBefore: [90, 30, 7, 0], hour: 9, overdueExpiresDays: 60 },

  /**
   * CoPil roster: fewer than `minSize` members, a missing group of criterion 5's diversity,
   * or mandates ending within `mandateNoticeDays` are flagged (in `/cdce copil`, and to the
   * CoPil channel at most once a month). Elections: reminders `electionSteps` days from the
   * communal elections (negative before, positive after), each valid `electionStepDays`.
   */
  roster: {
    minSize: 5,
    diversity: [
      { group: "citizens", kinds: ["citizen"] },
      { group: "commerce", kinds: ["shop", "horeca"] },
      { group: "civil", kinds: ["association", "school"] },
      { group: "political", kinds: ["councillor"] },
      { group: "administration", kinds: ["staff"] },
    ],
    mandateNoticeDays: 60,
    electionSteps: [-180, -30, 45],
    electionStepDays: 30,
  },

  /**
   * Mentoring: a mentor commune has at most `maxMentees` active pairs; candidates are ranked
   * by these points (100 in all): same main language, distance (full at 0 km, none from
   * `distanceZeroKm`), same profile, close population band, Fair-O-Mètre grade, free capacity,
   * and its own momentum (`levelPoints`: a commune in red can hardly carry another one).
   * Communes being mentored themselves are not proposed. Check-ins: every `checkinEveryDays` days.
   */
  mentoring: {
    maxMentees: 2,
    points: { language: 35, distance: 25, profile: 5, size: 5, grade: 10, load: 10, momentum: 10 },
    levelPoints: { green: 10, orange: 5, red: 0 },
    sharedLanguagePoints: 15,
    distanceZeroKm: 120,
    gradePoints: { A: 10, B: 8, C: 5, D: 2, E: 0 },
    ungradedPoints: 4,
    checkinEveryDays: 30,
    checkinExpiresDays: 14,
  },
} as const;

/** Literal types widened to number/string, so tests can build variants. */
type Widen<T> = T extends number ? number : T extends string ? string : { readonly [K in keyof T]: Widen<T[K]> };

/** The shape of the configuration. */
export type MomentumConfig = Widen<typeof DEFAULTS>;

/** The configuration in force. */
export const MOMENTUM_CONFIG: MomentumConfig = DEFAULTS;

/** Sum of the positive points: the configuration is coherent when it is 100. */
export function maxPoints(c: MomentumConfig = MOMENTUM_CONFIG): number {
  return (
    c.recency.points +
    c.actions6m.points +
    c.actions12m.points +
    c.training.points +
    c.copil.sizePoints +
    c.copil.trendPoints +
    c.fom.points +
    c.answers.points
  );
}
