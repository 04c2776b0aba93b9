/**
 * Units of work on the real databases (src/data/transaction.ts, sqlite-serial.ts):
 * - SQLite: a write made outside a transaction while one is open (the outbox worker's claim
 *   during a command) is its own: kept when the open transaction rolls back;
 * - both: a repository's own small transaction inside a unit is a savepoint (rolled back
 *   alone), and a write that breaks a unique key inside a unit leaves the unit usable.
 */
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "../../../src/data/database.js";
import { runTransaction, withSavepoint } from "../../../src/data/transaction.js";
import { isUniqueViolation } from "../../../src/data/errors.js";
import { pgReachable, scratchPostgres, scratchSqlite, type Scratch } from "./support.js";

const providers: Array<[string, () => Scratch]> = [["SQLite", scratchSqlite]];
if (await pgReachable("transactions")) providers.push(["PostgreSQL", scratchPostgres]);

const opened: Array<{ db: Database; scratch: Scratch }> = [];
afterAll(async () => {
  for (const { db, scratch } of opened) {
    await db.close();
    await scratch.cleanup();
  }
});

async function open(make: () => Scratch): Promise<Database> {
  const scratch = make();
  const db = await openDatabase({ url: scratch.url });
  opened.push({ db, scratch });
  return db;
}

const link = (channelId: string) => ({ platform: "slack" as const, workspaceId: "W1", channelId, purpose: "network" as const, communeId: null });

describe("SQLite: one connection, one transaction at a time", () => {
  it("a write made outside an open transaction is not rolled back with it", async () => {
    const db = await open(scratchSqlite);
    let reached!: () => void;
    const inside = new Promise<void>((resolve) => (reached = resolve));
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const unit = db.prisma.$transaction(async (tx) => {
      await tx.channelLink.create({ data: link("C_INSIDE") });
      reached();
      await held;
      throw new Error("the unit fails");
    });
    await inside;
    // While the unit is open, someone else writes (as the outbox worker would). The unit
    // stays open until that write is done, or for 2 s if it waits for the unit to end.
    const outside = db.repos.channels.link(link("C_OUTSIDE"));
    await Promise.race([outside, new Promise((r) => setTimeout(r, 2_000))]);
    release();
    await expect(unit).rejects.toThrow("the unit fails");
    await outside;
    expect(await db.repos.channels.find("slack", "W1", "C_OUTSIDE")).not.toBeNull();
    expect(await db.repos.channels.find("slack", "W1", "C_INSIDE")).toBeNull();
  });
});

describe.each(providers)("units of work on %s", (_name, make) => {
  it("a repository's own transaction inside a unit is a savepoint: its failure is undone alone, the unit goes on", async () => {
    const db = await open(make);
    await runTransaction(db.prisma, async (tx) => {
      await tx.channelLink.create({ data: link("C_KEPT") });
      await expect(
        tx.$transaction(async (inner) => {
          await inner.channelLink.create({ data: link("C_UNDONE") });
          throw new Error("inner fails");
        }),
      ).rejects.toThrow("inner fails");
      await tx.channelLink.create({ data: link("C_AFTER") });
    });
    const ids = (await db.prisma.channelLink.findMany({ select: { channelId: true } })).map((r) => r.channelId).sort();
    expect(ids).toEqual(["C_AFTER", "C_KEPT"]);
  });

  it("a unique key broken inside a unit (in a savepoint) leaves the unit usable and committed", async () => {
    const db = await open(make);
    await db.prisma.channelLink.create({ data: link("C_TAKEN") });
    await runTransaction(db.prisma, async (tx) => {
      const error = await withSavepoint(tx, () => tx.channelLink.create({ data: link("C_TAKEN") })).catch((e: unknown) => e);
      expect(isUniqueViolation(error)).toBe(true);
      await tx.channelLink.create({ data: link("C_NEXT") });
    });
    expect(await db.prisma.channelLink.count()).toBe(2);
  });

  it("a unit that throws keeps nothing of what it wrote", async () => {
    const db = await open(make);
    await expect(
      runTransaction(db.prisma, async (tx) => {
        await tx.channelLink.create({ data: link("C_GONE") });
        throw new Error("unit fails");
      }),
    ).rejects.toThrow("unit fails");
    expect(await db.prisma.channelLink.count()).toBe(0);
  });
});
