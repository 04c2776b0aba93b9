/**
 * Test support for the data layer: temporary SQLite files, isolated PostgreSQL schemas,
 * and a reachability check so that PostgreSQL suites skip (with a notice) when no server runs.
 */
import { randomBytes } from "node:crypto";
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { defaultMigrationsDir } from "../../../src/data/migrate.js";

/** The PostgreSQL server tests use (trust auth on this machine). Override with TEST_PG_URL. */
export const PG_URL = process.env.TEST_PG_URL ?? "postgresql://root@127.0.0.1:5432/test";

/** A database URL plus what to do with it afterwards. */
export interface Scratch {
  url: string;
  cleanup(): Promise<void>;
}

/** A fresh SQLite file in its own temp folder (removed by cleanup). */
export function scratchSqlite(): Scratch & { file: string; dir: string } {
  const dir = mkdtempSync(path.join(tmpdir(), "cdce-data-"));
  const file = path.join(dir, "test.db");
  return {
    dir,
    file,
    url: `file:${file}`,
    async cleanup() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A fresh schema name on the test server; `cleanup` drops it with everything inside. */
export function scratchPostgres(): Scratch & { schema: string } {
  const schema = `cdce_test_${randomBytes(6).toString("hex")}`;
  const url = new URL(PG_URL);
  url.searchParams.set("schema", schema);
  return {
    schema,
    url: url.toString(),
    async cleanup() {
      await withPg((client) => client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`));
    },
  };
}

/** Runs `fn` with a short-lived connection to the test server. */
export async function withPg<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 2_000 });
  client.on("error", () => {});
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * Whether the test server answers within a second. When it does not, prints why (once per
 * file) so that a skipped PostgreSQL suite is visible in the output.
 */
export async function pgReachable(suite: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 1_000 });
  client.on("error", () => {});
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch (error) {
    console.warn(
      `[${suite}] SKIPPED: PostgreSQL unreachable at ${new URL(PG_URL).host} (${(error as Error).message}); ` +
        `start it or set TEST_PG_URL`,
    );
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * A temp copy of a provider's migrations folder, plus `extra` migrations (folder name ->
 * SQL) for runner tests; `cleanup` removes it.
 */
export function scratchMigrations(
  provider: "sqlite" | "postgresql",
  extra: Record<string, string> = {},
): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), "cdce-migrations-"));
  cpSync(defaultMigrationsDir(provider), dir, { recursive: true });
  for (const [name, sql] of Object.entries(extra)) {
    mkdirSync(path.join(dir, name));
    writeFileSync(path.join(dir, name, "migration.sql"), sql);
  }
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
