/**
 * Prometheus metrics (prom-client) on a registry of our own (not prom-client's global one,
 * so that tests and several apps in one process do not collide). Names start with `cdce_`;
 * the process metrics (`process_resident_memory_bytes`, event loop lag...) come with it.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import type { DispatcherOptions } from "../core/dispatcher.js";
import type { Platform } from "../core/types.js";
import type { OutboxStats } from "../delivery/outbox.js";
import type { OutboxEvents } from "../delivery/process.js";

export class Metrics {
  readonly registry = new Registry();
  private readonly sent: Counter<"platform" | "found">;
  private readonly failed: Counter<"platform" | "reason">;
  private readonly retried: Counter<"platform" | "kind">;
  private readonly expired: Counter<"platform">;
  private readonly rateLimited: Counter<"platform">;
  private readonly lateness: Histogram<"platform">;
  private readonly commands: Histogram<"command" | "platform" | "outcome">;
  private queue: (() => Promise<OutboxStats>) | undefined;

  constructor(options: { processMetrics?: boolean } = {}) {
    const registers = [this.registry];
    if (options.processMetrics ?? true) collectDefaultMetrics({ register: this.registry });
    this.sent = new Counter({ name: "cdce_outbox_sent_total", help: "Outbox messages delivered (found=true: already posted before a crash or timeout, not posted again)", labelNames: ["platform", "found"], registers });
    this.failed = new Counter({ name: "cdce_outbox_failed_total", help: "Outbox messages given up (reason: permanent refusal, attempts exhausted, invalid payload)", labelNames: ["platform", "reason"], registers });
    this.retried = new Counter({ name: "cdce_outbox_retried_total", help: "Outbox messages put back in the queue after a 429 or a transient failure", labelNames: ["platform", "kind"], registers });
    this.expired = new Counter({ name: "cdce_outbox_expired_total", help: "Outbox messages dropped because their expiry passed", labelNames: ["platform"], registers });
    this.rateLimited = new Counter({ name: "cdce_rate_limited_total", help: "HTTP 429 answers received by the outbox's senders", labelNames: ["platform"], registers });
    this.lateness = new Histogram({
      name: "cdce_outbox_delivery_delay_seconds",
      help: "Delay between a message's due time and its delivery",
      labelNames: ["platform"],
      buckets: [0.5, 1, 2, 5, 10, 30, 60, 300, 900, 3600],
      registers,
    });
    this.commands = new Histogram({
      name: "cdce_command_duration_seconds",
      help: "Time to handle a /cdce command in the core (reply built), by command, platform and outcome",
      labelNames: ["command", "platform", "outcome"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers,
    });
    const stats = () => this.stats();
    new Gauge({
      name: "cdce_outbox_queue_depth",
      help: "Outbox messages not yet delivered, by state (pending, sending, failed) and platform",
      labelNames: ["state", "platform"],
      registers,
      async collect() {
        this.reset();
        for (const d of (await stats())?.depth ?? []) this.set({ state: d.state, platform: d.platform }, d.count);
      },
    });
    new Gauge({
      name: "cdce_outbox_oldest_pending_age_seconds",
      help: "Age (since its due time) of the oldest due message still pending; 0 when none",
      registers,
      async collect() {
        const oldest = (await stats())?.oldestPendingDueAt;
        this.set(oldest ? Math.max(0, (Date.now() - oldest.getTime()) / 1000) : 0);
      },
    });
  }

  private statsOnce: Promise<OutboxStats | undefined> | undefined;
  /** One query per scrape for both gauges. */
  private stats(): Promise<OutboxStats | undefined> {
    this.statsOnce ??= (this.queue?.() ?? Promise.resolve(undefined)).catch(() => undefined).finally(() => setTimeout(() => (this.statsOnce = undefined), 100).unref());
    return this.statsOnce;
  }

  /** Where the queue gauges read from (the outbox store). */
  watchQueue(source: () => Promise<OutboxStats>): void {
    this.queue = source;
  }

  /** The dispatcher's `onHandled` hook: command latency. */
  readonly observeCommand: NonNullable<DispatcherOptions["onHandled"]> = (info) => {
    this.commands.observe({ command: info.command, platform: info.platform, outcome: info.outcome }, info.ms / 1000);
  };

  /** The outbox worker's hooks. */
  outboxEvents(): OutboxEvents {
    return {
      sent: (platform, info) => {
        this.sent.inc({ platform, found: String(info.found) });
        this.lateness.observe({ platform }, info.lateMs / 1000);
      },
      failed: (platform, reason) => this.failed.inc({ platform, reason }),
      retried: (platform, kind) => this.retried.inc({ platform, kind }),
      expired: (platform) => this.expired.inc({ platform }),
    };
  }

  /** A 429 received by a sender of `platform`. */
  rateLimitedOn(platform: Platform): void {
    this.rateLimited.inc({ platform });
  }

  /** The text exposition (`/metrics`). */
  render(): Promise<string> {
    return this.registry.metrics();
  }
}
