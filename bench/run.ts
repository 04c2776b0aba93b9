/**
 * `npm run bench [filter...]`: runs the bench modules listed below, in order, and prints
 * ONE table. To add a module, add one line to MODULES (its file exports
 * `async function run(): Promise<Row[]>`, see bench/lib.ts). Arguments keep only the modules
 * whose key contains one of them (`npm run bench -- kit`).
 * Exit code 1 when a row misses its target or a module fails.
 */
import { renderTable, type BenchModule, type Row } from "./lib.js";

const MODULES: Record<string, () => Promise<BenchModule>> = {
  "kit-search": () => import("./kit-search.bench.js"),
  "discord-interaction": () => import("./discord-interaction.bench.js"),
  "slack-ack": () => import("./slack-ack.bench.js"),
  momentum: () => import("./momentum.bench.js"),
  outbox: () => import("./outbox.bench.js"),
  "rsvp-burst": () => import("./rsvp-burst.bench.js"),
  "public-pages": () => import("./public-pages.bench.js"),
};

async function main(): Promise<void> {
  const filters = process.argv.slice(2).filter((a) => !a.startsWith("-"));
  const selected = Object.entries(MODULES).filter(([key]) => filters.length === 0 || filters.some((f) => key.includes(f)));
  const rows: Row[] = [];
  for (const [key, load] of selected) {
    const started = performance.now();
    process.stderr.write(`bench ${key}: running\n`);
    try {
      const mod = await load();
      rows.push(...(await mod.run()));
      process.stderr.write(`bench ${key}: done in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
    } catch (error) {
      process.stderr.write(`bench ${key}: failed\n`);
      rows.push({ name: `${key}: module failed`, other: { error: error instanceof Error ? error.message : String(error) }, ok: false });
    }
  }
  process.stdout.write(`${renderTable(rows)}\n`);
  if (rows.some((r) => r.ok === false)) process.exitCode = 1;
}

await main();
