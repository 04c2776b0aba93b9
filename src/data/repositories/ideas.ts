/** Prisma implementation of {@link IdeaRepository}. */
import { z } from "zod";
import { IDEA_STATUSES, type Idea, type IdeaRepository, type IdeaStatus } from "../../features/ideas/index.js";
import type { Db } from "../client.js";
import type { Idea as Row } from "../../generated/sqlite/client.js";
import { checkStored } from "../json.js";

const statusSchema = z.enum(IDEA_STATUSES);

function toIdea(row: Row): Idea {
  return { ...row, status: checkStored(statusSchema, row.status, { table: "Idea", column: "status", id: row.id }) };
}

export class PrismaIdeaRepository implements IdeaRepository {
  constructor(private readonly db: Db) {}

  async create(idea: Pick<Idea, "communeId" | "authorId" | "anonymous" | "text">): Promise<Idea> {
    return toIdea(await this.db.idea.create({ data: { ...idea, status: "new" } }));
  }

  async get(id: string): Promise<Idea | null> {
    const row = await this.db.idea.findUnique({ where: { id } });
    return row ? toIdea(row) : null;
  }

  async findByPrefix(prefix: string): Promise<Idea[]> {
    const p = prefix.toLowerCase();
    if (!/^[0-9a-f-]{4,36}$/.test(p)) return [];
    return (await this.db.idea.findMany({ where: { id: { startsWith: p } }, take: 3 })).map(toIdea);
  }

  async list(communeId: string, statuses: readonly IdeaStatus[], limit: number): Promise<Idea[]> {
    const rows = await this.db.idea.findMany({
      where: { communeId, ...(statuses.length ? { status: { in: [...statuses] } } : {}) },
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      take: limit,
    });
    return rows.map(toIdea);
  }

  /** Conditional update (status differs), so two CoPil members clicking together notify once. */
  async setStatus(id: string, status: IdeaStatus, note: string | null): Promise<Idea | null> {
    const { count } = await this.db.idea.updateMany({ where: { id, status: { not: status } }, data: { status, note } });
    return count === 1 ? this.get(id) : null;
  }
}
