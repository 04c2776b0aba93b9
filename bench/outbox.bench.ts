/**
 * Outbox throughput under the platforms' per-channel limits, and the bot's idle memory.
 *
 * 1. 10,000 messages to 1,000 channels, posted by one replica (the real runtime in a child
 *    process, SQLite) to a fake platform that answers 429 to any post beyond its published
 *    per-channel limit: achieved rate / allowed rate, 429s received, duplicates, lost.
 * 2. The same with two replicas on PostgreSQL and Redis (limits shared by bottleneck).
 * 3. Resident memory of the bot as `npm start` runs it (built to dist/) with Slack, Discord
 *    and the scheduler running idle against the fakes.
 *
 * Scaled: at Slack's 1 message per second per channel, 1,000 channels allow 1,000 posts per
 * second, more than one process does here, and the ratio would measure this machine rather
 * than the pacing. The fake's per-channel limit and the limiter's gap are therefore both set
 * to 1 post per BENCH_OUTBOX_INTERVAL_MS (default 8 s: 125 posts per second allowed; measured
 * here, one replica posts about 215 per second on 2 cores, bound by CPU), and the rows say so.
 * Rows "at 1/s" then run Slack's published limit as it is, on 1,000 messages to 100 channels.
 * The allowed rate counts what the limit permits once the first post of each channel is out:
 * 10 posts per channel need at least 9 intervals.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createApp } from "../src/app.js";
import { silentLogger } from "../src/core/logger.js";
import { message } from "../src/core/reply.js";
import { FakeDiscord } from "../test/fakes/discord/fake-discord.js";
import { FakePlatform } from "../test/fakes/outbox/fake-platform.js";
import { BOT_TOKEN, FakeSlack, SIGNING_SECRET } from "../test/fakes/slack/server.js";
import { killAll, startChild, type Child } from "../test/helpers/child.js";
import { buildBot, startFlags } from "./built-bot.js";
import { flushRedis, freePort, redisReachable } from "../test/helpers/local-services.js";
import { pgReachable, scratchPostgres } from "../test/integration/data/support.js";
import { percentile, type Row } from "./lib.js";

const N = Number(process.env.BENCH_OUTBOX_MESSAGES ?? 10_000);
const CHANNELS = Number(process.env.BENCH_OUTBOX_CHANNELS ?? 1_000);
const INTERVAL_MS = Number(process.env.BENCH_OUTBOX_INTERVAL_MS ?? 8_000);
/** `throughput` or `memory` runs only that part (both by default). */
const ONLY = process.env.BENCH_OUTBOX_ONLY ?? "";
/** `1` or `2` runs only that throughput row (both by default). */
const REPLICAS = process.env.BENCH_OUTBOX_REPLICAS ?? "";
const REDIS_URL = process.env.BENCH_REDIS_URL ?? "redis://127.0.0.1:6379/10";
const TARGET = "rate/allowed >= 0.95, 429s = 0, dups = 0, lost = 0";

/** Whether Redis answers; then empties the bench's database (it is flushed again after). */
async function redisUp(): Promise<boolean> {
  if (!(await redisReachable("bench outbox", REDIS_URL))) return false;
  await flushRedis(REDIS_URL);
  return true;
}

/** How many messages, to how many channels, at what per-channel limit (1 post per `intervalMs`). */
interface Load {
  n: number;
  channels: number;
  intervalMs: number;
}

/** The load, scaled (see the top of this file). */
const SCALED: Load = { n: N, channels: CHANNELS, intervalMs: INTERVAL_MS };
/**
 * Slack's published limit as it is (1 post per second per channel), on as many channels as
 * this machine can feed at that pace: shows the pacing is not an artefact of the scaling.
 */
const PUBLISHED: Load = { n: 1_000, channels: 100, intervalMs: 1_000 };

