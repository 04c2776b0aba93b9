/** Prisma implementation of {@link IdeaRepository}. */
import { z } from "zod";
import { IDEA_STATUSES, type Idea, type IdeaRepository, type IdeaStatus } from "../../features/ideas/index.js";
import type { Db } from "../client.js";
import type { Idea as Row } from "../../generated/sqlite/client.js";
import { checkStored } from "../json.js";

const statusSchema = z.enum(IDEA_STATUSES);

const originSchema = z.enum(["chat", "web"]);

function toIdea(row: Row): Idea {
  const origin = (column: string) => ({ table: "Idea", column, id: row.id });
  return { ...row, status: checkStored(statusSchema, row.status, origin("status")), origin: checkStored(originSchema, row.origin, origin("origin")) };
}

export class PrismaIdeaRepository implements IdeaRepository {
  constructor(private readonly db: Db) {}

  async create(idea: Pick<Idea, "communeId" | "authorId" | "anonymous" | "text"> & Partial<Pick<Idea, "status" | "origin" | "contactEmail" | "eraseToken">>): Promise<Idea> {
    return toIdea(await this.db.idea.create({ data: { ...idea, status: idea.status ?? "new" } }));
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

  async eraseContact(token: string): Promise<boolean> {
    if (!/^[A-Za-z0-9_-]{16,64}$/.test(token)) return false;
    const { count } = await this.db.idea.updateMany({ where: { eraseToken: token, contactEmail: { not: null } }, data: { contactEmail: null } });
    return count === 1;
  }
}
