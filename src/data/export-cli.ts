/**
 * `npm run export -- kits FILE` and `npm run export -- communes FILE`: the current data as a
 * CSV or XLSX file (by its extension), one column per field and per language; the columns
 * are listed in the README. What it writes, `npm run import` reads back with no change.
 */
import { databaseTimeouts, loadProcessConfig } from "../config.js";
import { createLogger } from "../logger.js";
import { openDatabase } from "./database.js";
import { exportCli } from "./sheets-cli.js";

const config = loadProcessConfig();
const logger = createLogger({ level: config.LOG_LEVEL ?? "warn" });
const db = await openDatabase({ url: config.DATABASE_URL, logger, timeouts: databaseTimeouts(config) });
let code = 0;
try {
  code = await exportCli(process.argv.slice(2), db.repos, { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) });
} finally {
  await db.close();
}
process.exitCode = code;
