/**
 * Wiring: config -> data -> core -> platforms. Which platforms run is the loader's choice
 * (src/platforms/load.ts): Slack and Discord with their tokens, the terminal without them
 * or with --terminal; `--once "/cdce kit jeunes"` prints one reply (and what it queued) and
 * exits. The terminal alone runs its own outbox and jobs (src/terminal-runtime.ts).
 */
import { loadProcessConfig, shouldSeed, ConfigError, coordinatorAccounts, databaseTimeouts } from "./config.js";
import { createLogger } from "./logger.js";
import { createApp, type App } from "./app.js";
import { parseTerminalArgs } from "./platforms/terminal/args.js";
import { translator } from "./core/i18n/catalogue.js";
import { loadPlatforms, planPlatforms } from "./platforms/load.js";
import type { ChatPlatform } from "./core/platform.js";
import { Metrics } from "./ops/metrics.js";
import { Lease } from "./cluster/lease.js";
import { newInstanceId } from "./cluster/instance.js";
import { createRedisWorkQueue } from "./delivery/redis-work-queue.js";
import { createHash } from "node:crypto";
import { createRuntime } from "./runtime.js";
import { createTerminalRuntime } from "./terminal-runtime.js";
import { jobScheduleOverrides } from "./background.js";
import { demoClockRefusal } from "./platforms/terminal/demo-now.js";
import { settableClock } from "./core/time/settable-clock.js";
import { createDemoClock, jobRunner } from "./scheduler/demo-clock.js";
import { JOBS } from "./features/index.js";
import { isDatabaseUnavailable } from "./data/unavailable.js";
import { DEFAULT_LOCALE, type Locale, type Platform } from "./core/types.js";
import { announceClaimCode } from "./first-coordinator.js";
import type { PublicWeb } from "./platforms/web/server.js";
import { createFeedHandler } from "./features/calendar-feeds/index.js";

/** Resolves at SIGTERM or SIGINT. */
const signalled = () =>
  new Promise<void>((resolve) => {
    process.once("SIGTERM", resolve);
    process.once("SIGINT", resolve);
  });

