/**
 * What a scheduled job is: a definition (name, cron schedule, IANA zone, scope) and a
 * handler. A feature names its jobs in its declaration (src/features/<name>/feature.ts);
 * they are started only by main.ts (through src/runtime.ts): importing a job starts nothing.
 *
 * Adding a daily or weekly scan (webinar reminders, Fair-O-Mètre deadlines, momentum...):
 * 1. one file in the feature's `jobs/` folder, e.g. src/features/watch/jobs/fom-deadlines.ts:
 *    ```ts
 *    export default defineJob({
 *      name: "fom-deadlines",
 *      schedule: "0 7 * * *",           // every day at 07:00...
 *      timeZone: "Europe/Brussels",     // ...Brussels time, summer and winter alike
 *      scope: "cluster",                // once in the cluster (the lease holder), not per replica
 *      async run({ services, now }) {
 *        for (const c of await services.repos.communes.list()) {
 *          if (!c.fomDueOn) continue;
 *          await services.notifier.enqueue({
 *            key: `fom:${c.id}:due:${c.fomDueOn.toISOString().slice(0, 10)}:j-30`,
 *            to: { kind: "purpose", purpose: "commune", communeId: c.id },
 *            dueAt: daysBeforeAt(c.fomDueOn, 30, "09:00", c.timeZone),
 *            render: (locale) => ...,
 *          });
 *        }
 *      },
 *    });
 *    ```
 * 2. its name in the `jobs` of the feature's declaration (src/features/watch/feature.ts).
 *
 * A scan should only *enqueue* (with stable keys): running it twice, late, or on a new
 * holder after a takeover then queues nothing twice, and the outbox does the sending.
 */
import type { Services } from "./commands.js";
import type { Logger } from "./logger.js";
import type { LocalizedText } from "./types.js";

export interface JobContext {
  /** Repositories, notifier, clock, logger: what the commands get. */
  services: Services;
  /** When this run was triggered (from the services' clock). */
  now: Date;
  logger: Logger;
  /** The outbox, for its own housekeeping jobs. */
  outbox: {
    /** Claims and posts the due messages (this replica's share). */
    sweep(): Promise<void>;
    /** Deletes sent, cancelled and expired rows older than `before`. */
    purge(before: Date): Promise<number>;
  };
}

export interface JobDefinition {
  /** Unique, kebab-case: `outbox-sweep`, `fom-deadlines`. */
  name: string;
  /** What it does, for people (the terminal demo's report of what ran); the name stands in without it. */
  label?: LocalizedText;
  /**
   * node-cron expression, 5 fields (`m h dom mon dow`) or 6 with seconds first
   * (`*\/2 * * * * *`: every 2 seconds).
   */
  schedule: string;
  /** IANA zone the schedule is read in (default: DEFAULT_TIME_ZONE, Europe/Brussels). */
  timeZone?: string;
  /**
   * `cluster`: one run in the cluster, on the replica holding the leader lease (scans that
   * enqueue); `replica`: every replica runs it (the outbox sweep: each claims its share).
   */
  scope: "cluster" | "replica";
  run(ctx: JobContext): Promise<void>;
}

/** Keeps the definition's type; checks nothing at import (validated when the scheduler starts). */
export function defineJob(def: JobDefinition): JobDefinition {
  return def;
}
