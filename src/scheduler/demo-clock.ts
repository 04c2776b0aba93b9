/**
 * The terminal demo's movable clock, as the demo feature's port (`services.demo`): an
 * advance holds the settable clock at each due job's instant, runs the job there (through
 * `runAt`, given by whoever runs the jobs: the terminal's runtime), and leaves the clock at
 * the target. One advance at a time.
 */
import type { JobContext, JobDefinition } from "../core/jobs.js";
import type { SettableClock } from "../core/time/settable-clock.js";
import { DemoClockBusy, type DemoAdvance, type DemoClock, type DemoJobRuns } from "../features/demo/index.js";
import { advanceClock } from "./advance.js";

export interface DemoClockOptions {
  clock: SettableClock;
  jobs: readonly JobDefinition[];
  defaultTimeZone: string;
  /** Schedules replaced by configuration, by job name (as the scheduler has them). */
  overrides?: Readonly<Record<string, string>>;
  /** Runs one job as its schedule would at `at` (the clock is held there); throws when it failed. */
  runAt(job: JobDefinition, at: Date): Promise<void>;
  /** The outbox, to wake its sweep when a message comes due and to count what came due. */
  outbox?: {
    nextAttemptAfter(after: Date): Promise<Date | undefined>;
    countDueBetween(from: Date, to: Date): Promise<number>;
  };
}

export function createDemoClock(o: DemoClockOptions): DemoClock {
  let busy = false;
  return {
    async advance(ms: number): Promise<DemoAdvance> {
      if (busy) throw new DemoClockBusy();
      busy = true;
      try {
        const to = new Date(o.clock.now().getTime() + ms);
        const done = await advanceClock({
          jobs: o.jobs,
          clock: o.clock,
          to,
          runAt: o.runAt,
          defaultTimeZone: o.defaultTimeZone,
          overrides: o.overrides,
          nextWake: o.outbox && ((after) => o.outbox!.nextAttemptAfter(after)),
        });
        const byName = new Map<string, DemoJobRuns>();
        for (const run of done.runs) {
          let entry = byName.get(run.job);
          if (!entry) byName.set(run.job, (entry = { name: run.job, label: o.jobs.find((j) => j.name === run.job)?.label, runs: 0, failed: 0 }));
          entry.runs++;
          if (!run.ok) entry.failed++;
        }
        const messagesDue = o.outbox ? await o.outbox.countDueBetween(done.from, done.to) : undefined;
        return { from: done.from, to: done.to, jobs: [...byName.values()], messagesDue };
      } finally {
        busy = false;
      }
    },
  };
}

/**
 * Runs a job at an instant the way the scheduler would (its context from the services, its
 * own logger), but throws when it failed, so that the advance counts the failure; the error
 * is logged here.
 */
export function jobRunner(o: { context(job: JobDefinition, at: Date): JobContext }): (job: JobDefinition, at: Date) => Promise<void> {
  return async (job, at) => {
    const ctx = o.context(job, at);
    try {
      await job.run(ctx);
    } catch (err) {
      ctx.logger.error({ job: job.name, at: at.toISOString(), err }, "job failed (demo clock)");
      throw err;
    }
  };
}
