/**
 * What a feature is: a name, its sub-commands, its scheduled jobs and its message bundles,
 * declared once in `src/features/<name>/feature.ts`. src/features/index.ts lists the
 * features; the registry, the scheduler's job list, the message catalogue and the help are
 * all derived from that one list, so adding a command, a job or a bundle touches its
 * feature's declaration and nothing else.
 */
import type { AnyCommand } from "./commands.js";
import type { Bundle } from "./i18n/bundles.js";
import type { JobDefinition } from "./jobs.js";
import type { ChangeHook } from "./chain/context.js";

/** A bundle of any keys: features differ in the messages they bring. */
export type AnyBundle = Bundle<Record<string, string>>;

export interface FeatureDefinition {
  /** kebab-case, unique: `events`, `watch`. */
  name: string;
  /** Its sub-commands, in the order the help lists them. */
  commands: readonly AnyCommand[];
  /** Its scheduled jobs (started only by the runtime; importing one starts nothing). */
  jobs?: readonly JobDefinition[];
  /** Its messages, all four languages side by side. */
  messages?: readonly AnyBundle[];
  /** Called after every command that changed state, in its unit of work (a home to refresh). */
  changed?: ChangeHook;
}

/** Checks the declaration's shape (the names are checked unique when the registry is built). */
export function defineFeature(feature: FeatureDefinition): FeatureDefinition {
  return feature;
}
