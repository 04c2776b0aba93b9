/** Prisma implementation of {@link KitRepository}. */
import { z } from "zod";
import type { Kit, KitRepository } from "../../core/ports.js";
import type { Db } from "../client.js";
import type { Kit as KitRow } from "../../generated/sqlite/client.js";
import {
  audienceSchema,
  checkStored,
  kitFormatSchema,
  localeSchema,
  localizedTextSchema,
  parseStored,
  profileSchema,
  themeSchema,
} from "../json.js";

function toKit(row: KitRow): Kit {
  const origin = (column: string) => ({ table: "Kit", column, id: row.id });
  return {
    id: row.id,
    title: parseStored(localizedTextSchema, row.title, origin("title")),
    summary: parseStored(localizedTextSchema, row.summary, origin("summary")),
    audiences: parseStored(z.array(audienceSchema), row.audiences, origin("audiences")),
    themes: parseStored(z.array(themeSchema), row.themes, origin("themes")),
    format: checkStored(kitFormatSchema, row.format, origin("format")),
    languages: parseStored(z.array(localeSchema), row.languages, origin("languages")),
    profiles: parseStored(z.array(profileSchema), row.profiles, origin("profiles")),
    links: parseStored(z.array(z.string()), row.links, origin("links")),
    keywords: parseStored(z.array(z.string()), row.keywords, origin("keywords")),
    updatedAt: row.updatedAt,
  };
}

/** Everything of a kit but its id, as stored (JSON text for the structured fields). */
function toColumns(kit: Kit) {
  return {
    title: JSON.stringify(kit.title),
    summary: JSON.stringify(kit.summary),
    audiences: JSON.stringify(kit.audiences),
    themes: JSON.stringify(kit.themes),
    format: kit.format,
    languages: JSON.stringify(kit.languages),
    profiles: JSON.stringify(kit.profiles),
    links: JSON.stringify(kit.links),
    keywords: JSON.stringify(kit.keywords),
    updatedAt: kit.updatedAt,
  };
}

/** The catalogue of kits and tools (search happens in the core, over `all()`). */
export class PrismaKitRepository implements KitRepository {
  constructor(private readonly db: Db) {}

  /** Sorted by id, so the order is stable across providers. */
  async all(): Promise<Kit[]> {
    const rows = await this.db.kit.findMany({ orderBy: { id: "asc" } });
    return rows.map(toKit);
  }

  async get(id: string): Promise<Kit | null> {
    const row = await this.db.kit.findUnique({ where: { id } });
    return row ? toKit(row) : null;
  }

  async upsert(kit: Kit): Promise<void> {
    const columns = toColumns(kit);
    await this.db.kit.upsert({ where: { id: kit.id }, create: { id: kit.id, ...columns }, update: columns });
  }

  async count(): Promise<number> {
    return this.db.kit.count();
  }
}
