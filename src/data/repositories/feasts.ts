/** Prisma implementation of {@link FeastRepository}. */
import type { Db } from "../client.js";
import type { FeastRepository, LocalFeast } from "../../features/feasts/index.js";

const byMonthDay = (a: LocalFeast, b: LocalFeast) => a.day.slice(5).localeCompare(b.day.slice(5)) || a.name.localeCompare(b.name, "fr");

export class PrismaFeastRepository implements FeastRepository {
  constructor(private readonly db: Db) {}

  async add(feast: Omit<LocalFeast, "id">): Promise<LocalFeast> {
    return this.db.localFeast.create({ data: feast });
  }

  async ofCommune(communeId: string): Promise<LocalFeast[]> {
    return (await this.db.localFeast.findMany({ where: { communeId } })).sort(byMonthDay);
  }

  async all(): Promise<LocalFeast[]> {
    return this.db.localFeast.findMany({ orderBy: [{ communeId: "asc" }, { id: "asc" }] });
  }

  async findByPrefix(prefix: string): Promise<LocalFeast[]> {
    const p = prefix.toLowerCase();
    if (!/^[0-9a-f-]{4,36}$/.test(p)) return [];
    return this.db.localFeast.findMany({ where: { id: { startsWith: p } }, take: 3 });
  }

  async remove(id: string): Promise<void> {
    await this.db.localFeast.deleteMany({ where: { id } });
  }
}
