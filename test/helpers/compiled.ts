/**
 * Child processes from plain JavaScript instead of tsx, for tests that start several
 * replicas. Measured on this 2-core machine while loaded: a replica run through tsx took
 * 3.1 s of CPU and 13-14 s of wall time to be ready, the same code compiled took 1.7 s and
 * 6 s; with two replicas starting together on a busy machine that was most of a minute.
 *
 * Compiles src/, commands/, test/fixtures/ and test/fakes/ once per test process (esbuild,
 * one file per file, as `npm start`'s src/build.mjs does, so paths read through
 * import.meta.url still work), with the data files and migrations beside them, into a folder
 * under node_modules/.cache (so the compiled files find the packages), removed at exit.
 */
import { existsSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { compileTree } from "../../src/compile.mjs";

const root = process.cwd();
const DIRS = ["src", "commands", "test/fixtures", "test/fakes"];
let out: Promise<string> | undefined;

/** Whether process `pid` still runs. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function compile(): Promise<string> {
  const cache = join(root, "node_modules", ".cache", "cdce-test");
  // Folders left by test processes that were killed before their exit hook ran.
  if (existsSync(cache)) {
    for (const name of readdirSync(cache)) {
      const pid = Number(/^run-(\d+)-/.exec(name)?.[1]);
      if (pid && !alive(pid)) rmSync(join(cache, name), { recursive: true, force: true });
    }
  }
  const dir = join(cache, `run-${process.pid}-${Date.now().toString(36)}`);
  process.once("exit", () => rmSync(dir, { recursive: true, force: true }));
  await compileTree({ root, dirs: DIRS, outdir: dir, skip: (f) => f.endsWith(".test.ts") });
  return dir;
}

/** The compiled JavaScript of `entry` (`test/fixtures/outbox-replica.ts`), built on first use. */
export async function compiledEntry(entry: string): Promise<string> {
  out ??= compile();
  return join(await out, entry.replace(/\.ts$/, ".js"));
}
