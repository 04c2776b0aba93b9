import type { WatchRepositories } from "./ports.js";
/**
 * What the rest of the bot may use of the watch feature: its ports (implemented in
 * src/data) and what the signal queries compute with (windows, empty signals, the config).
 */
export {
  ACTION_KINDS,
  COPIL_KINDS,
  REASON_CODES,
  TRAINING_KINDS,
  type CommunePrompt,
  type CopilMember,
  type CopilRepository,
  type EvidenceRepository,
  type MentoringRepository,
  type Mentorship,
  type MomentumRepository,
  type MomentumSignals,
  type MomentumSnapshot,
  type PromptRepository,
  type Reason,
  type SnapshotHead,
  type TimeWindow,
  type WatchRepositories,
} from "./ports.js";
export { emptySignals, scoreMomentum, type MomentumResult } from "./momentum.js";
export { MOMENTUM_CONFIG, type MomentumConfig } from "./config.js";
export { addDays, inWindows, semaineWindowsBefore } from "./calendar.js";
export { parseDay } from "./input.js";
// What a home or a board shows of the watch (src/features/home).
export { fomStatus, type FomStatus } from "./fom.js";
// Distances between communes (the neighbours feature).
export { distanceKm } from "./mentoring.js";
export { criteriaDone, scoreAll, type ScoredCommune } from "./scan.js";
export { LEVEL_MARK, levelLabel, reasonText } from "./alerts.js";
export { criterionLabel, formatDay, formatShort } from "./format.js";
export { CRITERIA, type Criterion } from "./evidence.js";
// What joining a commune and recruiting for the CoPil use of the roster (src/features/joining).
export { type CopilKind } from "./ports.js";
export { rosterHealth } from "./roster.js";
export { copilKindOf, KIND_EXAMPLES } from "./input.js";
export { formatList, groupLabel, kindLabel } from "./format.js";

// What this feature adds to the services every command receives.
declare module "../../core/commands.js" {
  interface FeatureServices {
    /** CoPil roster, momentum snapshots, prompts, mentoring, evidence. */
    watch: WatchRepositories;
  }
}
