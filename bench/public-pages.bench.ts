/**
 * The public pages under a crowd: 100 concurrent connections (autocannon, in a worker thread
 * so that the load generator does not share the server's event loop) on a commune page and
 * on a calendar feed served through them (`/cal/…`); a bare fastify "hello" measured
 * the same way in the same run is the baseline (what the machine gives any fastify route).
 * Target: p99 < 50 ms for the commune page. Real app on SQLite, seeded, the page's rows
 * reused for 5 s as in production (src/platforms/web/pages.ts).
 */
import { createRequire } from "node:module";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import Fastify from "fastify";
import type { Row } from "./lib.js";
import { createApp } from "../src/app.js";
import { silentLogger } from "../src/core/logger.js";
import { startPublicWeb } from "../src/platforms/web/server.js";
import { communePath, createFeedHandler, networkPath } from "../src/features/calendar-feeds/index.js";

const CONNECTIONS = 100;
const SECONDS = Number(process.env.BENCH_PUBLIC_SECONDS ?? 5);
const TARGET_P99_MS = 50;

/** CommonJS source for the worker: autocannon against one URL, the summary posted back. */
const CLIENT = `
const { parentPort, workerData } = require("node:worker_threads");
const path = require("node:path");
const autocannon = require(workerData.autocannon);
// Outside the main thread autocannon hands back its raw histograms (its own workers' format): aggregate them as it would.
const aggregate = require(path.join(path.dirname(workerData.autocannon), "lib", "aggregateResult.js"));
const opts = { url: workerData.url, connections: workerData.connections, duration: workerData.seconds };
autocannon(opts, (err, raw) => {
  if (err) return parentPort.postMessage({ error: String(err) });
  const r = aggregate(raw, opts);
  parentPort.postMessage({ p50: r.latency.p50, p99: r.latency.p99, rps: raw.totalCompletedRequests / workerData.seconds, total: raw.totalCompletedRequests, non2xx: r.non2xx, errors: r.errors, timeouts: r.timeouts });
});
`;

interface Load { p50: number; p99: number; rps: number; total: number; non2xx: number; errors: number; timeouts: number; error?: string }

function load(url: string, seconds: number): Promise<Load> {
  const autocannon = createRequire(import.meta.url).resolve("autocannon");
  return new Promise((resolve, reject) => {
    const worker = new Worker(CLIENT, { eval: true, workerData: { autocannon, url, connections: CONNECTIONS, seconds } });
    worker.once("message", (m: Load) => {
      void worker.terminate();
      if (m.error) reject(new Error(m.error));
      else resolve(m);
    });
    worker.once("error", reject);
  });
}

/** Warm-up (JIT, caches) then the measured run. */
async function measure(url: string): Promise<Load> {
  await load(url, 1);
  return load(url, SECONDS);
}

const row = (name: string, r: Load, target?: boolean): Row => ({
  name,
  median: r.p50,
  p99: r.p99,
  other: { "req/s": Math.round(r.rps), requests: r.total, non2xx: r.non2xx, errors: r.errors + r.timeouts },
  ...(target === undefined ? {} : { target: `p99 < ${TARGET_P99_MS} ms`, ok: r.p99 < TARGET_P99_MS && r.non2xx === 0 && r.errors + r.timeouts === 0 }),
});

export async function run(): Promise<Row[]> {
  const dir = mkdtempSync(join(tmpdir(), "cdce-bench-public-"));
  const app = await createApp({ databaseUrl: `file:${join(dir, "bench.db")}`, logger: silentLogger, seed: true });
  const baseline = Fastify({ logger: false });
  baseline.get("/", async () => "hello");
  await baseline.listen({ port: 0, host: "127.0.0.1" });
  const feeds = createFeedHandler(app.services);
  // A crowd from one address: the per-address page limit is lifted for the measure.
  const web = await startPublicWeb({ services: app.services, logger: silentLogger, port: 0, host: "127.0.0.1", feeds, limits: { pages: 1e9 } });
  const origin = `http://127.0.0.1:${web.port()}`;
  const rows: Row[] = [];
  try {
    const hello = await measure(`http://127.0.0.1:${(baseline.server.address() as { port: number }).port}/`);
    rows.push(row(`public-pages: bare fastify "hello" (baseline), ${CONNECTIONS} connections, ${SECONDS} s`, hello));
    const commune = await measure(`${origin}/c/namur`);
    rows.push(row(`public-pages: commune page /c/namur, ${CONNECTIONS} connections, ${SECONDS} s`, commune, true));
    // The commune's public feed (its local events), else the network's; skipped if neither answers.
    let feedUrl: string | undefined;
    for (const path of [communePath("namur"), networkPath()]) {
      if ((await fetch(`${origin}${path}`)).status === 200) {
        feedUrl = `${origin}${path}`;
        break;
      }
    }
    if (feedUrl) rows.push(row(`public-pages: calendar feed ${new URL(feedUrl).pathname}, ${CONNECTIONS} connections, ${SECONDS} s`, await measure(feedUrl), true));
    else rows.push({ name: "public-pages: calendar feed", other: { skipped: "no public feed answered 200" } });
  } finally {
    await web.close();
    await baseline.close();
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
