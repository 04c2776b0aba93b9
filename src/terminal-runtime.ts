/**
 * What the bot does on its own when the terminal runs alone (no Slack, no Discord): the
 * same outbox worker and the same scheduler as a server (src/background.ts), over the
 * terminal platform only. The terminal is the only replica, so it is the leader: it runs
 * the `cluster` jobs without a lease. No /healthz, no Redis.
 *
 * Everything reads the time from the services' clock, so a process that moves that clock by
 * hand can drive it step by step: `scheduler.runNow(job)` runs a job as its schedule would,
 * and `drain()` posts everything due by then (printed by the terminal as it arrives).
 */
import type { App } from "./app.js";
import type { Config } from "./config.js";
import type { JobDefinition } from "./core/jobs.js";
import type { Logger } from "./core/logger.js";
import type { ChatPlatform } from "./core/platform.js";
import { pacingFor } from "./delivery/profiles.js";
import { outboxPlatform, type OutboxWorker } from "./delivery/worker.js";
import type { Scheduler } from "./scheduler/scheduler.js";
import { createJobScheduler, createOutboxWorker, wakeOnQueued } from "./background.js";

export interface TerminalRuntimeOptions {
  app: App;
  config: Config;
  logger: Logger;
  /** This process's id in the outbox's claims. */
  replica: string;
  /** Run the jobs on their cron schedules (default true); false: only when asked (`runNow`). */
  schedule?: boolean;
  jobs?: readonly JobDefinition[];
}

export interface TerminalRuntime {
  /** Starts the worker over the terminal, the scheduler, and posts what came due while no terminal ran. */
  start(terminal: ChatPlatform): Promise<void>;
  /** Posts everything due now and waits until it has been printed. */
  drain(): Promise<void>;
  readonly worker: OutboxWorker | undefined;
  readonly scheduler: Scheduler | undefined;
  /** Stops the scheduler, then the worker (posts in progress finish). */
  stop(): Promise<void>;
}

export function createTerminalRuntime(o: TerminalRuntimeOptions): TerminalRuntime {
  let worker: OutboxWorker | undefined;
  let scheduler: Scheduler | undefined;
  let stopWaking = (): void => {};
  let stopping: Promise<void> | undefined;
  return {
    async start(terminal) {
      const { app, config, logger } = o;
      const pacing = pacingFor("terminal", config, { logger });
      worker = createOutboxWorker({ app, config, platforms: { terminal: outboxPlatform(terminal, pacing) }, replica: o.replica, logger });
      worker.start();
      stopWaking = wakeOnQueued(app, worker);
      scheduler = createJobScheduler({ app, config, worker, isLeader: () => true, logger, jobs: o.jobs });
      if (o.schedule ?? true) scheduler.start();
      void worker.drain();
    },
    drain: async () => worker?.drain(),
    get worker() {
      return worker;
    },
    get scheduler() {
      return scheduler;
    },
    stop: () =>
      (stopping ??= (async () => {
        stopWaking();
        await scheduler?.stop();
        await worker?.stop();
      })()),
  };
}
