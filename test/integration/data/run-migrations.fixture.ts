/**
 * Child process for the multi-process runner tests: runs the migrations of `argv[2]` (a
 * database URL) from folder `argv[3]`, prints the report as JSON (or the error code).
 */
import { runMigrations } from "../../../src/data/migrate.js";
import { parseDatabaseUrl } from "../../../src/data/url.js";

const [url, dir] = process.argv.slice(2);
try {
  const report = await runMigrations(parseDatabaseUrl(url!), { migrationsDir: dir });
  process.stdout.write(JSON.stringify(report));
} catch (error) {
  process.stdout.write(JSON.stringify({ error: (error as { code?: string }).code ?? String(error) }));
  process.exitCode = 1;
}
