/**
 * Claiming due outbox rows, on SQLite and PostgreSQL: each row to one claim, oldest first, no
 * more than asked; and on PostgreSQL, two replicas claiming at the same instant (two apps,
 * two connection pools, one database) each get a full share, no row twice. They read the
 * same candidates; the claim skips what the other is locking and takes the next picks, so
 * neither comes back empty-handed (before, the slower one got nothing and waited for its
 * next sweep). PostgreSQL suites skip, with a notice, when it is unreachable.
 */
import { afterAll, describe, expect, it } from "vitest";
import { createApp, type App } from "../../../src/app.js";
import { silentLogger } from "../../../src/core/logger.js";
import { message } from "../../../src/core/reply.js";
import type { ClaimRequest } from "../../../src/delivery/outbox.js";
import { pgReachable, scratchPostgres, scratchSqlite, type Scratch } from "../data/support.js";
import { WS } from "./world.js";

const pgUp = await pgReachable("outbox claims on PostgreSQL");
const scratches: Scratch[] = [];
const apps: App[] = [];
afterAll(async () => {
  await Promise.all(apps.map((a) => a.close()));
  for (const s of scratches) await s.cleanup();
});

async function open(scratch: Scratch): Promise<App> {
  const app = await createApp({ databaseUrl: scratch.url, logger: silentLogger, seed: false });
  apps.push(app);
  return app;
}

/** `count` rows spread over `channels` channels, all due, the i-th one i ms after the first. */
async function backlog(app: App, prefix: string, count: number, channels: number): Promise<void> {
  const now = new Date();
  await app.delivery.store.enqueue(
    Array.from({ length: count }, (_, i) => ({
      key: `${prefix}:${i}`,
      target: { platform: "slack" as const, workspaceId: WS, channelId: `C${i % channels}` },
      reply: message("fr", `message ${i}`, "channel"),
      dueAt: new Date(now.getTime() - 10_000 + i),
    })),
    now,
  );
}

function request(token: string, limit: number): ClaimRequest {
  const at = new Date();
  return { now: at, token, until: new Date(at.getTime() + 60_000), limit, platforms: ["slack"], perChannel: 3, busy: () => 0 };
}

const databases: Array<[string, () => Scratch, boolean]> = [
  ["SQLite", () => scratchSqlite(), true],
  ["PostgreSQL", () => scratchPostgres(), pgUp],
];

describe.each(databases)("outbox claims (%s)", (_name, scratch, up) => {
  it.skipIf(!up)("claim the oldest due rows, no more than asked, each row once", async () => {
    const s = scratch();
    scratches.push(s);
    const app = await open(s);
    await backlog(app, "one", 6, 3);
    const first = await app.delivery.store.claimDue(request("r/1", 1));
    expect(first.map((r) => r.key)).toEqual(["one:0"]);
    const rest = await app.delivery.store.claimDue(request("r/2", 10));
    expect(rest.map((r) => r.key).sort()).toEqual(["one:1", "one:2", "one:3", "one:4", "one:5"]);
    expect(await app.delivery.store.claimDue(request("r/3", 10))).toEqual([]);
  });
});

describe.skipIf(!pgUp)("outbox claims by two replicas at once (PostgreSQL)", () => {
  it("give each replica its full share, every row to one of them", { timeout: 60_000 }, async () => {
    const s = scratchPostgres();
    scratches.push(s);
    const [a, b] = [await open(s), await open(s)];
    const CHANNELS = 200;
    await backlog(a, "race", CHANNELS * 5, CHANNELS);
    const LIMIT = 60;
    const claimed: Array<{ id: string; target: { channelId: string } }> = [];
    // Several rounds: the two claims start together each time, so they race for the same rows.
    for (let round = 0; round < 5; round++) {
      const [ra, rb] = await Promise.all([a.delivery.store.claimDue(request(`a/${round}`, LIMIT)), b.delivery.store.claimDue(request(`b/${round}`, LIMIT))]);
      expect([ra.length, rb.length]).toEqual([LIMIT, LIMIT]);
      claimed.push(...ra, ...rb);
    }
    expect(new Set(claimed.map((r) => r.id)).size).toBe(claimed.length);
    // Each channel's next message comes before any channel's one after: 600 rows over 200 channels.
    const perChannel = new Map<string, number>();
    for (const r of claimed) perChannel.set(r.target.channelId, (perChannel.get(r.target.channelId) ?? 0) + 1);
    expect(perChannel.size).toBe(CHANNELS);
    expect(Math.max(...perChannel.values())).toBeLessThanOrEqual(3);
  });
});
