/**
 * Prisma implementation of {@link LeaseStore}: a named lease is one row, taken or renewed by
 * a conditional update (free, expired, or already ours), created on first use. Two replicas
 * racing for a free lease: one update or insert wins, the other sees 0 rows or a unique
 * violation and stays standby.
 */
import type { LeaseStore } from "../cluster/lease.js";
import type { Db } from "./client.js";
import { isUniqueViolation } from "./errors.js";

export class PrismaLeaseStore implements LeaseStore {
  constructor(private readonly db: Db) {}

  async acquire(name: string, holder: string, now: Date, until: Date): Promise<boolean> {
    const { count } = await this.db.lease.updateMany({
      where: { name, OR: [{ holder }, { expiresAt: { lt: now } }] },
      data: { holder, expiresAt: until },
    });
    if (count === 1) return true;
    try {
      await this.db.lease.create({ data: { name, holder, expiresAt: until } });
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  async release(name: string, holder: string): Promise<void> {
    // Expired at once rather than deleted: the row keeps who held it last, for diagnosis.
    await this.db.lease.updateMany({ where: { name, holder }, data: { expiresAt: new Date(0) } });
  }

  async holder(name: string, now: Date): Promise<string | null> {
    const row = await this.db.lease.findUnique({ where: { name } });
    return row && row.expiresAt > now ? row.holder : null;
  }
}
