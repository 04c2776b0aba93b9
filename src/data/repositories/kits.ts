/** Prisma implementation of {@link KitRepository}. */
import { z } from "zod";
import type { Kit, KitChange, KitRepository, LinkCheck } from "../../core/ports.js";
import type { Db } from "../client.js";
import type { Kit as KitRow, KitChange as KitChangeRow } from "../../generated/sqlite/client.js";
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
    withdrawnAt: row.withdrawnAt,
    linkChecks: parseStored(linkChecksSchema, row.linkChecks, origin("linkChecks")),
  };
}

const linkChecksSchema = z.record(
  z.string(),
  z.object({ status: z.enum(["working", "broken"]), at: z.coerce.date(), reason: z.string().optional() }),
);

const ACTIONS = ["created", "edited", "withdrawn"] as const;

function toChange(row: KitChangeRow): KitChange {
  const origin = (column: string) => ({ table: "KitChange", column, id: row.id });
  return {
    kitId: row.kitId,
    personId: row.personId,
    action: checkStored(z.enum(ACTIONS), row.action, origin("action")),
    at: row.at,
    fields: parseStored(z.array(z.string()), row.fields, origin("fields")),
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
    // Left out when not given, so that an import (which knows neither) keeps what is stored.
    ...(kit.withdrawnAt !== undefined ? { withdrawnAt: kit.withdrawnAt } : {}),
    ...(kit.linkChecks !== undefined ? { linkChecks: JSON.stringify(kit.linkChecks) } : {}),
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

  async recordLinkChecks(kitId: string, checks: Record<string, LinkCheck>): Promise<void> {
    await this.db.kit.updateMany({ where: { id: kitId }, data: { linkChecks: JSON.stringify(checks) } });
  }

  async recordChange(change: KitChange): Promise<void> {
    await this.db.kitChange.create({
      data: { kitId: change.kitId, personId: change.personId, action: change.action, at: change.at, fields: JSON.stringify(change.fields) },
    });
  }

  async history(kitId: string): Promise<KitChange[]> {
    const rows = await this.db.kitChange.findMany({ where: { kitId }, orderBy: [{ at: "asc" }, { id: "asc" }] });
    return rows.map(toChange);
  }
}
