/**
 * A burst of registrations on PostgreSQL through the dispatcher: 80 people click at once.
 * Every command is one transaction holding a pooled connection (pg: 10) until it commits;
 * unbounded, the burst waited on the pool and the commands that waited longer than the
 * connect timeout were told the database was unavailable (the timeout is short here, so
 * that the wait shows on any machine). Bounded (src/command-slots.ts), all are registered.
 * Skipped, with a notice, when PostgreSQL is unreachable.
 */
import { afterAll, describe, expect, it } from "vitest";
import { createApp, type App } from "../../../src/app.js";
import { silentLogger } from "../../../src/core/logger.js";
import { pgReachable, scratchPostgres } from "../data/support.js";
import { codeOf } from "../../helpers/events.js";
import { textOf } from "../../helpers/run.js";

const pgUp = await pgReachable("rsvp burst on PostgreSQL");
const PEOPLE = 80;
const CAPACITY = 10;

describe.skipIf(!pgUp)("a burst of registrations on PostgreSQL", () => {
  const scratch = scratchPostgres();
  let app: App | undefined;
  afterAll(async () => {
    await app?.close();
    await scratch.cleanup();
  });

  it(`registers all ${PEOPLE} people clicking at once, ${CAPACITY} seated, none told the database is unavailable`, { timeout: 120_000 }, async () => {
    app = await createApp({
      databaseUrl: scratch.url,
      logger: silentLogger,
      seed: false,
      coordinators: new Set(["slack:W1:coord"]),
      // Waiting for a pooled connection counts against the connect timeout in pg.
      databaseTimeouts: { connectTimeoutMs: 1_000 },
    });
    const as = (user: string, text: string) => app!.dispatcher.handle({ platform: "slack", workspaceId: "W1", userId: user, userName: user, text });
    const planned = await as("coord", `webinaire planifier titre:"Rafale" theme:partenariats debut:"15/12/2027 14h" capacite:${CAPACITY}`);
    const code = codeOf(textOf(planned));
    const replies = await Promise.all(Array.from({ length: PEOPLE }, (_, i) => as(`P${i}`, `webinaire rejoindre ${code}`)));
    const event = (await app.services.events.repo.byCode(code))!;
    const going = await app.services.events.repo.registrations(event.id, { statuses: ["going"] });
    const waiting = await app.services.events.repo.registrations(event.id, { statuses: ["waitlist"] });
    const refused = replies.map(textOf).filter((t) => !t.includes("Rafale"));
    expect(refused.slice(0, 1)).toEqual([]);
    expect(going).toHaveLength(CAPACITY);
    expect(event.goingCount).toBe(CAPACITY);
    expect(waiting).toHaveLength(PEOPLE - CAPACITY);
  });
});
