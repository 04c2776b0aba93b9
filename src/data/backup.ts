/**
 * Backups and restores of the bot's database (`npm run backup -- FILE`, `npm run restore -- FILE`).
 *
 * SQLite runs in WAL mode: recent commits may sit in `cdce.db-wal`, so copying `cdce.db` with
 * `cp` can give a file that misses them or is torn. The backup uses SQLite's online backup API
 * (better-sqlite3's `backup()`): a consistent copy, taken while the bot runs. A restore goes
 * the same way in reverse (the live file, its WAL included, is replaced page by page under
 * SQLite's lock), after the backup passed `PRAGMA integrity_check`.
 *
 * PostgreSQL: `pg_dump` of the bot's schema in the custom format, and `pg_restore --clean`
 * of it in one transaction. The credentials go to the tools through libpq's environment
 * variables (PGPASSWORD…), never on a command line another user could read with `ps`.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, openSync, readSync, closeSync, renameSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { parseDatabaseUrl, type DatabaseTarget } from "./url.js";

export interface BackupResult {
  provider: DatabaseTarget["provider"];
  file: string;
  bytes: number;
}

/** A failure whose message says what to do; the CLIs print it as is. */
export class BackupError extends Error {
  override readonly name = "BackupError";
}

export interface ToolOptions {
  /** The pg_dump / pg_restore programs (tests name a missing one). */
  pgDump?: string;
  pgRestore?: string;
}

/** Writes a consistent backup of the database at `url` to `file` (replaced only when complete). */
export async function backupDatabase(url: string, file: string, o: ToolOptions = {}): Promise<BackupResult> {
  const target = parseDatabaseUrl(url);
  const out = path.resolve(file);
  mkdirSync(path.dirname(out), { recursive: true });
  const partial = `${out}.partial`;
  rmSync(partial, { force: true });
  try {
    if (target.provider === "sqlite") {
      if (!existsSync(target.file)) throw new BackupError(`No SQLite database at ${target.file}: nothing to back up (check DATABASE_URL)`);
      const db = new Database(target.file, { readonly: true, fileMustExist: true });
      try {
        await db.backup(partial);
      } finally {
        db.close();
      }
    } else {
      await runTool(o.pgDump ?? "pg_dump", ["--format=custom", "--no-owner", "--no-privileges", `--schema=${target.schema}`, `--file=${partial}`], target, "backup");
    }
    renameSync(partial, out);
  } finally {
    rmSync(partial, { force: true });
  }
  return { provider: target.provider, file: out, bytes: statSync(out).size };
}

/**
 * Replaces the database at `url` with the backup in `file`. Stop every instance of the bot
 * first: a running one would keep writing to what is being replaced.
 */
export async function restoreDatabase(url: string, file: string, o: ToolOptions = {}): Promise<{ provider: DatabaseTarget["provider"] }> {
  const target = parseDatabaseUrl(url);
  const from = path.resolve(file);
  if (!existsSync(from)) throw new BackupError(`No backup file at ${from}`);
  if (target.provider === "sqlite") {
    if (!isSqliteFile(from)) throw new BackupError(`${from} is not a SQLite database (a PostgreSQL backup restores into a PostgreSQL DATABASE_URL)`);
    const backup = new Database(from, { readonly: true, fileMustExist: true });
    try {
      const check = backup.pragma("integrity_check", { simple: true });
      if (check !== "ok") throw new BackupError(`The backup ${from} is damaged (integrity_check: ${String(check)}); nothing was restored`);
      mkdirSync(path.dirname(target.file), { recursive: true });
      await backup.backup(target.file);
    } finally {
      backup.close();
    }
  } else {
    if (isSqliteFile(from)) throw new BackupError(`${from} is a SQLite database: it restores into a file: DATABASE_URL, not PostgreSQL`);
    await runTool(o.pgRestore ?? "pg_restore", ["--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", `--dbname=${decodeURIComponent(new URL(target.connectionString).pathname.slice(1))}`, from], target, "restore");
  }
  return { provider: target.provider };
}

function isSqliteFile(file: string): boolean {
  const fd = openSync(file, "r");
  try {
    const header = Buffer.alloc(16);
    readSync(fd, header, 0, 16, 0);
    return header.toString("latin1") === "SQLite format 3\u0000";
  } finally {
    closeSync(fd);
  }
}

/** libpq's environment for the target: the tools read host, port, user, password and database from it. */
function pgEnvironment(target: Extract<DatabaseTarget, { provider: "postgresql" }>): NodeJS.ProcessEnv {
  const url = new URL(target.connectionString);
  const env: NodeJS.ProcessEnv = { ...process.env, PGHOST: url.hostname, PGPORT: url.port || "5432", PGDATABASE: decodeURIComponent(url.pathname.slice(1)) };
  if (url.username) env.PGUSER = decodeURIComponent(url.username);
  if (url.password) env.PGPASSWORD = decodeURIComponent(url.password);
  const sslmode = url.searchParams.get("sslmode");
  if (sslmode) env.PGSSLMODE = sslmode;
  return env;
}

function runTool(tool: string, args: string[], target: DatabaseTarget, what: "backup" | "restore"): Promise<void> {
  if (target.provider !== "postgresql") throw new Error("PostgreSQL tools on a SQLite target");
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { env: pgEnvironment(target), stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString("utf8")));
    child.on("error", (err: NodeJS.ErrnoException) => {
      if (err.code === "ENOENT") {
        reject(
          new BackupError(
            `${tool} was not found: a PostgreSQL ${what} needs the PostgreSQL client tools, of the server's major version or newer ` +
              `(Debian/Ubuntu: apt-get install postgresql-client; Docker: docker compose exec db pg_dump, see docs/upgrade.md)`,
          ),
        );
      } else reject(err);
    });
    child.on("close", (code) => {
      if (code === 0) resolve();
      else reject(new BackupError(`${tool} failed (exit ${code}): ${stderr.trim().split("\n").slice(-3).join(" / ")}`));
    });
  });
}
