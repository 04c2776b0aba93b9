/**
 * `npm run check-links`: checks every link of the kit catalogue (redirects followed, a
 * timeout per link, a few at a time, a User-Agent naming the bot) and records each link's
 * status, which the kit replies then show. Exit code 0 even when links are broken: a broken
 * link is a finding, not a failure of the check; 2 when the database cannot be opened.
 *
 * `--timeout-ms N` and `--concurrency N` tune it (defaults 10000 and 4).
 */
import { databaseTimeouts, loadProcessConfig } from "../config.js";
import { createLogger } from "../logger.js";
import { openDatabase } from "./database.js";
import { checkCatalogueLinks, type Fetch } from "../features/kits/index.js";

/** The positive whole number after `--name` on the command line, else `fallback`. */
function flag(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const n = at >= 0 ? Number(process.argv[at + 1]) : NaN;
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

const config = loadProcessConfig();
const logger = createLogger({ level: config.LOG_LEVEL ?? "warn" });
const db = await openDatabase({ url: config.DATABASE_URL, logger, timeouts: databaseTimeouts(config) });
try {
  const summary = await checkCatalogueLinks(db.repos.kits, {
    fetch: fetch as unknown as Fetch,
    now: new Date(),
    timeoutMs: flag("timeout-ms", 10_000),
    concurrency: flag("concurrency", 4),
  });
  process.stdout.write(`links: ${summary.working} working, ${summary.broken.length} broken\n`);
  for (const b of summary.broken) process.stdout.write(`  broken (${b.reason ?? "?"}): ${b.kitId} ${b.url}\n`);
} finally {
  await db.close();
}
