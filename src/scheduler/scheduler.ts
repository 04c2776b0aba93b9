/**
 * Runs the job definitions with node-cron 4: each in its IANA zone, never overlapping
 * itself (node-cron's `noOverlap` plus our own guard, which also lets `stop()` wait for
 * runs in progress), `cluster` jobs only on the lease holder. Nothing runs before
 * `start()`, nothing after `stop()` resolves.
 */
import cron, { type ScheduledTask } from "node-cron";
import type { Logger } from "../core/logger.js";
import type { JobContext, JobDefinition } from "../core/jobs.js";

export interface SchedulerOptions {
  logger: Logger;
  /** Zone of jobs that name none. */
  defaultTimeZone: string;
  /** Whether this replica holds the leader lease (`cluster` jobs run only then). */
  isLeader(): boolean;
  /** Builds the context of one run (its `now` from the services' clock). */
  context(job: JobDefinition): JobContext;
  /** Schedules replaced by configuration, by job name. */
  overrides?: Record<string, string>;
}

/** node-cron's own warnings (missed executions, overlaps) into our structured logs. */
function cronLogger(logger: Logger) {
  const text = (m: string | Error) => (m instanceof Error ? m.message : m);
  return {
    info: (m: string) => logger.debug({ source: "node-cron" }, m),
    // A run still busy when the next tick comes is what noOverlap is for (a long outbox sweep): not a warning.
    // Called as methods: pino's need their logger as `this` (a detached one threw, and node-cron
    // reported "Task failed" at every missed tick of a busy machine).
    warn: (m: string) => (m.includes("overlap") ? logger.debug({ source: "node-cron" }, m) : logger.warn({ source: "node-cron" }, m)),
    error: (m: string | Error, err?: Error) => logger.error({ source: "node-cron", err }, text(m)),
    debug: (m: string | Error) => logger.debug({ source: "node-cron" }, text(m)),
  };
}

export class Scheduler {
  private readonly tasks: ScheduledTask[] = [];
  private readonly running = new Map<string, Promise<void>>();
  private stopped = false;

  constructor(
    private readonly jobs: readonly JobDefinition[],
    private readonly options: SchedulerOptions,
  ) {
    const names = new Set<string>();
    for (const job of jobs) {
      if (names.has(job.name)) throw new Error(`duplicate job "${job.name}"`);
      names.add(job.name);
      const schedule = this.scheduleOf(job);
      if (!cron.validate(schedule)) throw new Error(`job "${job.name}": invalid cron schedule "${schedule}"`);
      const zone = job.timeZone ?? options.defaultTimeZone;
      try {
        new Intl.DateTimeFormat("en", { timeZone: zone });
      } catch {
        throw new Error(`job "${job.name}": unknown time zone "${zone}"`);
      }
    }
  }

  private scheduleOf(job: JobDefinition): string {
    return this.options.overrides?.[job.name] ?? job.schedule;
  }

  /** Creates and starts one cron task per job. */
  start(): void {
    if (this.tasks.length || this.stopped) return;
    const logger = cronLogger(this.options.logger);
    for (const job of this.jobs) {
      const task = cron.createTask(this.scheduleOf(job), () => this.runNow(job.name), {
        name: job.name,
        timezone: job.timeZone ?? this.options.defaultTimeZone,
        noOverlap: true,
        logger,
      });
      void task.start();
      this.tasks.push(task);
    }
    this.options.logger.info({ jobs: this.jobs.map((j) => `${j.name} (${this.scheduleOf(j)})`) }, "scheduler started");
  }

  /**
   * Runs a job now, as its schedule would (guarded: a run already in progress is joined, not
   * doubled; a `cluster` job on a standby replica is skipped). Tests and admin tools call it.
   */
  runNow(name: string): Promise<void> {
    const job = this.jobs.find((j) => j.name === name);
    if (!job) return Promise.reject(new Error(`no job "${name}"`));
    if (this.stopped) return Promise.resolve();
    const current = this.running.get(name);
    if (current) return current;
    if (job.scope === "cluster" && !this.options.isLeader()) return Promise.resolve();
    const ctx = this.options.context(job);
    const started = performance.now();
    const run = job
      .run(ctx)
      .then(() => ctx.logger.debug({ job: name, ms: Math.round(performance.now() - started) }, "job done"))
      .catch((err: unknown) => ctx.logger.error({ job: name, err }, "job failed"))
      .finally(() => this.running.delete(name));
    this.running.set(name, run);
    return run;
  }

  /** Stops every task and waits for the runs in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const task of this.tasks) await task.destroy();
    this.tasks.length = 0;
    await Promise.allSettled([...this.running.values()]);
  }
}