async function main(): Promise<number> {
  let config;
  let args;
  try {
    config = loadProcessConfig();
    args = parseTerminalArgs(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`${err instanceof ConfigError || err instanceof Error ? err.message : String(err)}\n`);
    return 2;
  }
  const plan = planPlatforms(config, args);
  const demoRefusal = demoClockRefusal(plan, config.DATABASE_URL);
  if (args.now && demoRefusal) {
    process.stderr.write(`${demoRefusal}\n`);
    return 2;
  }
  // In the terminal, logs would drown the conversation: warnings only, on stderr.
  const logger = createLogger({ level: config.LOG_LEVEL ?? (plan.terminal ? "warn" : "info") });
  // A rejection that escapes a library's own error handling (a malformed gateway payload,
  // say) must be logged, not end the service: Node 20 exits on unhandled rejections.
  process.on("unhandledRejection", (err) => logger.error({ err }, "unhandled rejection"));
  const metrics = new Metrics();
  // The terminal alone, on its own SQLite file, runs on a movable clock: from --now (else from
  // the wall clock) plus the real time elapsed, moved forward by `/cdce demo avancer`.
  const demoClock = plan.terminal && !demoRefusal ? settableClock(args.now ?? new Date(), () => performance.now()) : undefined;
  const demo = demoClock && createDemoClock({
    clock: demoClock,
    jobs: JOBS,
    defaultTimeZone: config.DEFAULT_TIME_ZONE,
    overrides: jobScheduleOverrides(config),
    runAt: jobRunner({
      context: (job, at) => ({
        services: app.services,
        now: at,
        logger: logger.child({ job: job.name }),
        // The terminal's worker posts (and prints) everything due at that instant before the next job runs.
        outbox: { sweep: async () => void (terminalRuntime ? await terminalRuntime.drain() : await runtime?.worker?.sweep()), purge: (before) => app.delivery.store.purge(before) },
      }),
    }),
    outbox: { nextAttemptAfter: (after) => app.delivery.store.nextAttemptAfter(after), countDueBetween: (from, to) => app.delivery.store.countDueBetween(from, to) },
  });
  // The jobs read `app` when they run, once it exists.
  const replica = newInstanceId();
  // Replicas may share their commands (src/cluster/shared-work.ts). The replicas of one
  // deployment share its database: its address names their queue.
  const workQueue = plan.background && config.REDIS_URL && config.SHARE_COMMANDS === "true" ? await createRedisWorkQueue(config.REDIS_URL, createHash("sha256").update(config.DATABASE_URL).digest("hex").slice(0, 16), logger) : undefined;
  const app: App = await createApp({ databaseUrl: config.DATABASE_URL, logger, seed: shouldSeed(config), demoHistory: shouldSeed(config), onHandled: metrics.observeCommand, coordinators: coordinatorAccounts(config), databaseTimeouts: databaseTimeouts(config), clock: demoClock?.now, demo, platforms: reachedPlatforms(config, plan), publicUrl: config.PUBLIC_URL, neighbourKm: config.NEIGHBOURS_DISTANCE_KM, ...(workQueue ? { shareWork: { queue: workQueue, replica } } : {}) }).catch(async (err: unknown): Promise<never> => {
    await workQueue?.close();
    throw err;
  });
  // A new installation on Slack or Discord: the first coordinator claims the role with a code
  // printed here (the terminal's user chooses a role with --role and needs none).
  if (plan.background) {
    await announceClaimCode({ store: app.services.community.coordinatorClaim, now: app.services.clock(), configured: coordinatorAccounts(config), write: (text) => process.stderr.write(text), logger });
  }
  // One replica at a time holds the Discord gateway and runs the cluster-wide jobs.
  const leader = plan.background ? new Lease(app.delivery.leases, "leader", replica, { ttlMs: config.LEASE_TTL_MS, renewMs: config.LEASE_RENEW_MS, logger }) : undefined;
  // With platforms, the service also sends on its own (outbox), runs its jobs and serves /healthz and /metrics.
  const runtime = plan.background ? await createRuntime({ config, app, leader: leader!, replica, metrics, logger }) : undefined;
  // The terminal alone sends on its own and runs its jobs too, as the only replica.
  // On the demo clock, the jobs follow that clock (demo.catchUp, every second), not node-cron's.
  const terminalRuntime = plan.terminalBackground ? createTerminalRuntime({ app, config, logger, replica, schedule: !demo }) : undefined;
  let demoTicker: ReturnType<typeof setInterval> | undefined;
  let demoTick: Promise<void> | undefined;
  const io = { input: process.stdin, output: process.stdout };
  const queuedBetween = (since: Date, until: Date, limit: number) => app.delivery.store.queuedBetween(since, until, limit);
  const platforms: ChatPlatform[] = await loadPlatforms(plan, { config, inbound: app.inbound, logger, repos: app.services.repos, clock: app.services.clock, args, ...io, queuedBetween }, { leader });
  // The public pages for citizens, on their own port, whichever platforms run (not for a --once line).
  // The live calendar feeds are served there too, under /cal/. Loaded only then: the web
  // framework and its plugins weigh some 25 MB in a process that serves no page.
  const publicWeb: PublicWeb | undefined =
    config.PUBLIC_PORT > 0 && args.once === undefined
      ? await (await import("./platforms/web/server.js")).startPublicWeb({ services: app.services, logger, publicUrl: config.PUBLIC_URL, port: config.PUBLIC_PORT, host: config.HOST, trustProxy: config.PUBLIC_TRUST_PROXY, redisUrl: config.REDIS_URL, feeds: createFeedHandler(app.services) })
      : undefined;
  let stopping: Promise<void> | undefined;
  // Stops platforms first (in-flight replies finish), then the database. Safe to call twice.
  const stop = () =>
    (stopping ??= (async () => {
      clearInterval(demoTicker);
      await demoTick;
      // No more commands taken from other replicas; those taken are answered first.
      await app.shared?.stopTaking();
      await publicWeb?.close();
      await runtime?.stop();
      await terminalRuntime?.stop();
      await Promise.allSettled(platforms.map((p) => p.stop()));
      await leader?.stop();
      await app.close();
    })());
  try {
    await app.shared?.start();
    for (const platform of platforms) {
      await platform.start();
      logger.info({ platform: platform.name }, "platform connected");
    }
    await runtime?.start(platforms);
    const terminal = platforms.find((p) => p.platform === "terminal");
    if (terminalRuntime && terminal) {
      await terminalRuntime.start(terminal);
      if (demo) demoTicker = setInterval(() => void (demoTick ??= demo.catchUp().finally(() => (demoTick = undefined))), 1_000);
    }
    // Runs until a signal, or until a platform that ends on its own (the terminal) has ended.
    const ended = platforms.flatMap((p) => (p.ended ? [p.ended] : []));
    await Promise.race([signalled(), ...ended]);
    logger.info({}, "shutting down");
    return 0;
  } finally {
    await stop();
  }
}

/**
 * The platforms this deployment posts to: Slack and Discord when their tokens are set (a
 * `--once` run queues for the service that runs them), the terminal when it runs.
 */
function reachedPlatforms(config: { SLACK_BOT_TOKEN?: string; DISCORD_TOKEN?: string }, plan: { terminal: boolean }): Platform[] {
  return [...(config.SLACK_BOT_TOKEN ? (["slack"] as const) : []), ...(config.DISCORD_TOKEN ? (["discord"] as const) : []), ...(plan.terminal ? (["terminal"] as const) : [])];
}

/** The language asked with --lang, else French. */
function terminalLocale(): Locale {
  try {
    return parseTerminalArgs(process.argv.slice(2)).lang ?? DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    const reason = `fatal: ${err instanceof Error ? err.message : String(err)}`;
    // A database that is away is said in words first, in the terminal's language; the
    // driver's own line stays, for whoever runs the service.
    const text = isDatabaseUnavailable(err) ? `${translator(terminalLocale())("error.databaseUnavailable")}\n${reason}` : reason;
    process.stderr.write(`${text}\n`);
    process.exit(1);
  },
);
