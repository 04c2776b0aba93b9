/** Prisma implementation of {@link InitiativeRepository}. */
import { z } from "zod";
import { type Initiative, type InitiativeFilter, type InitiativePatch, type InitiativeRepository, type NewInitiative, INITIATIVE_KINDS, PARTNER_KINDS, type Criterion } from "../../features/initiatives/index.js";
import type { Db } from "../client.js";
import type { Initiative as Row } from "../../generated/sqlite/client.js";
import { DataError, isNotFound, isUniqueViolation } from "../errors.js";
import { withSavepoint } from "../transaction.js";
import { checkStored, localeSchema, parseStored } from "../json.js";

const kindSchema = z.enum(INITIATIVE_KINDS);
const partnersSchema = z.array(z.enum(PARTNER_KINDS));
const criteriaSchema = z.array(z.number().int().min(1).max(6)) as unknown as z.ZodType<Criterion[]>;
const statusSchema = z.enum(["pending", "published", "rejected"]);

export function toInitiative(row: Row): Initiative {
  const origin = (column: string) => ({ table: "Initiative", column, id: row.id });
  return {
    id: row.id,
    communeId: row.communeId,
    authorId: row.authorId,
    title: row.title,
    description: row.description,
    kind: checkStored(kindSchema, row.kind, origin("kind")),
    partnerKinds: parseStored(partnersSchema, row.partnerKinds, origin("partnerKinds")),
    criteria: parseStored(criteriaSchema, row.criteria, origin("criteria")),
    place: row.place,
    links: parseStored(z.array(z.string()), row.links, origin("links")),
    happenedOn: row.happenedOn,
    language: checkStored(localeSchema, row.language, origin("language")),
    status: checkStored(statusSchema, row.status, origin("status")),
    moderatedAt: row.moderatedAt,
    sharedAs: row.sharedAs === "network-ambassador" ? "network-ambassador" : null,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

function columns(p: InitiativePatch) {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(p)) {
    if (v === undefined) continue;
    out[k] = k === "partnerKinds" || k === "criteria" || k === "links" ? JSON.stringify(v) : v;
  }
  return out;
}

/** Ids people type are hex and dashes; anything else cannot match and is not sent to the database. */
const isPrefix = (s: string) => /^[0-9a-f-]{4,36}$/.test(s);

export class PrismaInitiativeRepository implements InitiativeRepository {
  constructor(private readonly db: Db) {}

  async create(data: NewInitiative): Promise<Initiative> {
    const row = await this.db.initiative.create({ data: columns(data) as never });
    return toInitiative(row);
  }

  async get(id: string): Promise<Initiative | null> {
    const row = await this.db.initiative.findUnique({ where: { id } });
    return row ? toInitiative(row) : null;
  }

  async findByPrefix(prefix: string): Promise<Initiative[]> {
    const p = prefix.toLowerCase();
    if (!isPrefix(p)) return [];
    const rows = await this.db.initiative.findMany({ where: { id: { startsWith: p } }, take: 3 });
    return rows.map(toInitiative);
  }

  async update(id: string, patch: InitiativePatch): Promise<Initiative> {
    try {
      return toInitiative(await this.db.initiative.update({ where: { id }, data: columns(patch) }));
    } catch (error) {
      if (isNotFound(error)) throw new DataError("not_found", `No initiative with id ${id}`, { cause: error });
      throw error;
    }
  }

  async updateActivity(id: string, data: Record<string, unknown>): Promise<void> {
    await this.db.activityEvent.updateMany({
      where: { kind: "initiative", data: { contains: `"initiativeId":"${id}"` } },
      data: { data: JSON.stringify(data) },
    });
  }

  async removeActivity(id: string): Promise<void> {
    await this.db.activityEvent.deleteMany({ where: { kind: "initiative", data: { contains: `"initiativeId":"${id}"` } } });
  }

  /**
   * One transaction: the initiative (its follows cascade) and the activity events recorded
   * for it, which the momentum watch and the Fair-O-Mètre evidence must no longer count.
   */
  async delete(id: string): Promise<void> {
    await this.db.$transaction([
      this.db.activityEvent.deleteMany({ where: { kind: "initiative", data: { contains: `"initiativeId":"${id}"` } } }),
      this.db.initiative.deleteMany({ where: { id } }),
    ]);
  }

  async list(f: InitiativeFilter): Promise<Initiative[]> {
    const happenedOn: { gte?: Date; lt?: Date } = {};
    if (f.from) happenedOn.gte = f.from;
    if (f.to) happenedOn.lt = f.to;
    const rows = await this.db.initiative.findMany({
      where: {
        ...(f.statuses ? { status: { in: f.statuses } } : {}),
        ...(f.kinds?.length ? { kind: { in: f.kinds } } : {}),
        ...(f.communeIds?.length ? { communeId: { in: f.communeIds } } : {}),
        ...(f.languages?.length ? { language: { in: f.languages } } : {}),
        ...(f.from || f.to ? { happenedOn } : {}),
        ...(f.publishedSince ? { moderatedAt: { gte: f.publishedSince } } : {}),
        ...(f.authorId ? { authorId: f.authorId } : {}),
      },
      orderBy: [{ happenedOn: "desc" }, { createdAt: "desc" }, { id: "asc" }],
      take: f.limit ?? 500,
    });
    // JSON-array columns are filtered here: both providers store them as text.
    return rows
      .map(toInitiative)
      .filter((i) => !f.partnerKinds?.length || f.partnerKinds.some((p) => i.partnerKinds.includes(p)))
      .filter((i) => !f.criteria?.length || f.criteria.some((c) => i.criteria.includes(c)));
  }

  /** The unique (initiative, person) index makes a double click count once. */
  async follow(initiativeId: string, personId: string, communeId: string | null, at: Date) {
    let created = true;
    try {
      await withSavepoint(this.db, () => this.db.initiativeFollow.create({ data: { initiativeId, personId, communeId, at } }));
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      created = false;
    }
    const count = await this.db.initiativeFollow.count({ where: { initiativeId } });
    return { created, count };
  }

  async followCounts(initiativeIds: string[]): Promise<Map<string, number>> {
    if (initiativeIds.length === 0) return new Map();
    const groups = await this.db.initiativeFollow.groupBy({ by: ["initiativeId"], where: { initiativeId: { in: initiativeIds } }, _count: { _all: true } });
    return new Map(groups.map((g) => [g.initiativeId, g._count._all]));
  }
}
