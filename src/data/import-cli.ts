/**
 * `npm run import`: without a file, loads (or refreshes) the demo communes and the kit
 * catalogue from the versioned files into the configured database (idempotent).
 * `npm run import -- FILE [--apply] [--table kits|communes] [--lang fr]`: reads a CSV, XLSX
 * or JSON file of kits or communes and prints what it would change (see src/data/sheets-cli.ts);
 * writes only with --apply and no line in error (exit code 1 then).
 */
import { databaseTimeouts, loadProcessConfig } from "../config.js";
import { createLogger } from "../logger.js";
import { openDatabase } from "./database.js";
import { seedDemoData } from "./seed/seed.js";
import { importCli } from "./sheets-cli.js";

const args = process.argv.slice(2);
const config = loadProcessConfig();
const logger = createLogger({ level: config.LOG_LEVEL ?? "warn" });
const db = await openDatabase({ url: config.DATABASE_URL, logger, timeouts: databaseTimeouts(config) });
let code = 0;
try {
  if (args.length === 0) {
    const kits = await seedDemoData(db.repos, new Date());
    const communes = (await db.repos.communes.list()).length;
    process.stdout.write(`communes: ${communes}; kits: ${kits.created} created, ${kits.updated} updated, ${kits.unchanged} unchanged\n`);
  } else {
    code = await importCli(args, db.repos, { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) }, new Date());
  }
} finally {
  await db.close();
}
process.exitCode = code;