/** Queues the messages, runs `replicas` child processes until all are delivered (or a deadline), and measures. */
async function throughput(name: string, databaseUrl: string, replicas: number, redis: boolean, load: Load = SCALED): Promise<Row> {
  const { n: N, channels: CHANNELS, intervalMs: INTERVAL_MS } = load;
  const app = await createApp({ databaseUrl, logger: silentLogger, seed: false });
  const fake = await FakePlatform.start({ limit: 1, windowMs: INTERVAL_MS });
  const children: Child[] = [];
  try {
    const now = new Date();
    await app.delivery.store.enqueue(
      Array.from({ length: N }, (_, i) => ({
        key: `bench:${i}`,
        target: { platform: "slack" as const, workspaceId: "T0BENCH", channelId: `C${i % CHANNELS}` },
        reply: message("fr", `Rappel ${i}`, "channel"),
        dueAt: new Date(now.getTime() - 1000),
      })),
      now,
    );
    const env: Record<string, string> = {
      DATABASE_URL: databaseUrl,
      FAKE_URL: fake.url,
      FAKE_TIMEOUT_MS: "10000",
      LOG_LEVEL: "error",
      OUTBOX_SWEEP_SECONDS: "1",
      OUTBOX_MAX_IN_FLIGHT: String(CHANNELS * 3),
      SLACK_CHANNEL_INTERVAL_MS: String(INTERVAL_MS),
      // The fake publishes no workspace cap: the per-channel limit is the one measured.
      SLACK_WORKSPACE_INTERVAL_MS: "0",
      LEASE_TTL_MS: "20000",
      LEASE_RENEW_MS: "5000",
      ...(redis ? { REDIS_URL } : {}),
    };
    for (let i = 0; i < replicas; i++) children.push(startChild("test/fixtures/outbox-replica.ts", env));
    await Promise.all(children.map((c) => c.line((l) => l.includes('"ready"'), 120_000, "replica ready")));
    const started = performance.now();
    const perChannel = Math.ceil(N / CHANNELS);
    const deadline = (perChannel * INTERVAL_MS) * 3 + 60_000;
    await fake.waitForKeys(N, deadline).catch(() => undefined);
    // Posts answered but not yet recorded are given a moment; then whatever is not sent is lost.
    const until = Date.now() + 10_000;
    while ((await app.services.outbox.counts()).sent < N && Date.now() < until) await new Promise((r) => setTimeout(r, 200));
    const counts = await app.services.outbox.counts();
    const times = fake.deliveries.map((d) => d.at);
    const first = Math.min(...times);
    const last = Math.max(...times);
    const allowedMs = (perChannel - 1) * INTERVAL_MS;
    const ratio = allowedMs / Math.max(1, last - first);
    const lost = N - fake.byKey.size;
    const shape = timeline(fake.deliveries);
    if (lost > 0 || counts.sent < N) await explainMissing(app, children);
    const byReplica = new Map<string, number>();
    for (const d of fake.deliveries) byReplica.set(d.replica ?? "?", (byReplica.get(d.replica ?? "?") ?? 0) + 1);
    const ok = ratio >= 0.95 && fake.rateLimited === 0 && fake.duplicates().length === 0 && lost === 0 && counts.sent === N;
    return {
      name,
      other: {
        "rate/allowed": Number(ratio.toFixed(3)),
        "msg/s": Math.round(N / ((last - first) / 1000)),
        "allowed msg/s": Math.round(N / (allowedMs / 1000)),
        "429s": fake.rateLimited,
        dups: fake.duplicates().length,
        lost,
        "rows sent": counts.sent,
        "first post after ready (ms)": Math.round(first - started),
        // Where the time goes: the channels' first posts spread, then each channel's gaps.
        "first posts spread (ms)": shape.firstSpread,
        "gap p50/p90/p99 (ms)": shape.gaps,
        "slowest channel span (ms)": shape.slowestSpan,
        ...(replicas > 1 ? { "per replica": [...byReplica.values()].join("/") } : {}),
        limit: INTERVAL_MS === 1000 ? "1 post / s / channel (Slack's published limit)" : `1 post / ${INTERVAL_MS / 1000} s / channel (Slack: 1/s; scaled, limiter too)`,
      },
      target: TARGET,
      ok,
    };
  } finally {
    for (const c of children) c.proc.kill("SIGTERM");
    await Promise.all(children.map((c) => Promise.race([c.exited, new Promise((r) => setTimeout(r, 15_000))])));
    await killAll();
    await fake.close();
    await app.close();
  }
}

/** A message not delivered is a bug: print where its row stands and what the replicas logged. */
async function explainMissing(app: Awaited<ReturnType<typeof createApp>>, children: readonly Child[]): Promise<void> {
  const rows = await app.services.outbox.list(["pending", "sending", "failed"], 10);
  for (const r of rows) process.stderr.write(`bench outbox: not sent: ${r.key} ${r.state} attempts=${r.attempts} next=${r.nextAttemptAt.toISOString()} error=${r.lastError ?? "-"}\n`);
  for (const c of children) for (const line of c.stderr.slice(-20)) process.stderr.write(`bench outbox: replica log: ${line.slice(0, 500)}\n`);
}

/** How the deliveries spread: first post of each channel, gaps within channels, longest channel. */
function timeline(deliveries: ReadonlyArray<{ channel: string; at: number }>): { firstSpread: number; gaps: string; slowestSpan: number } {
  const byChannel = new Map<string, number[]>();
  for (const d of deliveries) (byChannel.get(d.channel) ?? byChannel.set(d.channel, []).get(d.channel)!).push(d.at);
  const firsts: number[] = [];
  const gaps: number[] = [];
  let slowestSpan = 0;
  for (const times of byChannel.values()) {
    times.sort((a, b) => a - b);
    firsts.push(times[0]!);
    for (let i = 1; i < times.length; i++) gaps.push(times[i]! - times[i - 1]!);
    slowestSpan = Math.max(slowestSpan, times[times.length - 1]! - times[0]!);
  }
  const p = (q: number) => Math.round(percentile(gaps, q));
  return { firstSpread: Math.round(Math.max(...firsts) - Math.min(...firsts)), gaps: `${p(0.5)}/${p(0.9)}/${p(0.99)}`, slowestSpan: Math.round(slowestSpan) };
}

