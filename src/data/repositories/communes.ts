/** Prisma implementation of {@link CommuneRepository}. */
import { COMMUNE_STATUSES, type Commune, type CommuneInput, type CommuneRepository, type FomRecord, type MergerReport } from "../../core/ports.js";
import type { Db } from "../client.js";
import type { Commune as CommuneRow, FomRecord as FomRow } from "../../generated/sqlite/client.js";
import { checkStored, fomGradeSchema, localeSchema, parseStored, populationBandSchema, profileSchema } from "../json.js";
import { slugify } from "../../core/slug.js";
import { z } from "zod";
import { runTransaction } from "../transaction.js";
import { moveCommuneHistory } from "./commune-merger.js";

const statusSchema = z.enum(COMMUNE_STATUSES);
/** Statuses the network follows: the watch and reminders go over these only. */
const FOLLOWED = ["titled", "candidate"];

const languagesSchema = z.array(localeSchema).min(1);

/** Row -> domain, validating the JSON and enumerated columns. */
export function toCommune(row: CommuneRow): Commune {
  const origin = (column: string) => ({ table: "Commune", column, id: row.id });
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    region: row.region,
    province: row.province,
    languages: parseStored(languagesSchema, row.languages, origin("languages")),
    timeZone: row.timeZone,
    profile: checkStored(profileSchema, row.profile, origin("profile")),
    populationBand: checkStored(populationBandSchema, row.populationBand, origin("populationBand")),
    titledOn: row.titledOn,
    fomDueOn: row.fomDueOn,
    latitude: row.latitude,
    longitude: row.longitude,
    status: checkStored(statusSchema, row.status, origin("status")),
    mergedIntoId: row.mergedIntoId,
    mergedOn: row.mergedOn,
    leftOn: row.leftOn,
  };
}

function toFomRecord(row: FomRow): FomRecord {
  return {
    communeId: row.communeId,
    on: row.on,
    grade: row.grade === null ? null : checkStored(fomGradeSchema, row.grade, { table: "FomRecord", column: "grade", id: row.id }),
  };
}

/** Communes and their Fair-O-Mètre history. */
export class PrismaCommuneRepository implements CommuneRepository {
  constructor(private readonly db: Db) {}

  async list(): Promise<Commune[]> {
    const rows = await this.db.commune.findMany({ orderBy: { name: "asc" } });
    return rows.map(toCommune);
  }

  async listFollowed(): Promise<Commune[]> {
    const rows = await this.db.commune.findMany({ where: { status: { in: FOLLOWED } }, orderBy: { name: "asc" } });
    return rows.map(toCommune);
  }

  async get(id: string): Promise<Commune | null> {
    const row = await this.db.commune.findUnique({ where: { id } });
    return row ? toCommune(row) : null;
  }

  /**
   * Normalises the input with {@link slugify} and compares it with the slug, then with
   * `nameKey` (slugify of the name, stored at upsert): one indexed look-up, the same on
   * both providers, where SQL `lower()` would not fold accents.
   */
  async findByName(nameOrSlug: string): Promise<Commune | null> {
    const key = slugify(nameOrSlug);
    if (key === "") return null;
    const bySlug = await this.db.commune.findUnique({ where: { slug: key } });
    if (bySlug) return toCommune(bySlug);
    const byName = await this.db.commune.findFirst({ where: { nameKey: key }, orderBy: { name: "asc" } });
    return byName ? toCommune(byName) : null;
  }

  async upsert(commune: CommuneInput): Promise<Commune> {
    const data = {
      name: commune.name,
      nameKey: slugify(commune.name),
      region: commune.region,
      province: commune.province,
      languages: JSON.stringify(commune.languages),
      timeZone: commune.timeZone,
      profile: commune.profile,
      populationBand: commune.populationBand,
      titledOn: commune.titledOn,
      fomDueOn: commune.fomDueOn,
      latitude: commune.latitude,
      longitude: commune.longitude,
      // Absent: the stored value stays (a re-import of the demo file does not undo a merger).
      ...(commune.status !== undefined ? { status: commune.status } : {}),
      ...(commune.mergedIntoId !== undefined ? { mergedIntoId: commune.mergedIntoId } : {}),
      ...(commune.mergedOn !== undefined ? { mergedOn: commune.mergedOn } : {}),
      ...(commune.leftOn !== undefined ? { leftOn: commune.leftOn } : {}),
    };
    const row = await this.db.commune.upsert({
      where: { slug: commune.slug },
      create: { slug: commune.slug, ...data },
      update: data,
    });
    return toCommune(row);
  }

  async merge(fromId: string, intoId: string, on: Date): Promise<MergerReport> {
    if (fromId === intoId) throw new Error("a commune cannot merge into itself");
    return runTransaction(this.db, async (tx) => {
      const report = await moveCommuneHistory(tx, fromId, intoId, on);
      await tx.commune.update({ where: { id: fromId }, data: { status: "merged", mergedIntoId: intoId, mergedOn: on, fomDueOn: null } });
      return report;
    });
  }

  /** Oldest first. */
  async fomHistory(communeId: string): Promise<FomRecord[]> {
    const rows = await this.db.fomRecord.findMany({ where: { communeId }, orderBy: { on: "asc" } });
    return rows.map(toFomRecord);
  }

  /** Idempotent: a second record for the same commune and date replaces the grade. */
  async addFomRecord(record: FomRecord): Promise<void> {
    await this.db.fomRecord.upsert({
      where: { communeId_on: { communeId: record.communeId, on: record.on } },
      create: { communeId: record.communeId, on: record.on, grade: record.grade },
      update: { grade: record.grade },
    });
  }
}
