/**
 * `npm run bench [filter...]`: runs the bench modules listed below, in order, and prints
 * ONE table. To add a module, add one line to MODULES (its file exports
 * `async function run(): Promise<Row[]>`, see bench/lib.ts). Arguments keep only the modules
 * whose key contains one of them (`npm run bench -- kit`).
 * `BENCH_BUSY=2` (or `--busy=2`) runs the selected modules a second time with two child
 * processes spinning the CPU beside them, their rows marked `[2 busy processes beside]`: the
 * figures must hold on a machine that is doing something else too.
 * Exit code 1 when a row misses its target or a module fails.
 */
import { spawn, type ChildProcess } from "node:child_process";
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

/** `n` child processes that spin the CPU until killed. */
function spinners(n: number): ChildProcess[] {
  return Array.from({ length: n }, () => spawn(process.execPath, ["-e", "for(;;){}"], { stdio: "ignore" }));
}

async function runModules(selected: Array<[string, () => Promise<BenchModule>]>, rows: Row[], label: string): Promise<void> {
  for (const [key, load] of selected) {
    const started = performance.now();
    process.stderr.write(`bench ${key}${label}: running\n`);
    try {
      const mod = await load();
      rows.push(...(await mod.run()));
      process.stderr.write(`bench ${key}: done in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
    } catch (error) {
      process.stderr.write(`bench ${key}: failed\n`);
      rows.push({ name: `${key}: module failed${label}`, other: { error: error instanceof Error ? error.message : String(error) }, ok: false });
    }
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const filters = args.filter((a) => !a.startsWith("-"));
  const busy = Number(args.find((a) => a.startsWith("--busy="))?.slice(7) ?? process.env.BENCH_BUSY ?? 0);
  const selected = Object.entries(MODULES).filter(([key]) => filters.length === 0 || filters.some((f) => key.includes(f)));
  const rows: Row[] = [];
  await runModules(selected, rows, "");
  if (busy > 0) {
    const label = ` [${busy} busy process${busy > 1 ? "es" : ""} beside]`;
    process.stderr.write(`bench: again with ${busy} CPU-spinning processes beside\n`);
    const spinning = spinners(busy);
    const from = rows.length;
    try {
      await runModules(selected, rows, label);
    } finally {
      for (const c of spinning) c.kill("SIGKILL");
    }
    for (const r of rows.slice(from)) if (!r.name.endsWith(label)) r.name += label;
  }
  process.stdout.write(`${renderTable(rows)}\n`);
  if (rows.some((r) => r.ok === false)) process.exitCode = 1;
}

await main();
