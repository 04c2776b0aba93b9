/** The migration runner on SQLite, including agreement with the Prisma CLI. */
import { spawn, spawnSync } from "node:child_process";
import { appendFileSync, readdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { defaultMigrationsDir, runMigrations, type MigrationReport } from "../../../src/data/migrate.js";
import { parseDatabaseUrl } from "../../../src/data/url.js";
import { scratchMigrations, scratchSqlite } from "./support.js";

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0)) await fn();
});

function fresh() {
  const db = scratchSqlite();
  cleanups.push(() => db.cleanup());
  return { ...db, target: parseDatabaseUrl(db.url) };
}

function rows(file: string, sql: string): unknown[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(sql).all();
  } finally {
    db.close();
  }
}

/** Runs the runner in a child process (tsx), like a second replica would. */
function runChild(url: string, dir: string): Promise<{ status: number | null; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn("node_modules/.bin/tsx", [path.join(import.meta.dirname, "run-migrations.fixture.ts"), url, dir]);
    let stdout = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, stdout }));
  });
}

const shipped = readdirSync(defaultMigrationsDir("sqlite"), { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();

describe("migration runner on SQLite", () => {
  it("applies every migration once, then nothing", async () => {
    const { target, file } = fresh();
    const first = await runMigrations(target);
    expect(first.applied).toEqual(shipped);
    const second = await runMigrations(target);
    expect(second).toMatchObject({ applied: [], alreadyApplied: shipped.length });
    expect(rows(file, `SELECT migration_name, applied_steps_count FROM _prisma_migrations WHERE finished_at IS NOT NULL`)).toEqual(
      shipped.map((name) => ({ migration_name: name, applied_steps_count: 1 })),
    );
  });

  it("applies each migration once when three processes start together", async () => {
    const { url, file } = fresh();
    // A slow migration (a couple of million generated rows) makes the processes overlap:
    // the later ones wait on BEGIN IMMEDIATE, then find it applied. Without that re-check
    // they would run it again and fail on "table Slow already exists".
    const m = scratchMigrations("sqlite", {
      "29990101000000_slow": `CREATE TABLE "Slow" AS WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 2000000) SELECT x FROM c;`,
    });
    cleanups.push(m.cleanup);
    const runs = await Promise.all([1, 2, 3].map(() => runChild(url, m.dir)));
    expect(runs.map((r) => r.status)).toEqual([0, 0, 0]);
    const reports = runs.map((r) => JSON.parse(r.stdout) as MigrationReport);
    expect(reports.flatMap((r) => r.applied).sort()).toEqual([...shipped, "29990101000000_slow"]);
    expect(rows(file, `SELECT count(*) AS n FROM _prisma_migrations`)).toEqual([{ n: shipped.length + 1 }]);
  }, 60_000);

  it("rolls back a failing migration entirely and records nothing", async () => {
    const { target, file } = fresh();
    const m = scratchMigrations("sqlite", {
      "29990101000000_broken": `CREATE TABLE "Half" ("id" TEXT);\nINSERT INTO "NoSuchTable" VALUES (1);`,
    });
    cleanups.push(m.cleanup);
    await expect(runMigrations(target, { migrationsDir: m.dir })).rejects.toMatchObject({
      name: "MigrationError",
      code: "migration_failed",
      migration: "29990101000000_broken",
    });
    expect(rows(file, `SELECT name FROM sqlite_master WHERE name = 'Half'`)).toEqual([]);
    expect(rows(file, `SELECT migration_name FROM _prisma_migrations`)).toEqual(shipped.map((n) => ({ migration_name: n })));
  });

  it("refuses to start when an applied migration was edited", async () => {
    const { target } = fresh();
    const m = scratchMigrations("sqlite");
    cleanups.push(m.cleanup);
    await runMigrations(target, { migrationsDir: m.dir });
    appendFileSync(path.join(m.dir, shipped[0]!, "migration.sql"), "\n-- edited\n");
    await expect(runMigrations(target, { migrationsDir: m.dir })).rejects.toMatchObject({
      code: "checksum_mismatch",
      migration: shipped[0],
      message: expect.stringContaining("was modified after it was applied"),
    });
  });

  it("keeps _prisma_migrations in Prisma's format: the Prisma CLI sees the database up to date", () => {
    // Prisma Migrate's own check, run through the offline CLI configuration.
    const { file, url } = fresh();
    return runMigrations(parseDatabaseUrl(url)).then(() => {
      const cli = spawnSync(
        process.execPath,
        ["node_modules/prisma/build/index.js", "migrate", "status", "--config", "prisma/sqlite/prisma.config.ts"],
        { encoding: "utf8", env: { ...process.env, DATABASE_URL: `file:${file}` } },
      );
      expect(cli.stdout).toContain("Database schema is up to date!");
      expect(cli.status).toBe(0);
    });
  }, 60_000);
});
