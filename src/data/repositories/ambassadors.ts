/** Prisma implementation of the ambassadors feature's stores: directory consent, activity, youth groups. */
import { z } from "zod";
import { YOUTH_KINDS, type AmbassadorRepository, type AmbassadorStores, type ListedAmbassador, type RecentActivity, type YouthGroup, type YouthGroupRepository, type YouthKind } from "../../features/ambassadors/index.js";
import type { Db } from "../client.js";
import { checkStored, localeSchema } from "../json.js";

const kindSchema = z.enum(YOUTH_KINDS);

class PrismaAmbassadorRepository implements AmbassadorRepository {
  constructor(private readonly db: Db) {}

  async visible(personId: string): Promise<boolean> {
    return (await this.db.ambassadorProfile.findUnique({ where: { personId } }))?.directoryVisible ?? false;
  }

  async setVisible(personId: string, visible: boolean): Promise<void> {
    await this.db.ambassadorProfile.upsert({ where: { personId }, create: { personId, directoryVisible: visible }, update: { directoryVisible: visible } });
  }

  async listed(): Promise<ListedAmbassador[]> {
    const rows = await this.db.membership.findMany({
      where: { role: "ambassadeur", until: null, communeId: { not: null }, person: { ambassadorProfile: { directoryVisible: true } } },
      include: { person: true, commune: true },
      orderBy: [{ since: "asc" }, { id: "asc" }],
    });
    const byPerson = new Map<string, ListedAmbassador>();
    for (const r of rows) {
      const entry = byPerson.get(r.personId) ?? { personId: r.personId, name: r.person.name, locale: checkStored(localeSchema, r.person.locale, { table: "Person", column: "locale", id: r.personId }), communes: [] };
      if (r.commune) entry.communes.push({ id: r.commune.id, name: r.commune.name, province: r.commune.province });
      byPerson.set(r.personId, entry);
    }
    return [...byPerson.values()].sort((a, b) => a.name.localeCompare(b.name, "fr"));
  }

  async recentActivity(personIds: readonly string[], since: Date, limit: number): Promise<RecentActivity[]> {
    if (personIds.length === 0) return [];
    const rows = await this.db.activityEvent.findMany({
      where: { personId: { in: [...personIds] }, at: { gte: since }, kind: { not: "command" } },
      orderBy: [{ at: "desc" }, { id: "asc" }],
      take: limit,
    });
    return rows.map((r) => ({ personId: r.personId!, kind: r.kind, at: r.at, title: titleOf(r.data) }));
  }
}

/** The title an activity's details carry (an initiative's, an event's), if any. */
function titleOf(data: string | null): string | null {
  if (!data) return null;
  try {
    const parsed = JSON.parse(data) as unknown;
    return parsed && typeof parsed === "object" && "title" in parsed && typeof parsed.title === "string" ? parsed.title : null;
  } catch {
    return null;
  }
}

class PrismaYouthGroupRepository implements YouthGroupRepository {
  constructor(private readonly db: Db) {}

  private async load(where: { communeId?: string; id?: string }): Promise<YouthGroup[]> {
    const rows = await this.db.youthGroup.findMany({
      where,
      include: { ambassadors: { include: { person: { include: { ambassadorProfile: true } } }, orderBy: { createdAt: "asc" } } },
      orderBy: [{ name: "asc" }, { id: "asc" }],
    });
    return rows.map((r) => ({
      id: r.id,
      communeId: r.communeId,
      name: r.name,
      kind: checkStored(kindSchema, r.kind, { table: "YouthGroup", column: "kind", id: r.id }) as YouthKind,
      members: r.ambassadors.map((l) => ({ personId: l.personId, name: l.person.name, listed: l.person.ambassadorProfile?.directoryVisible ?? false })),
    }));
  }

  async add(g: { communeId: string; name: string; kind: YouthKind }): Promise<{ group: YouthGroup; created: boolean }> {
    const found = await this.db.youthGroup.findUnique({ where: { communeId_name: { communeId: g.communeId, name: g.name } } });
    const id = found?.id ?? (await this.db.youthGroup.create({ data: g })).id;
    return { group: (await this.load({ id }))[0]!, created: !found };
  }

  ofCommune(communeId: string): Promise<YouthGroup[]> {
    return this.load({ communeId });
  }

  async link(groupId: string, personId: string): Promise<boolean> {
    const found = await this.db.youthGroupLink.findUnique({ where: { groupId_personId: { groupId, personId } } });
    if (found) return false;
    await this.db.youthGroupLink.create({ data: { groupId, personId } });
    return true;
  }
}

export function createAmbassadorStores(db: Db): AmbassadorStores {
  return { ambassadors: new PrismaAmbassadorRepository(db), youth: new PrismaYouthGroupRepository(db) };
}
