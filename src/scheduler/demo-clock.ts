/**
 * The terminal demo's movable clock, as the demo feature's port (`services.demo`): an
 * advance holds the settable clock at each due job's instant, runs the job there (through
 * `runAt`, given by whoever runs the jobs: the terminal's runtime), and leaves the clock at
 * the target. One advance at a time.
 */
import type { JobContext, JobDefinition } from "../core/jobs.js";
import type { SettableClock } from "../core/time/settable-clock.js";
import { DemoClockBusy, type DemoAdvance, type DemoClock, type DemoJobRuns } from "../features/demo/index.js";
import { advanceClock, dueInstants } from "./advance.js";

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

/**
 * The demo clock, and what keeps the jobs on it between two advances: `catchUp()` runs every
 * job due since the last catch-up (or advance) up to the clock's now, each at its own instant,
 * as a server's scheduler would have at that time. The interactive terminal calls it every
 * second instead of running node-cron, whose ticks follow the machine's clock, not this one.
 */
export interface DemoSchedule extends DemoClock {
  catchUp(): Promise<void>;
}

export function createDemoClock(o: DemoClockOptions): DemoSchedule {
  let busy = false;
  let caughtUpTo = o.clock.now();
  /** Runs every job due after the last catch-up up to the clock's now, each at its instant. */
  const runDue = async () => {
    const to = o.clock.now();
    const due = o.jobs
      .flatMap((job) => dueInstants(o.overrides?.[job.name] ?? job.schedule, job.timeZone ?? o.defaultTimeZone, caughtUpTo, to, 1_000).map((at) => ({ job, at })))
      .sort((a, b) => a.at.getTime() - b.at.getTime());
    for (const { job, at } of due) await o.runAt(job, at).catch(() => undefined); // logged by the runner
    caughtUpTo = to;
  };
  return {
    async catchUp() {
      // An advance runs the same jobs; a catch-up still running is not started twice.
      if (busy) return;
      busy = true;
      try {
        await runDue();
      } finally {
        busy = false;
      }
    },
    async advance(ms: number): Promise<DemoAdvance> {
      if (busy) throw new DemoClockBusy();
      busy = true;
      try {
        // What came due since the last catch-up first: the advance starts from the clock's now.
        await runDue();
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
        // Whatever the advance got to (all the way, or where a failure stopped it) has run.
        const reached = o.clock.now();
        if (reached > caughtUpTo) caughtUpTo = reached;
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
