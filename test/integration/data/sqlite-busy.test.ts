/**
 * Another process holding SQLite's write lock longer than the busy timeout: writes and
 * transactions of the bot wait their turn (tried again, with pauses) instead of failing with
 * "database is locked". The other process is a second connection on the same file.
 */
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase, type Database as CdceDatabase } from "../../../src/data/database.js";
import { scratchSqlite, type Scratch } from "./support.js";

let scratch: Scratch & { file: string };
let db: CdceDatabase | undefined;
afterEach(async () => {
  await db?.close();
  db = undefined;
  await scratch?.cleanup();
});

/**
 * Another connection writes a row now and commits it after `ms`: meanwhile it holds the
 * write lock, and whoever read before its commit holds a stale snapshot.
 */
function holdWriteLock(file: string, ms: number): Promise<void> {
  const other = new Database(file);
  other.exec("BEGIN IMMEDIATE");
  other.prepare(`INSERT INTO "Person" ("id", "name", "locale", "updatedAt") VALUES (?, 'Other process', 'fr', CURRENT_TIMESTAMP)`).run(`other-${ms}`);
  return new Promise((resolve) =>
    setTimeout(() => {
      other.exec("COMMIT");
      other.close();
      resolve();
    }, ms),
  );
}

const person = (name: string) => ({ data: { name, locale: "fr" } });

describe("SQLite busy: another process holds the write lock", { timeout: 60_000 }, () => {
  it("a write outside a transaction waits past the busy timeout, then succeeds", async () => {
    scratch = scratchSqlite();
    db = await openDatabase({ url: scratch.url, timeouts: { sqliteBusyTimeoutMs: 20 } });
    const released = holdWriteLock(scratch.file, 800);
    const created = await db.prisma.person.create(person("Ada"));
    await released;
    expect(await db.prisma.person.findUnique({ where: { id: created.id } })).not.toBeNull();
  });

  it("a transaction that reads then writes waits its turn, then commits", async () => {
    scratch = scratchSqlite();
    db = await openDatabase({ url: scratch.url, timeouts: { sqliteBusyTimeoutMs: 20 } });
    const released = holdWriteLock(scratch.file, 800);
    // A plain BEGIN read before the other commit, then could not write: SQLITE_BUSY at once.
    const { id, seen } = await db.prisma.$transaction(async (tx) => {
      const seen = await tx.person.count();
      const p = await tx.person.create(person(`Grace ${seen}`));
      return { id: p.id, seen };
    });
    await released;
    expect(await db.prisma.person.findUnique({ where: { id } })).not.toBeNull();
    expect(seen).toBe(1); // it ran after the other process's commit, on a fresh snapshot
  });
});
