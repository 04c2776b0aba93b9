/**
 * Two replicas sharing their commands (SHARE_COMMANDS, src/cluster/shared-work.ts) on one
 * PostgreSQL schema and a real Redis: 60 people click "register" on replica A only (as every
 * Discord click reaches the gateway's holder). A's slots fill up, B takes some of the clicks,
 * and every person gets their own answer, registered once: seats = capacity, the rest waiting.
 * Skipped, with a notice, when PostgreSQL or Redis is unreachable.
 */
import { afterAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { createApp, type App } from "../../../src/app.js";
import { createRedisWorkQueue } from "../../../src/delivery/redis-work-queue.js";
import { silentLogger } from "../../../src/core/logger.js";
import { pgReachable, scratchPostgres } from "../data/support.js";
import { REDIS_TEST_URL, redisReachable } from "../../helpers/local-services.js";
import { codeOf } from "../../helpers/events.js";
import { textOf } from "../../helpers/run.js";

const pgUp = await pgReachable("shared burst on PostgreSQL");
const redisUp = await redisReachable("shared burst on PostgreSQL");
const PEOPLE = 60;
const CAPACITY = 10;

describe.skipIf(!(pgUp && redisUp))("clicks shared between two replicas", () => {
  const scratch = scratchPostgres();
  const apps: App[] = [];
  afterAll(async () => {
    for (const app of apps) await app.close();
    await scratch.cleanup();
  });

  it(`answers all ${PEOPLE} people clicking on one replica, part of them run by the other, each registered once`, { timeout: 120_000 }, async () => {
    const namespace = `test-${randomUUID()}`;
    const open = async (replica: string) => {
      const queue = await createRedisWorkQueue(REDIS_TEST_URL, namespace, silentLogger);
      const app = await createApp({ databaseUrl: scratch.url, logger: silentLogger, seed: false, coordinators: new Set(["slack:W1:coord"]), shareWork: { queue, replica } });
      apps.push(app);
      await app.shared!.start();
      return app;
    };
    const a = await open("A");
    const b = await open("B");
    const as = (user: string, text: string) => a.dispatcher.handle({ platform: "discord", workspaceId: "G1", userId: user, userName: user, platformLocale: "nl", text, actedAt: new Date() });
    const planned = await a.dispatcher.handle({ platform: "slack", workspaceId: "W1", userId: "coord", userName: "coord", text: `webinaire planifier titre:"Rafale" theme:partenariats debut:"15/12/2027 14h" capacite:${CAPACITY}` });
    const code = codeOf(textOf(planned));
    const replies = await Promise.all(Array.from({ length: PEOPLE }, (_, i) => as(`60000000000000${String(i).padStart(4, "0")}`, `webinaire rejoindre ${code}`)));

    expect(b.shared!.counts.taken).toBeGreaterThan(0);
    expect(a.shared!.counts.shared).toBeGreaterThanOrEqual(b.shared!.counts.taken);
    // Each answer is its person's, in their language (Dutch), whichever replica ran it.
    const texts = replies.map(textOf);
    expect(texts.filter((t) => !t.includes("Rafale"))).toEqual([]);
    expect(replies.every((r) => r.locale === "nl")).toBe(true);
    const event = (await a.services.events.repo.byCode(code))!;
    const going = await a.services.events.repo.registrations(event.id, { statuses: ["going"] });
    const waiting = await a.services.events.repo.registrations(event.id, { statuses: ["waitlist"] });
    expect(going).toHaveLength(CAPACITY);
    expect(event.goingCount).toBe(CAPACITY);
    expect(waiting).toHaveLength(PEOPLE - CAPACITY);
    expect(new Set([...going, ...waiting].map((r) => r.personId)).size).toBe(PEOPLE);
  });
});
