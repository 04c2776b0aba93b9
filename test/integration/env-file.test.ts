/**
 * The `.env` of the working directory, as `.env.example` promises: read by the bot and the
 * npm scripts when present, the environment winning over it. The merge rules on their own,
 * then the real entry point in a child process started in a directory holding a `.env`.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { spawn } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import { applyEnvFile, EnvFileError } from "../../src/env-file.js";

const dir = mkdtempSync(join(tmpdir(), "cdce-envfile-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const MAIN = resolve("src/main.ts");
// tsx by absolute path: the child runs in another directory, where `--import tsx` would not resolve.
const TSX = pathToFileURL(resolve("node_modules/tsx/dist/loader.mjs")).href;

function place(name: string, content: string): string {
  const where = join(dir, name);
  mkdirSync(where, { recursive: true });
  writeFileSync(join(where, ".env"), content);
  return where;
}

describe("applyEnvFile", () => {
  it("fills what the environment leaves unset; the environment wins; empty counts as unset", () => {
    const where = place("merge", ['# a comment', 'LOG_LEVEL=debug', 'DATABASE_URL="file:./from-file.db"', "export SEED_ON_START=false", "HTTP_PORT=9999", "SLACK_PORT=4000"].join("\n"));
    const env: NodeJS.ProcessEnv = { HTTP_PORT: "8080", SLACK_PORT: "" };
    const result = applyEnvFile(env, where);
    expect(env).toEqual({ LOG_LEVEL: "debug", DATABASE_URL: "file:./from-file.db", SEED_ON_START: "false", HTTP_PORT: "8080", SLACK_PORT: "4000" });
    expect(result?.applied.sort()).toEqual(["DATABASE_URL", "LOG_LEVEL", "SEED_ON_START", "SLACK_PORT"]);
  });

  it("does nothing without a file, and names a file it cannot read", () => {
    const env: NodeJS.ProcessEnv = {};
    expect(applyEnvFile(env, join(dir, "nowhere"))).toBeUndefined();
    expect(env).toEqual({});
    // A directory named .env cannot be read as a file.
    mkdirSync(join(dir, "broken", ".env"), { recursive: true });
    expect(() => applyEnvFile(env, join(dir, "broken"))).toThrow(EnvFileError);
  });
});

/** Runs the bot once in `cwd` with only PATH and HOME exported, plus `env`. */
function runBot(cwd: string, env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ["--import", TSX, MAIN, "--once", "/cdce kit jeunes"], {
      cwd,
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", fail);
    child.on("close", (code) => done({ code, stdout, stderr }));
  });
}

describe("the bot started in a directory with a .env", { timeout: 120_000 }, () => {
  it("uses the .env values when nothing is exported", async () => {
    // Absolute: a relative SQLite path is read from the bot's install folder, not from here.
    const where = place("bot", "");
    writeFileSync(join(where, ".env"), `DATABASE_URL=file:${join(where, "from-dotenv.db")}\nLOG_LEVEL=info\n`);
    const r = await runBot(where, {});
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/kits? trouvés?/);
    // The database named by the .env was created, and LOG_LEVEL=info shows the start logs
    // (the terminal's own default is warn, which prints nothing here).
    expect(existsSync(join(where, "from-dotenv.db"))).toBe(true);
    expect(r.stderr).toMatch(/"level":30/);
  });

  it("lets an exported variable win over the .env", async () => {
    const where = place("exported", "");
    writeFileSync(join(where, ".env"), `DATABASE_URL=file:${join(where, "from-dotenv.db")}\nLOG_LEVEL=info\n`);
    const r = await runBot(where, { DATABASE_URL: `file:${join(where, "exported.db")}`, LOG_LEVEL: "silent" });
    expect(r.code).toBe(0);
    expect(existsSync(join(where, "exported.db"))).toBe(true);
    expect(existsSync(join(where, "from-dotenv.db"))).toBe(false);
    expect(r.stderr).toBe("");
  });

  it("stops with the variable named when the .env holds a malformed value", async () => {
    const where = place("malformed", "HTTP_PORT=not-a-port\n");
    const r = await runBot(where, {});
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("HTTP_PORT");
  });
});
