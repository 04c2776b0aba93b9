/**
 * What the demo feature needs from outside: a clock that can be moved forward, with the
 * scheduled jobs run on the way. Only the terminal demo provides it (the wiring, when the
 * terminal runs alone on its own SQLite file); anywhere else it is absent and the command
 * says so. The domain knows no platform: the absence of the port is the whole test.
 */
import type { LocalizedText } from "../../core/types.js";

/** How many times one job ran during an advance. */
export interface DemoJobRuns {
  /** The job's name (`watch-daily`). */
  name: string;
  /** Its name for people, when the job gives one. */
  label?: LocalizedText;
  runs: number;
  /** Runs that failed (logged with their error). */
  failed: number;
}

/** What an advance did. */
export interface DemoAdvance {
  from: Date;
  to: Date;
  /** Jobs that ran, in the order each first ran. */
  jobs: DemoJobRuns[];
  /** Messages (reminders, alerts) whose time came between `from` and `to`, when known. */
  messagesDue?: number;
}

export interface DemoClock {
  /**
   * Moves the clock `ms` forward, running every job due in between at its own instant, and
   * leaves it there. Refused (`DemoClockBusy`) while another advance runs.
   */
  advance(ms: number): Promise<DemoAdvance>;
}

/** Thrown by {@link DemoClock.advance} when an advance is already in progress. */
export class DemoClockBusy extends Error {
  constructor() {
    super("the demo clock is already advancing");
  }
}
