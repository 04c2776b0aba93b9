/** Prisma implementation of {@link PartnerRepository}. */
import { z } from "zod";
import { PARTNER_KINDS, type NewPartner, type Partner, type PartnerPatch, type PartnerRepository, type PartnerTarget } from "../../features/partners/index.js";
import type { Db } from "../client.js";
import type { Partner as Row } from "../../generated/sqlite/client.js";
import { checkStored } from "../json.js";

const kindSchema = z.enum(PARTNER_KINDS);

function toPartner(row: Row): Partner {
  return {
    id: row.id,
    communeId: row.communeId,
    name: row.name,
    key: row.key,
    kind: checkStored(kindSchema, row.kind, { table: "Partner", column: "kind", id: row.id }),
    together: row.together,
    email: row.email,
    phone: row.phone,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

const byName = { orderBy: [{ name: "asc" as const }, { id: "asc" as const }] };
/** Names as people sort them ("École" with the E's), the same on both databases (their collations differ). */
const sorted = (rows: Row[]) => rows.map(toPartner).sort((a, b) => a.name.localeCompare(b.name, "fr", { sensitivity: "base" }) || a.id.localeCompare(b.id));

export class PrismaPartnerRepository implements PartnerRepository {
  constructor(private readonly db: Db) {}

  async add(p: NewPartner): Promise<Partner | null> {
    const existing = await this.db.partner.findUnique({ where: { communeId_key: { communeId: p.communeId, key: p.key } } });
    if (existing) return null;
    return toPartner(await this.db.partner.create({ data: p }));
  }

  async update(id: string, patch: PartnerPatch): Promise<Partner> {
    return toPartner(await this.db.partner.update({ where: { id }, data: patch }));
  }

  async remove(id: string): Promise<boolean> {
    const { count } = await this.db.partner.deleteMany({ where: { id } });
    return count > 0;
  }

  async list(communeId: string): Promise<Partner[]> {
    return sorted(await this.db.partner.findMany({ where: { communeId }, ...byName }));
  }

  async find(communeId: string, key: string): Promise<Partner | null> {
    const row = await this.db.partner.findUnique({ where: { communeId_key: { communeId, key } } });
    return row ? toPartner(row) : null;
  }

  async link(partnerId: string, target: PartnerTarget): Promise<boolean> {
    const where = { partnerId_targetKind_targetId: { partnerId, targetKind: target.kind, targetId: target.id } };
    if (await this.db.partnerLink.findUnique({ where })) return false;
    await this.db.partnerLink.create({ data: { partnerId, targetKind: target.kind, targetId: target.id } });
    return true;
  }

  async unlink(partnerId: string, target: PartnerTarget): Promise<boolean> {
    const { count } = await this.db.partnerLink.deleteMany({ where: { partnerId, targetKind: target.kind, targetId: target.id } });
    return count > 0;
  }

  async linkedTo(target: PartnerTarget): Promise<Partner[]> {
    const rows = await this.db.partner.findMany({ where: { links: { some: { targetKind: target.kind, targetId: target.id } } }, ...byName });
    return sorted(rows);
  }

  async targetsOf(partnerId: string): Promise<PartnerTarget[]> {
    const rows = await this.db.partnerLink.findMany({ where: { partnerId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
    return rows.flatMap((r) => (r.targetKind === "initiative" || r.targetKind === "event" ? [{ kind: r.targetKind, id: r.targetId }] : []));
  }

  async linkCounts(partnerIds: readonly string[]): Promise<Map<string, number>> {
    if (partnerIds.length === 0) return new Map();
    const groups = await this.db.partnerLink.groupBy({ by: ["partnerId"], where: { partnerId: { in: [...partnerIds] } }, _count: { _all: true } });
    return new Map(groups.map((g) => [g.partnerId, g._count._all]));
  }
}
