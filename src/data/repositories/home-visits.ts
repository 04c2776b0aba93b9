/**
 * Prisma implementation of the home feature's {@link HomeVisitRepository}: one NetworkSetting
 * row per person who has opened their home, keyed `home-opened:<personId>`, written once.
 */
import type { HomeVisitRepository } from "../../features/home/index.js";
import { join } from "@prisma/client/runtime/client";
import type { Db } from "../client.js";
import { shortMemoryOf, type ShortMemory } from "./short-memory.js";
import { identityCacheOf } from "./identity-cache.js";

const PREFIX = "home-opened:";

export class PrismaHomeVisitRepository implements HomeVisitRepository {
  /** Whether each person has opened their home, as last read: asked for the actor of every change. */
  private readonly opened: ShortMemory<boolean>;

  constructor(private readonly db: Db) {
    this.opened = shortMemoryOf<boolean>(db, "home-opened");
  }

  async markOpened(personId: string, at: Date): Promise<void> {
    const key = `${PREFIX}${personId}`;
    // Forgotten first: should the write below fail, the next question reads the table again.
    this.opened.forget(personId);
    // Read first: opening the home is frequent, the row is written once.
    if (!(await this.db.networkSetting.findUnique({ where: { key } }))) {
      const value = JSON.stringify({ since: at.toISOString() });
      await this.db.networkSetting.upsert({ where: { key }, create: { key, value }, update: {} });
    }
    this.opened.set(personId, true);
  }

  async openedAmong(personIds: readonly string[]): Promise<Set<string>> {
    // A person created here a moment ago has opened nothing yet (the first click of everyone in a burst).
    const people = identityCacheOf(this.db);
    const known = (id: string) => this.opened.get(id) ?? (people.createdHere(id) ? false : undefined);
    const opened = new Set(personIds.filter((id) => known(id) === true));
    const unknown = personIds.filter((id) => known(id) === undefined);
    if (unknown.length === 0) return opened;
    // Plain SQL: asked after every change (an ORM query costs several times its CPU).
    const keys = unknown.map((id) => `${PREFIX}${id}`);
    const rows = await this.db.$queryRaw<Array<{ key: string }>>`SELECT "key" FROM "NetworkSetting" WHERE "key" IN (${join(keys)})`;
    const found = new Set(rows.map((r) => r.key.slice(PREFIX.length)));
    // A home opened on another replica meanwhile is refreshed after changes once this expires;
    // until then it is current on its next visit anyway (opening it renders it).
    for (const id of unknown) {
      this.opened.set(id, found.has(id));
      if (found.has(id)) opened.add(id);
    }
    return opened;
  }
}
