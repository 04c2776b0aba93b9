/**
 * The `.env` file of the working directory, read by every entry point (the bot and each npm
 * script) before the configuration is parsed, as `.env.example` promises.
 *
 * Why Node's own parser (`util.parseEnv`, Node >= 20.12) rather than `process.loadEnvFile`:
 * the latter keeps a variable that is exported empty, while the configuration counts an empty
 * value as unset (src/config.ts); merging by hand keeps the two rules the same. Nothing else
 * is needed: no dependency, the same syntax as `node --env-file` (comments, quotes, `export`).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseEnv } from "node:util";

/** The file each entry point reads, in its working directory. */
export const ENV_FILE = ".env";

export interface EnvFileResult {
  /** Absolute path of the file read. */
  path: string;
  /** Names taken from the file (never their values: they may be secrets). */
  applied: string[];
}

/** A `.env` that exists but cannot be read: the start stops and names the file, not its content. */
export class EnvFileError extends Error {
  constructor(path: string, reason: string) {
    super(`${path}: cannot be read (${reason})`);
    this.name = "EnvFileError";
  }
}

/**
 * Copies into `env` the variables of `<dir>/.env` that the environment does not set. The
 * environment wins; a variable exported empty counts as unset, as everywhere in the
 * configuration. No file: nothing happens (undefined).
 */
export function applyEnvFile(env: NodeJS.ProcessEnv = process.env, dir: string = process.cwd()): EnvFileResult | undefined {
  const path = join(dir, ENV_FILE);
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return undefined;
    throw new EnvFileError(path, code ?? "unknown error");
  }
  const applied: string[] = [];
  for (const [name, value] of Object.entries(parseEnv(text))) {
    if (value === undefined) continue;
    if (env[name] !== undefined && env[name] !== "") continue;
    env[name] = value;
    applied.push(name);
  }
  return { path, applied };
}
