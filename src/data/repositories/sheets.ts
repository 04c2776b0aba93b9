/** Prisma implementations of {@link SheetRepository} and {@link SettingsRepository}. */
import { z } from "zod";
import { type ExperienceSheet, type NewSheet, type SettingsRepository, type SheetRepository, INITIATIVE_KINDS } from "../../features/initiatives/index.js";
import type { Db } from "../client.js";
import type { ExperienceSheet as Row } from "../../generated/sqlite/client.js";
import { checkStored, localeSchema, parseStored } from "../json.js";

const kindSchema = z.enum(INITIATIVE_KINDS).nullable();

function toSheet(row: Row): ExperienceSheet {
  const origin = (column: string) => ({ table: "ExperienceSheet", column, id: row.id });
  return {
    id: row.id,
    communeId: row.communeId,
    authorId: row.authorId,
    title: row.title,
    context: row.context,
    worked: row.worked,
    avoid: row.avoid,
    tips: row.tips,
    contact: row.contact,
    kind: checkStored(kindSchema, row.kind, origin("kind")),
    language: checkStored(localeSchema, row.language, origin("language")),
    createdAt: row.createdAt,
  };
}

export class PrismaSheetRepository implements SheetRepository {
  constructor(private readonly db: Db) {}

  async create(sheet: NewSheet): Promise<ExperienceSheet> {
    return toSheet(await this.db.experienceSheet.create({ data: sheet }));
  }

  async get(id: string): Promise<ExperienceSheet | null> {
    const row = await this.db.experienceSheet.findUnique({ where: { id } });
    return row ? toSheet(row) : null;
  }

  async findByPrefix(prefix: string): Promise<ExperienceSheet[]> {
    const p = prefix.toLowerCase();
    if (!/^[0-9a-f-]{4,36}$/.test(p)) return [];
    return (await this.db.experienceSheet.findMany({ where: { id: { startsWith: p } }, take: 3 })).map(toSheet);
  }

  async all(): Promise<ExperienceSheet[]> {
    const rows = await this.db.experienceSheet.findMany({ orderBy: [{ createdAt: "desc" }, { id: "asc" }], take: 2000 });
    return rows.map(toSheet);
  }

  async delete(id: string): Promise<void> {
    await this.db.experienceSheet.deleteMany({ where: { id } });
  }
}

export class PrismaSettingsRepository implements SettingsRepository {
  constructor(private readonly db: Db) {}

  async get(key: string): Promise<unknown> {
    const row = await this.db.networkSetting.findUnique({ where: { key } });
    return row ? parseStored(z.unknown(), row.value, { table: "NetworkSetting", column: "value", id: key }) : undefined;
  }

  async set(key: string, value: unknown): Promise<void> {
    const text = JSON.stringify(value);
    await this.db.networkSetting.upsert({ where: { key }, create: { key, value: text }, update: { value: text } });
  }
}
