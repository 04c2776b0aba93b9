/**
 * `npm run import`: loads (or refreshes) the demo communes and the kit catalogue from the
 * versioned files into the configured database. Idempotent: run it as often as you like.
 */
import { databaseTimeouts, loadProcessConfig } from "../config.js";
import { createLogger } from "../logger.js";
import { openDatabase } from "./database.js";
import { seedDemoData } from "./seed/seed.js";

const config = loadProcessConfig();
const logger = createLogger({ level: config.LOG_LEVEL ?? "warn" });
const db = await openDatabase({ url: config.DATABASE_URL, logger, timeouts: databaseTimeouts(config) });
try {
  const kits = await seedDemoData(db.repos, new Date());
  const communes = (await db.repos.communes.list()).length;
  process.stdout.write(`communes: ${communes}; kits: ${kits.created} created, ${kits.updated} updated, ${kits.unchanged} unchanged\n`);
} finally {
  await db.close();
}
