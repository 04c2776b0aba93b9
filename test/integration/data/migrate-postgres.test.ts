/** The migration runner on PostgreSQL: advisory lock, rollback, checksum check. */
import { appendFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { readMigrations, runMigrations } from "../../../src/data/migrate.js";
import { parseDatabaseUrl } from "../../../src/data/url.js";
import { pgReachable, scratchMigrations, scratchPostgres, withPg } from "./support.js";

const pgUp = await pgReachable("migration runner on PostgreSQL");

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0)) await fn();
});

function fresh() {
  const db = scratchPostgres();
  cleanups.push(() => db.cleanup());
  return { ...db, target: parseDatabaseUrl(db.url) };
}

async function recorded(schema: string): Promise<string[]> {
  return withPg(async (c) => {
    const r = await c.query<{ migration_name: string }>(
      `SELECT migration_name FROM "${schema}"._prisma_migrations WHERE finished_at IS NOT NULL ORDER BY migration_name`,
    );
    return r.rows.map((row) => row.migration_name);
  });
}

describe.skipIf(!pgUp)("migration runner on PostgreSQL", () => {
  it("serialises replicas starting together: each migration applied once, all succeed", async () => {
    const { target, schema } = fresh();
    // A slow second migration makes the runs overlap for sure: without the advisory lock, a
    // second runner would try the same CREATE TABLE and fail (or both would record it).
    const m = scratchMigrations("postgresql", {
      "29990101000000_slow": `SELECT pg_sleep(0.4);\nCREATE TABLE "Slow" ("id" TEXT PRIMARY KEY);`,
    });
    cleanups.push(m.cleanup);
    const names = (await readMigrations(m.dir)).map((x) => x.name);

    const started = performance.now();
    const reports = await Promise.all([1, 2, 3].map(() => runMigrations(target, { migrationsDir: m.dir })));
    const elapsed = performance.now() - started;

    expect(reports.flatMap((r) => r.applied).sort()).toEqual(names);
    expect(reports.filter((r) => r.applied.length > 0)).toHaveLength(1); // the lock holder did it all
    expect(reports.filter((r) => r.alreadyApplied === names.length)).toHaveLength(2);
    expect(await recorded(schema)).toEqual(names);
    expect(elapsed).toBeGreaterThan(400);
  });

  it("rolls back a failing migration entirely and records nothing", async () => {
    const { target, schema } = fresh();
    const m = scratchMigrations("postgresql", {
      "29990101000000_broken": `CREATE TABLE "Half" ("id" TEXT);\nINSERT INTO "NoSuchTable" VALUES (1);`,
    });
    cleanups.push(m.cleanup);
    await expect(runMigrations(target, { migrationsDir: m.dir })).rejects.toMatchObject({
      code: "migration_failed",
      migration: "29990101000000_broken",
    });
    const half = await withPg((c) => c.query(`SELECT to_regclass('"${schema}"."Half"') AS t`));
    expect(half.rows[0].t).toBeNull();
    expect(await recorded(schema)).toEqual((await readMigrations(m.dir)).map((x) => x.name).filter((n) => !n.includes("broken")));
    // The lock was released: another run proceeds (and fails on the same migration, not on a wait).
    await expect(runMigrations(target, { migrationsDir: m.dir })).rejects.toMatchObject({ code: "migration_failed" });
  });

  it("refuses to start when an applied migration was edited", async () => {
    const { target } = fresh();
    const m = scratchMigrations("postgresql");
    cleanups.push(m.cleanup);
    const [first] = await readMigrations(m.dir);
    await runMigrations(target, { migrationsDir: m.dir });
    appendFileSync(path.join(m.dir, first!.name, "migration.sql"), "\n-- edited\n");
    await expect(runMigrations(target, { migrationsDir: m.dir })).rejects.toMatchObject({
      code: "checksum_mismatch",
      migration: first!.name,
    });
  });
});
