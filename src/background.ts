/**
 * The two halves of what the bot does on its own, built the same way for the server runtime
 * (src/runtime.ts: Slack, Discord, several replicas) and the terminal's (src/terminal-runtime.ts:
 * one process, the only replica): the outbox worker over the connected platforms, and the
 * scheduler running every feature's jobs with the services' clock.
 */
import type { App } from "./app.js";
import type { Config } from "./config.js";
import type { JobDefinition } from "./core/jobs.js";
import type { Logger } from "./core/logger.js";
import type { Platform } from "./core/types.js";
import { failureReporter } from "./delivery/report.js";
import { OutboxWorker, type OutboxPlatform, type OutboxWorkerOptions } from "./delivery/worker.js";
import { JOBS } from "./features/index.js";
import { homeLiveViews } from "./features/home/index.js";
import { Scheduler } from "./scheduler/scheduler.js";

type WorkerConfig = Pick<Config, "LEASE_TTL_MS" | "OUTBOX_MAX_IN_FLIGHT" | "OUTBOX_MAX_ATTEMPTS" | "OUTBOX_BACKOFF_MS">;
type SchedulerConfig = Pick<Config, "DEFAULT_TIME_ZONE" | "OUTBOX_SWEEP_SECONDS" | "MOMENTUM_SCAN_CRON">;

/** The outbox worker of this process, posting through `platforms`, failures reported to coordination. */
export function createOutboxWorker(o: {
  app: App;
  config: WorkerConfig;
  platforms: Partial<Record<Platform, OutboxPlatform>>;
  replica: string;
  logger: Logger;
  events?: OutboxWorkerOptions["events"];
}): OutboxWorker {
  const clock = o.app.services.clock;
  return new OutboxWorker({
    store: o.app.delivery.store,
    platforms: o.platforms,
    replica: o.replica,
    logger: o.logger.child({ component: "outbox" }),
    clock,
    claimTtlMs: o.config.LEASE_TTL_MS,
    maxInFlight: o.config.OUTBOX_MAX_IN_FLIGHT,
    maxAttempts: o.config.OUTBOX_MAX_ATTEMPTS,
    backoffBaseMs: o.config.OUTBOX_BACKOFF_MS,
    events: o.events,
    report: failureReporter(o.app.delivery.notifier, clock),
    // Homes and boards are built when their refresh is sent.
    live: homeLiveViews(o.app.services, o.app.dispatcher.registry),
    calendars: o.app.delivery.calendars,
  });
}

/**
 * Wakes `worker` for a message queued due now (an announcement, a failure notice) rather than
 * leaving it to the next sweep. Returns what stops it.
 */
export function wakeOnQueued(app: App, worker: OutboxWorker): () => void {
  const clock = app.services.clock;
  return app.delivery.notifier.onQueued((dueAt) => {
    if (dueAt.getTime() <= clock().getTime()) worker.kick();
  });
}

/** The scheduler of every feature's jobs (or `jobs`), each run's `now` from the services' clock. */
export function createJobScheduler(o: {
  app: App;
  config: SchedulerConfig;
  worker: OutboxWorker;
  /** Whether this process runs the `cluster` jobs now (the leader; the terminal always). */
  isLeader: () => boolean;
  logger: Logger;
  jobs?: readonly JobDefinition[];
}): Scheduler {
  const { app, config, worker, logger } = o;
  return new Scheduler(o.jobs ?? JOBS, {
    logger: logger.child({ component: "scheduler" }),
    defaultTimeZone: config.DEFAULT_TIME_ZONE,
    isLeader: o.isLeader,
    context: (job) => ({
      services: app.services,
      now: app.services.clock(),
      logger: logger.child({ job: job.name }),
      outbox: { sweep: () => worker.sweep(), purge: (before) => app.delivery.store.purge(before) },
    }),
    overrides: jobScheduleOverrides(config),
  });
}

/** Job schedules the configuration replaces (the scheduler and the terminal demo's clock both apply them). */
export function jobScheduleOverrides(config: Pick<Config, "OUTBOX_SWEEP_SECONDS" | "MOMENTUM_SCAN_CRON">): Record<string, string> {
  return {
    "outbox-sweep": `*/${config.OUTBOX_SWEEP_SECONDS} * * * * *`,
    ...(config.MOMENTUM_SCAN_CRON ? { "momentum-scan": config.MOMENTUM_SCAN_CRON.trim() } : {}),
  };
}
