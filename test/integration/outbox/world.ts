/**
 * One outbox test world, in process: a real app over a temp SQLite file, the fake platform, and the real worker posting through the real PacedSender,
 * with a clock that follows real time plus an offset the test can move (downtimes, DST days).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createApp, type App } from "../../../src/app.js";
import type { Logger } from "../../../src/core/logger.js";
import { message } from "../../../src/core/reply.js";
import type { PlatformSender } from "../../../src/core/outbound.js";
import { PacedSender, type PacingOptions } from "../../../src/delivery/limits.js";
import type { NewOutboxMessage } from "../../../src/delivery/outbox.js";
import { failureReporter } from "../../../src/delivery/report.js";
import { OutboxWorker, type OutboxWorkerOptions } from "../../../src/delivery/worker.js";
import { Metrics } from "../../../src/ops/metrics.js";
import { captureLogger, type Entry } from "../../helpers/capture-logger.js";
import { FakePlatform, type FakePlatformOptions } from "../../fakes/outbox/fake-platform.js";
import { createFakeSender } from "../../fakes/outbox/http-sender.js";

export const WS = "T0CDCE";

export interface WorldOptions {
  fake?: FakePlatformOptions;
  /** The limiter's per-channel gap (default: the fake's window / limit). */
  gapMs?: number;
  pacing?: Partial<PacingOptions>;
  worker?: Partial<OutboxWorkerOptions>;
  timeoutMs?: number;
  /** Initial clock offset from real time. */
  offsetMs?: number;
  /** Sweep period; 0 = the test sweeps itself. */
  sweepMs?: number;
  /** Seed the demo communes and kits (default false: faster). */
  seed?: boolean;
  /** Wraps the fake sender (to count lookups, say). */
  wrap?: (s: PlatformSender) => PlatformSender;
}

export interface World {
  app: App;
  fake: FakePlatform;
  worker: OutboxWorker;
  metrics: Metrics;
  logs: Entry[];
  logger: Logger;
  now(): Date;
  /** Moves the clock by `ms` (forwards: a downtime, a day). */
  jump(ms: number): void;
  /** Sets the clock to an instant. */
  setNow(d: Date): void;
  /** Queues rows directly (bypassing the notifier's fan-out). */
  queue(rows: Array<Partial<NewOutboxMessage> & { key: string; channel: string }>): Promise<void>;
  close(): Promise<void>;
}

export async function createWorld(o: WorldOptions = {}): Promise<World> {
  const dir = mkdtempSync(join(tmpdir(), "cdce-outbox-"));
  let offset = o.offsetMs ?? 0;
  const clock = () => new Date(Date.now() + offset);
  const logs: Entry[] = [];
  const logger = captureLogger(logs);
  const app = await createApp({ databaseUrl: `file:${join(dir, "test.db")}`, logger, clock, seed: o.seed ?? false });
  const fake = await FakePlatform.start(o.fake);
  const metrics = new Metrics({ processMetrics: false });
  const base = createFakeSender(fake.url, { timeoutMs: o.timeoutMs ?? 2000 });
  const sender = o.wrap ? o.wrap(base) : base;
  const gap = o.gapMs ?? Math.ceil(fake.windowMs / fake.limit);
  const pacer = new PacedSender(sender, {
    logger,
    perChannelMinTimeMs: gap,
    perWorkspaceMinTimeMs: 0,
    perWorkspaceConcurrent: 50,
    maxAttempts: 8,
    transientAttempts: 1,
    onRateLimited: () => metrics.rateLimitedOn("slack"),
    ...o.pacing,
  });
  const worker = new OutboxWorker({
    store: app.delivery.store,
    platforms: { slack: { sender, pacer, available: () => true } },
    replica: "test-replica",
    logger,
    clock,
    claimTtlMs: 5_000,
    backoffBaseMs: 50,
    backoffMaxMs: 400,
    maxAttempts: 4,
    events: metrics.outboxEvents(),
    report: failureReporter(app.delivery.notifier, clock),
    ...o.worker,
  });
  worker.start();
  metrics.watchQueue(() => app.delivery.store.stats(clock()));
  const sweepMs = o.sweepMs ?? 100;
  const timer = sweepMs > 0 ? setInterval(() => void worker.sweep(), sweepMs) : undefined;
  return {
    app,
    fake,
    worker,
    metrics,
    logs,
    logger,
    now: clock,
    jump: (ms) => void (offset += ms),
    setNow: (d) => void (offset = d.getTime() - Date.now()),
    async queue(rows) {
      const now = clock();
      await app.delivery.store.enqueue(
        rows.map((r) => ({
          key: r.key,
          target: r.target ?? { platform: "slack", workspaceId: WS, channelId: r.channel },
          reply: r.reply ?? message("fr", `message ${r.key}`, "channel"),
          dueAt: r.dueAt ?? now,
          expiresAt: r.expiresAt,
          kind: r.kind,
        })),
        now,
      );
    },
    async close() {
      clearInterval(timer);
      await worker.stop();
      await fake.close();
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Polls `check` until it holds (or fails after `timeoutMs`), without fixed sleeps in the test. */
export async function until(check: () => boolean | Promise<boolean>, label: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${label}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
