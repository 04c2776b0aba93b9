/**
 * Prisma implementation of the home feature's {@link HomeVisitRepository}: one NetworkSetting
 * row per person who has opened their home, keyed `home-opened:<personId>`, written once.
 */
import type { HomeVisitRepository } from "../../features/home/index.js";
import { join } from "@prisma/client/runtime/client";
import type { Db } from "../client.js";

const PREFIX = "home-opened:";

export class PrismaHomeVisitRepository implements HomeVisitRepository {
  constructor(private readonly db: Db) {}

  async markOpened(personId: string, at: Date): Promise<void> {
    const key = `${PREFIX}${personId}`;
    // Read first: opening the home is frequent, the row is written once.
    if (await this.db.networkSetting.findUnique({ where: { key } })) return;
    const value = JSON.stringify({ since: at.toISOString() });
    await this.db.networkSetting.upsert({ where: { key }, create: { key, value }, update: {} });
  }

  async openedAmong(personIds: readonly string[]): Promise<Set<string>> {
    if (personIds.length === 0) return new Set();
    // Plain SQL: asked after every change (an ORM query costs several times its CPU).
    const keys = personIds.map((id) => `${PREFIX}${id}`);
    const rows = await this.db.$queryRaw<Array<{ key: string }>>`SELECT "key" FROM "NetworkSetting" WHERE "key" IN (${join(keys)})`;
    return new Set(rows.map((r) => r.key.slice(PREFIX.length)));
  }
}
