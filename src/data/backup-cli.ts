/**
 * `npm run backup -- FILE`: a consistent backup of DATABASE_URL's database, taken while the
 * bot runs (SQLite: online backup API; PostgreSQL: pg_dump of the bot's schema).
 * `npm run restore -- FILE`: puts a backup back (stop every instance of the bot first).
 * See docs/upgrade.md. Prints one line; exits 1 with the reason on failure.
 */
import { loadConfig } from "../config.js";
import { backupDatabase, restoreDatabase } from "./backup.js";

async function main(): Promise<number> {
  const restore = process.argv.includes("--restore");
  const file = process.argv.slice(2).find((a) => !a.startsWith("--"));
  if (!file) {
    process.stderr.write(restore ? "usage: npm run restore -- FILE\n" : "usage: npm run backup -- FILE   (e.g. backups/cdce-2026-12-06.db)\n");
    return 2;
  }
  const config = loadConfig(process.env);
  if (restore) {
    const r = await restoreDatabase(config.DATABASE_URL, file);
    process.stdout.write(`restored ${file} into the ${r.provider === "sqlite" ? "SQLite" : "PostgreSQL"} database; start the bot again\n`);
  } else {
    const r = await backupDatabase(config.DATABASE_URL, file);
    process.stdout.write(`backup of the ${r.provider === "sqlite" ? "SQLite" : "PostgreSQL"} database written to ${r.file} (${r.bytes} bytes)\n`);
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`${process.argv.includes("--restore") ? "restore" : "backup"} failed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
