/**
 * A popular webinar on PostgreSQL: every click that can still get a seat waits for the event's
 * row until the click before it commits. Under load that wait can outlast the statement
 * timeout (the server then cancels the waiting statement, 57014), which is not the database
 * being away: the registration, rolled back whole, is tried again, and the person is
 * registered instead of being told that the database is unavailable.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp, type App } from "../../../src/app.js";
import { silentLogger } from "../../../src/core/logger.js";
import { translator } from "../../../src/core/i18n/catalogue.js";
import { pgReachable, scratchPostgres } from "../data/support.js";
import { planWebinar } from "../../helpers/events.js";
import { run, textOf } from "../../helpers/run.js";
import pg from "pg";

const reachable = await pgReachable("seat-queue-postgres");
const NOW = new Date("2027-03-01T09:00:00Z");
// A statement timeout far shorter than the lock is held below; the client waits longer.
const TIMEOUTS = { statementTimeoutMs: 300, queryTimeoutMs: 10_000 };
const HELD_MS = 1_200;

describe.skipIf(!reachable)("a seat queue longer than the statement timeout (PostgreSQL)", { timeout: 120_000 }, () => {
  const scratch = scratchPostgres();
  let app: App;
  let code: string;

  beforeAll(async () => {
    app = await createApp({ databaseUrl: scratch.url, logger: silentLogger, clock: () => NOW, seed: false, databaseTimeouts: TIMEOUTS });
    code = await planWebinar(app, 'titre:"File" theme:communication debut:"20/03 10h" capacite:5');
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await scratch.cleanup();
  });

  it("registers the person once the row is free, instead of answering that the database is unavailable", async () => {
    const event = await app.services.events.repo.byCode(code);
    // Another click's transaction holds the event's row (as a seat claim does until its commit).
    const holder = new pg.Client({ connectionString: scratch.url.replace(/\?.*$/, ""), options: `-c search_path="${scratch.schema}"` });
    await holder.connect();
    try {
      await holder.query("BEGIN");
      await holder.query(`SELECT 1 FROM "Event" WHERE "id" = $1 FOR UPDATE`, [event!.id]);
      const reply = run(app, `webinaire rejoindre ${code}`, { user: "queued", platform: "slack" });
      await new Promise((r) => setTimeout(r, HELD_MS));
      await holder.query("COMMIT");
      const text = textOf(await reply);
      expect(text).not.toBe(translator("fr")("error.databaseUnavailable"));
      expect(text).toContain("inscrit");
      const going = await app.services.events.repo.registrations(event!.id, { statuses: ["going"] });
      expect(going).toHaveLength(1);
    } finally {
      await holder.end();
    }
  });
});
