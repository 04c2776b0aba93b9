/** Prisma implementation of {@link MembershipRepository}. */
import type { Membership, MembershipRepository } from "../../core/ports.js";
import type { Db } from "../client.js";
import type { Membership as MembershipRow } from "../../generated/sqlite/client.js";
import { DataError, isNotFound } from "../errors.js";
import { checkStored, roleSchema } from "../json.js";
import { identityCacheOf, type IdentityCache } from "./identity-cache.js";

function toMembership(row: MembershipRow): Membership {
  return {
    id: row.id,
    personId: row.personId,
    communeId: row.communeId,
    role: checkStored(roleSchema, row.role, { table: "Membership", column: "role", id: row.id }),
    since: row.since,
    until: row.until,
  };
}

/** The condition "active at `now`": started, and not ended yet (`until` is exclusive). */
export function activeAt(now: Date) {
  return { since: { lte: now }, OR: [{ until: null }, { until: { gt: now } }] };
}

/** Who holds which role, in which commune (or network-wide), and since when. */
export class PrismaMembershipRepository implements MembershipRepository {
  private readonly cache: IdentityCache;

  constructor(private readonly db: Db) {
    this.cache = identityCacheOf(db);
  }

  /**
   * Oldest first, so the first commune found is the person's "home" commune. Served from the
   * identity cache when a read for a close `now` is fresh (see identity-cache.ts).
   */
  async activeFor(personId: string, now: Date): Promise<Membership[]> {
    const cached = this.cache.activeFor(personId, now);
    if (cached) return cached;
    const rows = await this.db.membership.findMany({
      where: { personId, ...activeAt(now) },
      orderBy: [{ since: "asc" }, { createdAt: "asc" }, { id: "asc" }],
    });
    const active = rows.map(toMembership);
    this.cache.rememberMemberships(personId, now, active);
    return active;
  }

  async add(m: Omit<Membership, "id">): Promise<Membership> {
    try {
      const row = await this.db.membership.create({
        data: { personId: m.personId, communeId: m.communeId, role: m.role, since: m.since, until: m.until },
      });
      return toMembership(row);
    } finally {
      this.cache.forgetMemberships(m.personId);
    }
  }

  /** Sets the end instant; throws `DataError("not_found")` for an unknown id. */
  async end(id: string, until: Date): Promise<void> {
    try {
      await this.db.membership.update({ where: { id }, data: { until } });
    } catch (error) {
      if (isNotFound(error)) throw new DataError("not_found", `No membership with id ${id}`, { cause: error });
      throw error;
    } finally {
      this.cache.forgetMembership(id);
    }
  }

  /** Oldest first. */
  async activeInCommune(communeId: string, now: Date): Promise<Membership[]> {
    const rows = await this.db.membership.findMany({
      where: { communeId, ...activeAt(now) },
      orderBy: [{ since: "asc" }, { createdAt: "asc" }, { id: "asc" }],
    });
    return rows.map(toMembership);
  }
}
