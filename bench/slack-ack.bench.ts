/**
 * Slack ack latency in HTTP mode: `/cdce kit jeunes` through the real adapter (a 10,000-kit
 * catalogue behind the dispatcher, a real SQLite database for people), beside a bare Bolt
 * app acking a no-op command, both on loopback against the fake Slack, requests signed as
 * Slack signs them. Requests alternate between the two apps so that drift hits both alike.
 *
 * Main rows: each request is sent once the previous command was fully answered (its
 * response_url post received), so the ack path is measured alone, as a user sees it.
 * An informational row sends back to back (the next request right after the previous ack),
 * where our post-ack work (search, reply) competes with the next ack for the event loop.
 * The client runs in a worker thread (slack-ack-client.ts): Slack does not share our loop.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { App, LogLevel, type Logger as BoltLogger } from "@slack/bolt";
import { createRegistry } from "../src/features/index.js";
import { createApp } from "../src/app.js";
import { loadConfig } from "../src/config.js";
import { createDispatcher } from "../src/core/dispatcher.js";
import { createInbound } from "../src/core/inbound.js";
import type { Services } from "../src/core/commands.js";
import { KitCatalog } from "../src/features/kits/service.js";
import { silentLogger } from "../src/core/logger.js";
import type { Kit, KitRepository } from "../src/core/ports.js";
import { createSlackAdapterWith } from "../src/platforms/slack/index.js";
import { BOT_TOKEN, FakeSlack, SIGNING_SECRET, TEAM_ID } from "../test/fakes/slack/server.js";
import { USERS } from "../test/fakes/slack/harness.js";
import { BOT_ID, BOT_USER_ID } from "../test/fakes/slack/web-api.js";
import { realCatalogue, syntheticCatalogue } from "./kit-search.bench.js";
import { percentile, type Row } from "./lib.js";
import { CLIENT_SOURCE } from "./slack-ack-client.js";

const KITS = 10_000;
const REQUESTS = 500;
const WARMUP = 50;
const RATIO_TARGET = 1.3;
const P99_TARGET_MS = 20;

const quietBolt: BoltLogger = {
  debug() {},
  info() {},
  warn() {},
  error() {},
  setLevel() {},
  getLevel: () => LogLevel.ERROR,
  setName() {},
};

function memoryKits(kits: Kit[]): KitRepository {
  const byId = new Map(kits.map((k) => [k.id, k]));
  return {
    all: async () => [...byId.values()],
    get: async (id) => byId.get(id) ?? null,
    upsert: async (k) => void byId.set(k.id, k),
    count: async () => byId.size,
    recordLinkChecks: async () => undefined,
    recordChange: async () => undefined,
    history: async () => [],
  };
}

/** The no-op baseline: Bolt's HTTP receiver, same settings as ours, one listener that acks. */
async function bareBolt(fake: FakeSlack): Promise<{ url: string; stop: () => Promise<void> }> {
  const app = new App({
    token: BOT_TOKEN,
    signingSecret: SIGNING_SECRET,
    processBeforeResponse: false,
    clientOptions: { slackApiUrl: fake.apiUrl },
    botId: BOT_ID,
    botUserId: BOT_USER_ID,
    logger: quietBolt,
  });
  app.command("/noop", async ({ ack }) => {
    await ack();
  });
  const server = (await app.start({ port: 0, host: "127.0.0.1" })) as import("node:http").Server;
  const port = (server.address() as import("node:net").AddressInfo).port;
  return { url: `http://127.0.0.1:${port}/slack/events`, stop: () => app.stop() as Promise<void> };
}

interface Sample {
  ack: number;
  /** Request sent -> reply received on the response_url (only for the app that answers). */
  reply?: number;
}
type ClientResult = Record<string, { idle: Sample[]; burst: Sample[] }> & { error?: string };

/** Runs the load generator in a worker thread (see slack-ack-client.ts) and returns its samples. */
function runClient(data: Record<string, unknown>): Promise<ClientResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(CLIENT_SOURCE, { eval: true, workerData: data });
    worker.once("message", (m: ClientResult) => {
      void worker.terminate();
      if (typeof m.error === "string") reject(new Error(m.error));
      else resolve(m);
    });
    worker.once("error", reject);
  });
}

export async function run(): Promise<Row[]> {
  const dir = mkdtempSync(join(tmpdir(), "cdce-bench-slack-"));
  const fake = await FakeSlack.start();
  for (const u of Object.values(USERS)) fake.api.users.set(u.id, u);
  const core = await createApp({ databaseUrl: `file:${join(dir, "bench.db")}`, logger: silentLogger, seed: true });
  const kits = await KitCatalog.load(memoryKits(syntheticCatalogue(realCatalogue(), KITS)));
  // The synthetic catalogue, inside each command's unit of work too.
  const services = { ...core.services, kits, transaction: <T,>(work: (scope: Services) => Promise<T>) => core.services.transaction((scope) => work({ ...scope, kits })) };
  const dispatcher = createDispatcher({ registry: createRegistry(), services });
  const config = loadConfig({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: fake.apiUrl });
  const adapter = createSlackAdapterWith({ config, inbound: createInbound({ dispatcher, services }), logger: silentLogger }, { host: "127.0.0.1", port: 0 });
  await adapter.start();
  const bare = await bareBolt(fake);
  try {
    const result = await runClient({
      secret: SIGNING_SECRET,
      teamId: TEAM_ID,
      settleUrl: `${fake.url}/settle`,
      users: Object.values(USERS).map((u) => ({ id: u.id, name: u.name })),
      warmup: WARMUP,
      requests: REQUESTS,
      targets: [
        { name: "bare", url: bare.url, command: "/noop", replies: false },
        { name: "cdce", url: `http://127.0.0.1:${adapter.port()}/slack/events`, command: "/cdce", replies: true },
      ],
    });
    const acks = (name: string, round: "idle" | "burst") => result[name]![round].map((s) => s.ack);
    const bareMedian = percentile(acks("bare", "idle"), 0.5);
    const median = percentile(acks("cdce", "idle"), 0.5);
    const p99 = percentile(acks("cdce", "idle"), 0.99);
    const ratio = median / bareMedian;
    const replies = result.cdce!.idle.map((s) => s.reply ?? Number.NaN);
    const burstRatio = percentile(acks("cdce", "burst"), 0.5) / percentile(acks("bare", "burst"), 0.5);
    return [
      { name: "slack-ack: bare Bolt, no-op command (HTTP)", median: bareMedian, p99: percentile(acks("bare", "idle"), 0.99), other: { requests: REQUESTS } },
      {
        name: `slack-ack: /cdce kit jeunes, ${KITS} kits (HTTP)`,
        median,
        p99,
        other: { requests: REQUESTS, "ratio of medians": ratio, "reply median ms": percentile(replies, 0.5), "reply p99 ms": percentile(replies, 0.99) },
        target: `ratio <= ${RATIO_TARGET}, p99 < ${P99_TARGET_MS} ms`,
        ok: ratio <= RATIO_TARGET && p99 < P99_TARGET_MS,
      },
      {
        name: "slack-ack: back to back, /cdce (informational)",
        median: percentile(acks("cdce", "burst"), 0.5),
        p99: percentile(acks("cdce", "burst"), 0.99),
        other: { "bare median ms": percentile(acks("bare", "burst"), 0.5), "bare p99 ms": percentile(acks("bare", "burst"), 0.99), "ratio of medians": burstRatio },
      },
    ];
  } finally {
    await adapter.stop();
    await bare.stop();
    await core.close();
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
