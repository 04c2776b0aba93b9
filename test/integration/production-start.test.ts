/**
 * The production start as a production install has it: dist/ built once by `npm run build`,
 * copied with package.json into a fresh folder whose node_modules holds only the production
 * dependencies of package-lock.json (no Prisma CLI, no TypeScript, no tsx, no esbuild), and
 * `npm run start:prod`'s command run from another working directory with a PATH holding only
 * node. The SQLite file lands under the install folder, whatever the working directory.
 *
 * A real `npm ci --omit=dev` in a clone is not run here: it compiles better-sqlite3 from
 * source (measured on this 2-core machine: see the commit), too slow for the suite.
 */
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runNode } from "../helpers/child.js";

const root = process.cwd();
const install = mkdtempSync(path.join(tmpdir(), "cdce-prod-"));
const elsewhere = mkdtempSync(path.join(tmpdir(), "cdce-cwd-"));
afterAll(() => {
  rmSync(install, { recursive: true, force: true });
  rmSync(elsewhere, { recursive: true, force: true });
});

/** Build tools the runtime must not need, though some are (build-time) dependencies. */
const BUILD_ONLY = new Set(["tsx", "esbuild"]);

/** node_modules with the lock file's production packages only (symlinks to the installed ones). */
function productionModules(target: string): string[] {
  const lock = JSON.parse(readFileSync(path.join(root, "package-lock.json"), "utf8")) as { packages: Record<string, { dev?: boolean; devOptional?: boolean }> };
  const linked: string[] = [];
  for (const [key, meta] of Object.entries(lock.packages)) {
    // Top-level packages only: nested ones come along inside their parent's folder.
    const m = /^node_modules\/((?:@[^/]+\/)?[^/]+)$/.exec(key);
    // devOptional: a development dependency that a production package names as an optional
    // peer (@prisma/client → prisma, typescript). `npm ci --omit=dev` still installs those;
    // left out here, to show that the bot never loads them.
    if (!m || meta.dev || meta.devOptional || BUILD_ONLY.has(m[1]!)) continue;
    const from = path.join(root, "node_modules", m[1]!);
    if (!existsSync(from)) continue; // optional packages for other systems
    mkdirSync(path.dirname(path.join(target, m[1]!)), { recursive: true });
    symlinkSync(from, path.join(target, m[1]!));
    linked.push(m[1]!);
  }
  return linked;
}

describe("npm run start:prod from a production install", { timeout: 180_000 }, () => {
  it("runs the built bot without a development tool, with its SQLite file under the install folder", async () => {
    execFileSync(process.execPath, ["src/build.mjs"], { cwd: root });
    cpSync(path.join(root, "dist"), path.join(install, "dist"), { recursive: true });
    writeFileSync(path.join(install, "package.json"), readFileSync(path.join(root, "package.json")));
    const linked = productionModules(path.join(install, "node_modules"));
    expect(linked).toContain("better-sqlite3");
    expect(linked).not.toContain("prisma");
    expect(linked).not.toContain("typescript");
    expect(linked).not.toContain("tsx");

    const script = (JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts["start:prod"]!;
    const [node, ...args] = script.split(/\s+/);
    expect(node).toBe("node");
    const entry = args.map((a) => (a.startsWith("dist/") ? path.join(install, a) : a));
    // PATH holds node's folder alone: no tsx, no prisma, no npm scripts' bin folder.
    const run = (line: string) => runChildIn(elsewhere, [...entry, "--once", line], { PATH: path.dirname(process.execPath), LOG_LEVEL: "info" });
    const r = await run("/cdce aide");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Ce que je peux faire pour vous");
    const db = path.join(install, "data", "cdce.db");
    expect(existsSync(db)).toBe(true);
    expect(existsSync(path.join(elsewhere, "data"))).toBe(false);
    // The absolute path is in the start log, for whoever runs the service.
    expect(r.stderr).toContain(db);
  });
});

/** `runNode`, from another working directory. */
function runChildIn(cwd: string, args: string[], env: Record<string, string>) {
  const before = process.cwd();
  process.chdir(cwd);
  try {
    return runNode(args, env);
  } finally {
    process.chdir(before);
  }
}
