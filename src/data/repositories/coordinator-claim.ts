/**
 * The first-coordinator claim (src/features/network/claim.ts) over Prisma: one row of
 * NetworkSetting, replaced by compare-and-set on its stored text, so that the check and the
 * write are one statement on SQLite and PostgreSQL alike (on PostgreSQL a concurrent writer
 * waits for the first to commit, then finds the text changed and updates nothing).
 */
import { z } from "zod";
import type { ClaimState, CoordinatorClaimStore, StoredClaim } from "../../features/network/index.js";
import type { Db } from "../client.js";
import { parseStored } from "../json.js";
import { activeAt } from "./memberships.js";

const KEY = "coordination.claim";

const stateSchema = z.object({
  codes: z.array(z.object({ hash: z.string(), expiresAt: z.string() })),
  failures: z.number().int().min(0),
  lockedUntil: z.string().nullable(),
});

export class PrismaCoordinatorClaimStore implements CoordinatorClaimStore {
  constructor(private readonly db: Db) {}

  async coordinatorExists(now: Date): Promise<boolean> {
    return (await this.db.membership.count({ where: { role: "coordination", ...activeAt(now) } })) > 0;
  }

  async read(): Promise<StoredClaim | null> {
    const row = await this.db.networkSetting.findUnique({ where: { key: KEY } });
    if (!row) return null;
    return { state: parseStored(stateSchema, row.value, { table: "NetworkSetting", column: "value", id: KEY }), version: row.value };
  }

  async replace(expected: string | null, next: ClaimState | null): Promise<boolean> {
    if (expected === null) {
      if (next === null) return true;
      // Insert only if absent, without an error that would abort a PostgreSQL transaction when
      // another replica inserted first (Prisma's create would raise a unique violation).
      const inserted = await this.db.$executeRaw`INSERT INTO "NetworkSetting" ("key", "value", "updatedAt") VALUES (${KEY}, ${JSON.stringify(next)}, ${new Date()}) ON CONFLICT ("key") DO NOTHING`;
      return inserted === 1;
    }
    if (next === null) return (await this.db.networkSetting.deleteMany({ where: { key: KEY, value: expected } })).count === 1;
    return (await this.db.networkSetting.updateMany({ where: { key: KEY, value: expected }, data: { value: JSON.stringify(next) } })).count === 1;
  }
}
