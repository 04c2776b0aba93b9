/** Prisma implementation of {@link MonthlyUpdateRepository}: a row per commune that switched it on. */
import type { MonthlyUpdateRepository } from "../../features/monthly/index.js";
import type { Db } from "../client.js";

export class PrismaMonthlyUpdateRepository implements MonthlyUpdateRepository {
  constructor(private readonly db: Db) {}

  async set(communeId: string, on: boolean, now: Date): Promise<boolean> {
    if (!on) return (await this.db.monthlyUpdate.deleteMany({ where: { communeId } })).count > 0;
    if (await this.db.monthlyUpdate.findUnique({ where: { communeId } })) return false;
    await this.db.monthlyUpdate.create({ data: { communeId, since: now } });
    return true;
  }

  async isOn(communeId: string): Promise<boolean> {
    return (await this.db.monthlyUpdate.findUnique({ where: { communeId } })) !== null;
  }

  async communeIds(): Promise<string[]> {
    return (await this.db.monthlyUpdate.findMany({ select: { communeId: true }, orderBy: { communeId: "asc" } })).map((r) => r.communeId);
  }
}
