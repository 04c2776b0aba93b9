/** Prisma implementation of {@link ToolRepository}. */
import { z } from "zod";
import { TOOL_CATEGORIES, type ToolCategory, type ToolRepository, type ToolUse } from "../../features/tools/index.js";
import type { Db } from "../client.js";
import type { ToolUse as Row } from "../../generated/sqlite/client.js";
import { checkStored } from "../json.js";

const categorySchema = z.enum(TOOL_CATEGORIES);

function toTool(row: Row): ToolUse {
  return {
    id: row.id,
    communeId: row.communeId,
    name: row.name,
    key: row.key,
    category: checkStored(categorySchema, row.category, { table: "ToolUse", column: "category", id: row.id }),
    note: row.note,
    declaredById: row.declaredById,
    updatedAt: row.updatedAt,
  };
}

export class PrismaToolRepository implements ToolRepository {
  constructor(private readonly db: Db) {}

  async declare(tool: Omit<ToolUse, "id" | "updatedAt" | "category"> & { category: ToolCategory | null }): Promise<{ tool: ToolUse; created: boolean }> {
    const where = { communeId_key: { communeId: tool.communeId, key: tool.key } };
    const existed = await this.db.toolUse.findUnique({ where });
    const row = await this.db.toolUse.upsert({
      where,
      create: { ...tool, category: tool.category ?? "other" },
      update: {
        ...(tool.category ? { category: tool.category } : {}),
        ...(tool.note ? { note: tool.note } : {}),
        declaredById: tool.declaredById,
      },
    });
    return { tool: toTool(row), created: !existed };
  }

  async remove(communeId: string, key: string): Promise<boolean> {
    const { count } = await this.db.toolUse.deleteMany({ where: { communeId, key } });
    return count > 0;
  }

  async all(): Promise<ToolUse[]> {
    return (await this.db.toolUse.findMany({ orderBy: [{ key: "asc" }, { communeId: "asc" }] })).map(toTool);
  }
}
