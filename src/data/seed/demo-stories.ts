/**
 * The story each demo commune tells over its last year, and the numbers behind it. Most
 * communes are alive (green); a few slow down or run a thin CoPil (orange); a few stalled
 * (red): the momentum watch finds them from these facts alone, with its own reasons.
 */
import type { FomGrade } from "../../core/ports.js";

export type Story = "thriving" | "steady" | "slowing" | "smallTeam" | "stalled" | "dormant";

/** The level the watch should find for a story (the plan checks it before writing). */
export const STORY_LEVEL: Record<Story, "green" | "orange" | "red"> = {
  thriving: "green",
  steady: "green",
  slowing: "orange",
  smallTeam: "orange",
  stalled: "red",
  dormant: "red",
};

/** [min, max] inclusive. */
type Range = readonly [number, number];

export interface StorySpec {
  /** Days since the last sign of life. */
  lastDays: Range;
  /** Actions (initiatives, local events) in the last 6 months, and 6 to 12 months ago. */
  actions6m: Range;
  actionsOlder: Range;
  /** Network webinars attended in the last year (by the CoPil's contact person). */
  trainings: Range;
  /** CoPil members now, and members who left in the last 6 months. */
  copil: Range;
  lost: Range;
  /** Grades of the two last Fair-O-Mètres, older first (null: none recorded). */
  grades: readonly (readonly [FomGrade | null, FomGrade | null])[];
}

export const STORIES: Record<Story, StorySpec> = {
  thriving: { lastDays: [1, 9], actions6m: [3, 5], actionsOlder: [2, 4], trainings: [2, 3], copil: [6, 9], lost: [0, 1], grades: [[null, "A"], ["B", "A"], ["A", "A"], [null, "B"]] },
  steady: { lastDays: [4, 16], actions6m: [2, 3], actionsOlder: [1, 3], trainings: [1, 2], copil: [5, 7], lost: [0, 1], grades: [[null, "B"], ["C", "B"], [null, "C"]] },
  // Last action two months ago, a member or two gone, rarely at a webinar.
  slowing: { lastDays: [55, 75], actions6m: [1, 1], actionsOlder: [2, 3], trainings: [0, 1], copil: [4, 5], lost: [1, 2], grades: [[null, "C"], ["B", "C"]] },
  // Active but carried by two or three people who have no time for trainings.
  smallTeam: { lastDays: [8, 20], actions6m: [1, 2], actionsOlder: [0, 1], trainings: [0, 0], copil: [2, 3], lost: [0, 0], grades: [[null, "D"], [null, null], ["C", "C"]] },
  // After the communal elections the new majority let the CoPil go: members left, nothing since.
  stalled: { lastDays: [95, 120], actions6m: [0, 0], actionsOlder: [2, 3], trainings: [0, 1], copil: [3, 3], lost: [3, 3], grades: [[null, "C"], ["B", "C"]] },
  // The last members leave; the last action is more than half a year old.
  dormant: { lastDays: [125, 170], actions6m: [0, 0], actionsOlder: [1, 2], trainings: [0, 0], copil: [2, 2], lost: [2, 3], grades: [["B", "D"], ["C", "D"]] },
};

/**
 * Communes that are not green, and why (demo stories, not facts about these communes).
 * Bertogne merged into Bastogne on 2 December 2024 (communes-titrees.csv): the seed records
 * the merger, so Bertogne has no story of its own; its history would be Bastogne's.
 */
export const STORY_OF: Readonly<Record<string, Story>> = {
  soignies: "dormant",
  martelange: "stalled",
  habay: "stalled",
  raeren: "smallTeam",
  tenneville: "smallTeam",
  "vaux-sur-sure": "smallTeam",
  "berchem-sainte-agathe": "smallTeam",
  florennes: "slowing",
  ecaussinnes: "slowing",
  tintigny: "slowing",
};

/** The other communes: thriving or steady, picked from their seed. */
export function storyOf(slug: string, rand: () => number): Story {
  return STORY_OF[slug] ?? (rand() < 0.55 ? "thriving" : "steady");
}

/**
 * Mentoring pairs of the demo: Eupen sponsors Raeren (German, 7 km), Bastogne takes on
 * Habay since its CoPil stalled, and Namur's pair with Fernelmont ended after a year.
 * Days are counted back from the seed's `now`.
 */
export const DEMO_PAIRS: readonly { mentor: string; mentee: string; startedDaysAgo: number; endedDaysAgo?: number; outcome?: string }[] = [
  { mentor: "eupen", mentee: "raeren", startedDaysAgo: 45 },
  { mentor: "bastogne", mentee: "habay", startedDaysAgo: 12 },
  { mentor: "namur", mentee: "fernelmont", startedDaysAgo: 330, endedDaysAgo: 60, outcome: "CoPil relancé : trois nouveaux membres et un petit-déjeuner équitable en novembre." },
];
