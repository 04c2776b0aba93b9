/**
 * The database lease (src/cluster/lease.ts) on SQLite and PostgreSQL, with short timings:
 * one holder at a time, handover on a clean stop, takeover after the holder stops renewing
 * (never two holders at once), and the leased adapter that follows it.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { Lease, type LeaseStore } from "../../../src/cluster/lease.js";
import { LeasedPlatform } from "../../../src/cluster/leased-platform.js";
import { DeliveryError } from "../../../src/core/outbound.js";
import { silentLogger } from "../../../src/core/logger.js";
import { message } from "../../../src/core/reply.js";
import { openDatabase, type Database } from "../../../src/data/database.js";
import { PrismaLeaseStore } from "../../../src/data/lease-store.js";
import type { ChatPlatform } from "../../../src/core/platform.js";
import { fakeAdapter } from "../../fakes/outbox/http-sender.js";
import { pgReachable, scratchPostgres } from "../data/support.js";

// Short, but not so short that a renewal delayed by a busy machine (2 cores shared with
// other suites) loses the lease: a renewal may come up to TTL - RENEW late.
const TTL = 5_000;
const RENEW = 1_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A store whose answers can be cut, as when a replica loses the database or dies. */
function cuttable(store: LeaseStore): LeaseStore & { cut: boolean } {
  const s = {
    cut: false,
    acquire: (...a: Parameters<LeaseStore["acquire"]>) => (s.cut ? Promise.reject(new Error("gone")) : store.acquire(...a)),
    release: (...a: Parameters<LeaseStore["release"]>) => store.release(...a),
    holder: (...a: Parameters<LeaseStore["holder"]>) => store.holder(...a),
  };
  return s;
}

function leaseSuite(open: () => Promise<{ db: Database; cleanup(): Promise<void> }>) {
  it("has one holder; a clean stop hands over at once; a dead holder is replaced after the TTL, never overlapping", { timeout: 60_000 }, async () => {
    const { db, cleanup } = await open();
    const store = new PrismaLeaseStore(db.prisma);
    const events: string[] = [];
    const aStore = cuttable(store);
    const a = new Lease(aStore, "leader", "a", { ttlMs: TTL, renewMs: RENEW, logger: silentLogger });
    const b = new Lease(store, "leader", "b", { ttlMs: TTL, renewMs: RENEW, logger: silentLogger });
    const c = new Lease(store, "leader", "c", { ttlMs: TTL, renewMs: RENEW, logger: silentLogger });
    for (const [name, l] of [["a", a], ["b", b], ["c", c]] as const) {
      l.on("acquired", () => void events.push(`${name}+@${Date.now()}`));
      l.on("lost", () => void events.push(`${name}-@${Date.now()}`));
    }
    try {
      await a.start();
      await until(() => a.held, "a holds", 10_000); // the first query may be slow (connection)
      expect(await b.start()).toBe(false);
      await sleep(3 * RENEW);
      expect([a.held, b.held]).toEqual([true, false]);
      expect(await store.holder("leader", new Date())).toBe("a");
      // a loses the database (or freezes): it steps down by itself, b takes over after the TTL.
      const cutAt = Date.now();
      aStore.cut = true;
      await until(() => b.held, "b takes over", 3 * TTL);
      const took = Date.now() - cutAt;
      expect(took).toBeLessThan(TTL + 2 * RENEW + 500);
      await a.settled();
      expect(a.held).toBe(false);
      const aLost = Number(events.find((e) => e.startsWith("a-"))!.split("@")[1]);
      const bGot = Number(events.find((e) => e.startsWith("b+"))!.split("@")[1]);
      expect(aLost).toBeLessThanOrEqual(bGot); // never two holders
      // A clean stop releases: the next standby takes it within one renewal period.
      expect(await c.start()).toBe(false);
      const stopAt = Date.now();
      await b.stop();
      await until(() => c.held, "c takes over", TTL);
      // Released, not expired: within a renewal period and a slow query, well before the TTL.
      expect(Date.now() - stopAt).toBeLessThan(RENEW + 2_000);
    } finally {
      await Promise.all([a.stop(), b.stop(), c.stop()]);
      await db.close();
      await cleanup();
    }
  });
}

async function until(check: () => boolean, label: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${label}`);
    await sleep(10);
  }
}

describe("lease on SQLite", () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
  leaseSuite(async () => {
    const dir = mkdtempSync(join(tmpdir(), "cdce-lease-"));
    dirs.push(dir);
    return { db: await openDatabase({ url: `file:${join(dir, "l.db")}` }), cleanup: async () => {} };
  });

  it("drives a leased adapter: connected while held, stopped when lost, its sender refusing meanwhile", { timeout: 60_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), "cdce-lease-"));
    dirs.push(dir);
    const db = await openDatabase({ url: `file:${join(dir, "l.db")}` });
    const store = cuttable(new PrismaLeaseStore(db.prisma));
    const lease = new Lease(store, "leader", "a", { ttlMs: TTL, renewMs: RENEW, logger: silentLogger });
    const log: string[] = [];
    let n = 0;
    const factory = (): ChatPlatform => {
      const id = ++n;
      let on = false;
      return fakeAdapter(
        { platform: "discord", send: async () => ({ externalId: `x${id}` }) },
        {
          start: async () => void ((on = true), log.push(`start ${id}`)),
          stop: async () => void ((on = false), log.push(`stop ${id}`)),
          isConnected: () => on,
        },
      );
    };
    const adapter = new LeasedPlatform("discord", "discord", factory, lease, silentLogger);
    const m = { idempotencyKey: "k", target: { platform: "discord" as const, workspaceId: "1", channelId: "2" }, reply: message("fr", "a") };
    try {
      await adapter.start();
      expect(adapter.isConnected()).toBe(true);
      expect(await adapter.send(m)).toEqual({ externalId: "x1" });
      store.cut = true;
      await until(() => !adapter.isConnected(), "adapter stopped", 3 * TTL);
      expect(adapter.standby()).toBe(true);
      await expect(adapter.send(m)).rejects.toBeInstanceOf(DeliveryError);
      store.cut = false;
      await until(() => adapter.isConnected(), "adapter restarted", 3 * TTL);
      expect(await adapter.send(m)).toEqual({ externalId: "x2" }); // a fresh adapter
      expect(log).toEqual(["start 1", "stop 1", "start 2"]);
    } finally {
      await adapter.stop();
      await lease.stop();
      await db.close();
    }
  });
});

const pgUp = await pgReachable("lease on PostgreSQL");
describe.skipIf(!pgUp)("lease on PostgreSQL", () => {
  leaseSuite(async () => {
    const scratch = scratchPostgres();
    return { db: await openDatabase({ url: scratch.url }), cleanup: scratch.cleanup };
  });
});
