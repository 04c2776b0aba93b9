/**
 * The identity cache (src/data/repositories/identity-cache.ts) under the real repositories:
 * changes made through this process's repositories are seen at once; a change made by
 * another process (a second replica, here a second client on the same SQLite file) is seen
 * once the entry expires. The last case also proves the reads are served from memory.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { openDatabase, type Database } from "../../../src/data/database.js";
import { createCommunity } from "../../../src/data/repositories/community.js";
import { IDENTITY_CACHE_TTL_MS } from "../../../src/data/repositories/identity-cache.js";
import { scratchSqlite } from "./support.js";

const NOW = new Date("2026-11-29T10:00:00Z");
const ACCOUNT = { platform: "slack" as const, workspaceId: "T1", userId: "U1" };

describe("identity cache", () => {
  let scratch: ReturnType<typeof scratchSqlite>;
  let a: Database;
  let b: Database;

  beforeEach(async () => {
    scratch = scratchSqlite();
    a = await openDatabase({ url: scratch.url });
    b = await openDatabase({ url: scratch.url });
  });

  afterEach(async () => {
    vi.useRealTimers();
    await a.close();
    await b.close();
    await scratch.cleanup();
  });

  async function person() {
    return a.repos.identity.createWithAccount(ACCOUNT, { name: "Ana", locale: "fr", localeChosen: false, timeZone: "Europe/Brussels" });
  }

  it("sees a language change and a role given or ended here at once", async () => {
    const p = await person();
    expect((await a.repos.identity.findByAccount("slack", "T1", "U1"))?.locale).toBe("fr");
    expect(await a.repos.memberships.activeFor(p.id, NOW)).toEqual([]);

    await a.repos.identity.updatePerson(p.id, { locale: "nl", localeChosen: true });
    expect((await a.repos.identity.findByAccount("slack", "T1", "U1"))?.locale).toBe("nl");

    const m = await a.repos.memberships.add({ personId: p.id, communeId: null, role: "coordination", since: NOW, until: null });
    expect((await a.repos.memberships.activeFor(p.id, NOW)).map((x) => x.role)).toEqual(["coordination"]);

    await a.repos.memberships.end(m.id, NOW);
    expect(await a.repos.memberships.activeFor(p.id, NOW)).toEqual([]);
  });

  it("drops a cached membership the moment it ends", async () => {
    const p = await person();
    await a.repos.memberships.add({ personId: p.id, communeId: null, role: "copil", since: NOW, until: new Date(NOW.getTime() + 1000) });
    expect(await a.repos.memberships.activeFor(p.id, NOW)).toHaveLength(1);
    expect(await a.repos.memberships.activeFor(p.id, new Date(NOW.getTime() + 1000))).toEqual([]);
  });

  it("answers who to write to from memory for a person created here, and sees their language change at once", async () => {
    const p = await person();
    // From memory: the other client removes the account, this one still answers without reading.
    await b.prisma.platformAccount.deleteMany({ where: { personId: p.id } });
    expect(await a.repos.identity.recipient(p.id)).toEqual({ locale: "fr", accounts: [ACCOUNT] });
    await a.repos.identity.updatePerson(p.id, { locale: "en", localeChosen: true });
    // Forgotten by the write: read again, with the other client's change.
    expect(await a.repos.identity.recipient(p.id)).toEqual({ locale: "en", accounts: [] });
  });

  it("forgets an erased person", async () => {
    const p = await person();
    expect(await a.repos.identity.findByAccount("slack", "T1", "U1")).not.toBeNull();
    await createCommunity(a.prisma).privacy.erase(p.id, NOW);
    expect(await a.repos.identity.findByAccount("slack", "T1", "U1")).toBeNull();
  });

  it("sees another replica's change once the entry expires, not before", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const p = await person();
    expect((await a.repos.identity.findByAccount("slack", "T1", "U1"))?.locale).toBe("fr");
    expect(await a.repos.memberships.activeFor(p.id, NOW)).toEqual([]);

    await b.repos.identity.updatePerson(p.id, { locale: "de" });
    await b.repos.memberships.add({ personId: p.id, communeId: null, role: "coordination", since: NOW, until: null });
    // Served from memory: the other client's writes are not read yet.
    expect((await a.repos.identity.findByAccount("slack", "T1", "U1"))?.locale).toBe("fr");
    expect(await a.repos.memberships.activeFor(p.id, NOW)).toEqual([]);

    expect((await a.repos.identity.recipient(p.id))?.locale).toBe("fr");

    vi.setSystemTime(Date.now() + IDENTITY_CACHE_TTL_MS + 1);
    expect((await a.repos.identity.findByAccount("slack", "T1", "U1"))?.locale).toBe("de");
    expect((await a.repos.identity.recipient(p.id))?.locale).toBe("de");
    expect((await a.repos.memberships.activeFor(p.id, NOW)).map((x) => x.role)).toEqual(["coordination"]);
  });
});
