/**
 * Everything a running service does besides answering commands, wired once from main.ts:
 * the outbox worker (with one paced sender per connected platform, the terminal included
 * when it runs beside them; limits shared through Redis when REDIS_URL is set), the
 * scheduler and its jobs (src/background.ts), and the ops endpoints. A terminal alone has its
 * own, smaller runtime (src/terminal-runtime.ts).
 *
 * Two phases: `createRuntime` opens /healthz and /metrics (not ready yet) before the
 * platforms connect; `start(platforms)` starts the worker and the scheduler once they have.
 */
import type { App } from "./app.js";
import type { Lease } from "./cluster/lease.js";
import type { Config } from "./config.js";
import type { Logger } from "./core/logger.js";
import type { Platform } from "./core/types.js";
import { createRedisConnection } from "./delivery/limits.js";
import { pacingFor } from "./delivery/profiles.js";
import { authFailureReporter } from "./delivery/report.js";
import { AuthPause } from "./delivery/auth-pause.js";
import { outboxPlatform, type OutboxPlatform, type OutboxWorker } from "./delivery/worker.js";
import { startOpsServer, type OpsServer, type PlatformHealth } from "./ops/http.js";
import type { Metrics } from "./ops/metrics.js";
import type { ChatPlatform } from "./core/platform.js";
import type { JobDefinition } from "./core/jobs.js";
import type { Scheduler } from "./scheduler/scheduler.js";
import { createJobScheduler, createOutboxWorker, wakeOnQueued } from "./background.js";

export interface RuntimeOptions {
  config: Config;
  app: App;
  leader: Lease;
  /** This replica's id (src/cluster/instance.ts). */
  replica: string;
  metrics: Metrics;
  logger: Logger;
  /** The jobs to schedule (default: every feature's, from src/features/index.ts). */
  jobs?: readonly JobDefinition[];
}

export interface Runtime {
  /** Starts the outbox and the scheduler over the connected platforms; then /healthz says ready. */
  start(platforms: readonly ChatPlatform[]): Promise<void>;
  readonly worker: OutboxWorker | undefined;
  readonly scheduler: Scheduler | undefined;
  readonly ops: OpsServer | undefined;
  /** Stops the scheduler and the worker (posts in progress finish), then the endpoints. */
  stop(): Promise<void>;
}

export async function createRuntime(o: RuntimeOptions): Promise<Runtime> {
  const { config, app, logger, metrics } = o;
  let ready = false;
  let connected: readonly ChatPlatform[] = [];
  /** Platforms whose token was refused while posting (src/delivery/auth-pause.ts), for /healthz. */
  const pauses = new Map<string, AuthPause>();
  let worker: OutboxWorker | undefined;
  let scheduler: Scheduler | undefined;
  let redis: Awaited<ReturnType<typeof createRedisConnection>> | undefined;
  let stopWaking = (): void => {};
  metrics.watchQueue(() => app.delivery.store.stats(app.services.clock()));
  const ops =
    config.HTTP_PORT > 0
      ? await startOpsServer({
          port: config.HTTP_PORT,
          host: config.HOST,
          metrics,
          logger,
          health: {
            ready: () => ready,
            ping: app.delivery.ping,
            platforms: (): PlatformHealth[] =>
              connected.map((p) => ({ name: p.name, isConnected: () => p.isConnected(), standby: p.standby && (() => p.standby!()), refused: () => pauses.get(p.name)?.reason })),
            details: () => ({ replica: o.replica, leader: o.leader.held, outboxInFlight: worker?.inFlightCount ?? 0 }),
          },
        })
      : undefined;

  async function start(started: readonly ChatPlatform[]): Promise<void> {
    connected = started;
    if (config.REDIS_URL) redis = await createRedisConnection(config.REDIS_URL, logger);
    const platforms: Partial<Record<Platform, OutboxPlatform>> = {};
    const tellCoordination = authFailureReporter(app.delivery.notifier, app.services.clock);
    for (const platform of started) {
      const pacing = pacingFor(platform.platform, config, { logger, redis: redis?.connection, onRateLimited: () => metrics.rateLimitedOn(platform.platform) });
      const pause = new AuthPause({ platform: platform.platform, logger: logger.child({ component: "outbox" }), onPaused: (reason) => tellCoordination(platform.platform, reason) });
      pauses.set(platform.name, pause);
      platforms[platform.platform] = outboxPlatform(platform, pacing, pause);
    }
    worker = createOutboxWorker({ app, config, platforms, replica: o.replica, logger, events: metrics.outboxEvents() });
    worker.start();
    // A message queued here and due now (an initiative shared, a failure notice) goes out at
    // once rather than at the next sweep, up to OUTBOX_SWEEP_SECONDS later.
    stopWaking = wakeOnQueued(app, worker);
    scheduler = createJobScheduler({ app, config, worker, isLeader: () => o.leader.held, logger, jobs: o.jobs });
    // The leader lease also decides who runs the `cluster` jobs (Discord may have started it already).
    await o.leader.start();
    scheduler.start();
    // Catch up at once after a downtime: what came due is claimed now (and paced), not at the next tick.
    void worker.sweep();
    ready = true;
    logger.info({ platforms: Object.keys(platforms), redis: !!redis, replica: o.replica }, "outbox and scheduler running");
  }

  let stopping: Promise<void> | undefined;
  return {
    start,
    get worker() {
      return worker;
    },
    get scheduler() {
      return scheduler;
    },
    ops,
    stop: () =>
      (stopping ??= (async () => {
        ready = false;
        stopWaking();
        await scheduler?.stop();
        await worker?.stop();
        await redis?.close().catch(() => undefined);
        await ops?.close();
      })()),
  };
}