/**
 * RSS (MB) of the bot as `npm start` runs it (dist/src/main.js, built by src/build.mjs) with
 * Slack (HTTP mode), Discord and the scheduler, idle, after warm-up.
 */
async function idleRss(dir: string, nodeOptions: string): Promise<{ rssMb: number; maxMb: number; platforms: string }> {
  const slack = await FakeSlack.start();
  const discord = await FakeDiscord.start();
  const httpPort = await freePort();
  try {
    const bot = startChild("dist/src/main.js", {
      DATABASE_URL: `file:${join(dir, "idle.db")}`,
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
      SLACK_PORT: String(await freePort()),
      DISCORD_TOKEN: discord.token,
      DISCORD_APPLICATION_ID: discord.applicationId,
      DISCORD_GUILD_ID: discord.guild.id,
      DISCORD_API_URL: discord.apiUrl,
      HTTP_PORT: String(httpPort),
      LOG_LEVEL: "error",
      NODE_OPTIONS: nodeOptions,
    });
    const deadline = Date.now() + 120_000;
    while (Date.now() < deadline) {
      const ok = await fetch(`http://127.0.0.1:${httpPort}/healthz`).then((r) => r.status === 200, () => false);
      if (ok) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    // Idle: the scheduler sweeps, leases renew, heartbeats flow; let the heap settle, then
    // read the RSS once a second for 15 s (one reading varies by +-10 MB with the GC's timing).
    await new Promise((r) => setTimeout(r, 15_000));
    const samples: number[] = [];
    for (let i = 0; i < 15; i++) {
      const status = readFileSync(`/proc/${bot.proc.pid}/status`, "utf8");
      samples.push(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
      await new Promise((r) => setTimeout(r, 1000));
    }
    const health = (await fetch(`http://127.0.0.1:${httpPort}/healthz`).then((r) => r.json())) as { platforms?: Record<string, string> };
    bot.proc.kill("SIGTERM");
    await bot.exited;
    return { rssMb: percentile(samples, 0.5), maxMb: Math.max(...samples), platforms: Object.entries(health.platforms ?? {}).map(([k, v]) => `${k}=${v}`).join(" ") };
  } finally {
    await killAll();
    await discord.close();
    await slack.close();
  }
}

export async function run(): Promise<Row[]> {
  const dir = mkdtempSync(join(tmpdir(), "cdce-bench-outbox-"));
  const rows: Row[] = [];
  try {
    if (ONLY !== "memory") await throughputRows(dir, rows);
    if (ONLY !== "throughput") rows.push(await memoryRow(dir));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

async function throughputRows(dir: string, rows: Row[]): Promise<void> {
  const shape = (l: Load, replicas: string) => `outbox: ${l.n} msgs / ${l.channels} channels${l === PUBLISHED ? " at 1/s" : ""}, ${replicas}`;
  if (REPLICAS !== "2") {
    rows.push(await throughput(shape(SCALED, "1 replica (SQLite)"), `file:${join(dir, "one.db")}`, 1, false));
    rows.push(await throughput(shape(PUBLISHED, "1 replica (SQLite)"), `file:${join(dir, "one-published.db")}`, 1, false, PUBLISHED));
  }
  if (REPLICAS === "1") return;
  const pg = await pgReachable("bench outbox");
  const redis = await redisUp();
  if (!(pg && redis)) {
    rows.push({ name: "outbox: 2 replicas (PostgreSQL + Redis)", other: { skipped: `${pg ? "" : "PostgreSQL "}${redis ? "" : "Redis "}unreachable` } });
    return;
  }
  for (const load of [SCALED, PUBLISHED]) {
    const scratch = scratchPostgres();
    try {
      rows.push(await throughput(shape(load, "2 replicas (PostgreSQL + Redis)"), scratch.url, 2, true, load));
    } finally {
      await scratch.cleanup();
      await redisUp(); // flushes the bench's Redis database
    }
  }
}

async function memoryRow(dir: string): Promise<Row> {
  // As `npm start` runs it (built, its Node flags), then with Node's defaults.
  buildBot();
  const flags = startFlags();
  const started = await idleRss(dir, flags);
  const defaults = await idleRss(dir, "");
  return {
    name: "outbox: bot idle memory (Slack HTTP + Discord + scheduler, npm start)",
    median: Math.round(started.rssMb),
    unit: "MB",
    other: { flags, "max of 15 readings (MB)": Math.round(started.maxMb), "RSS with Node defaults (MB)": Math.round(defaults.rssMb), platforms: started.platforms },
    target: "RSS < 150 MB (median of 15 readings)",
    ok: started.rssMb > 0 && started.rssMb < 150,
  };
}
