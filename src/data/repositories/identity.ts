/** Prisma implementation of {@link IdentityRepository}. */
import { randomUUID } from "node:crypto";
import type { IdentityRepository, Person, PlatformAccount } from "../../core/ports.js";
import type { Platform } from "../../core/types.js";
import type { Db } from "../client.js";
import type { Person as PersonRow, PlatformAccount as AccountRow } from "../../generated/sqlite/client.js";
import { DataError, isNotFound, isUniqueViolation } from "../errors.js";
import { inTransaction, withSavepoint } from "../transaction.js";
import { checkStored, localeSchema, platformSchema } from "../json.js";
import { IdentityCache, identityCacheOf } from "./identity-cache.js";

function toPerson(row: PersonRow): Person {
  return {
    id: row.id,
    name: row.name,
    locale: checkStored(localeSchema, row.locale, { table: "Person", column: "locale", id: row.id }),
    localeChosen: row.localeChosen,
    timeZone: row.timeZone,
  };
}

function toAccount(row: AccountRow): PlatformAccount {
  return {
    platform: checkStored(platformSchema, row.platform, { table: "PlatformAccount", column: "platform", id: row.id }),
    workspaceId: row.workspaceId,
    userId: row.userId,
    personId: row.personId,
  };
}

/** People and the platform accounts (Slack, Discord, terminal) that lead to them. */
export class PrismaIdentityRepository implements IdentityRepository {
  private readonly cache: IdentityCache;

  constructor(
    private readonly db: Db,
    /** PostgreSQL takes a first person in one statement (see createWithAccountInOneStatement). */
    private readonly provider: "sqlite" | "postgresql" = "sqlite",
  ) {
    this.cache = identityCacheOf(db);
  }

  /**
   * Served from the identity cache when fresh (see identity-cache.ts); unknown accounts are not
   * cached. One statement: the person filtered by the account (a read of the account, then of
   * its person, would be two ORM queries, each a few milliseconds of CPU on every first click).
   */
  async findByAccount(platform: Platform, workspaceId: string, userId: string): Promise<Person | null> {
    const key = IdentityCache.accountKey(platform, workspaceId, userId);
    const cached = this.cache.person(key);
    if (cached) return cached;
    // Plain SQL: the first click of each person in a burst asks (an ORM query costs several times its CPU).
    const rows = await this.db.$queryRaw<Array<{ id: string; name: string; locale: string; localeChosen: boolean | number | bigint; timeZone: string }>>`
      SELECT p."id", p."name", p."locale", p."localeChosen", p."timeZone"
      FROM "Person" p JOIN "PlatformAccount" a ON a."personId" = p."id"
      WHERE a."platform" = ${platform} AND a."workspaceId" = ${workspaceId} AND a."userId" = ${userId}
      LIMIT 1`;
    const row = rows[0];
    if (!row) return null;
    // SQLite answers a boolean as 0 or 1.
    const person: Person = {
      id: row.id,
      name: row.name,
      locale: checkStored(localeSchema, row.locale, { table: "Person", column: "locale", id: row.id }),
      localeChosen: row.localeChosen === true || Number(row.localeChosen) === 1,
      timeZone: row.timeZone,
    };
    this.cache.rememberPerson(key, person);
    return person;
  }

  /**
   * Person and account are created in one nested write (one transaction). When the account
   * already exists, or a concurrent first command created it a moment earlier (unique
   * violation), the existing person is returned and nothing is created. Callers look the
   * account up first (src/core/identity.ts), so the write is tried without looking again: an
   * account that exists after all is found through the unique violation.
   */
  async createWithAccount(account: Omit<PlatformAccount, "personId">, person: Omit<Person, "id">): Promise<Person> {
    if (this.provider === "postgresql") return this.createWithAccountInOneStatement(account, person);
    try {
      const data = {
        name: person.name,
        locale: person.locale,
        localeChosen: person.localeChosen,
        timeZone: person.timeZone,
        accounts: {
          create: { platform: account.platform, workspaceId: account.workspaceId, userId: account.userId },
        },
      };
      const created = toPerson(await withSavepoint(this.db, () => this.db.person.create({ data })));
      // Outside a transaction the rows are committed: the person's next click (a double click)
      // finds them here, and a person created a moment ago holds no role yet. Inside one, a
      // rollback could still take them back, so nothing is remembered.
      if (!inTransaction(this.db)) this.cache.rememberCreated(account, created);
      return created;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const winner = await this.findByAccount(account.platform, account.workspaceId, account.userId);
      if (!winner) throw error;
      return winner;
    }
  }

  /**
   * PostgreSQL: the person and the account in ONE statement (a data-modifying CTE, atomic by
   * itself), where the ORM's nested write is five round trips and several times the CPU; the
   * first click of every person in a burst comes here. An account that exists already (a
   * double click handled by the other replica a moment earlier) inserts nothing: the person
   * inserted with it is then removed and the existing one returned.
   */
  private async createWithAccountInOneStatement(account: Omit<PlatformAccount, "personId">, person: Omit<Person, "id">): Promise<Person> {
    const id = randomUUID();
    const now = new Date();
    const linked = await this.db.$queryRaw<Array<{ personId: string }>>`
      WITH p AS (
        INSERT INTO "Person" ("id", "name", "locale", "localeChosen", "timeZone", "createdAt", "updatedAt")
        VALUES (${id}, ${person.name}, ${person.locale}, ${person.localeChosen}, ${person.timeZone}, ${now}, ${now})
        RETURNING "id"
      )
      INSERT INTO "PlatformAccount" ("id", "platform", "workspaceId", "userId", "personId", "createdAt")
      SELECT ${randomUUID()}, ${account.platform}, ${account.workspaceId}, ${account.userId}, p."id", ${now} FROM p
      ON CONFLICT ("platform", "workspaceId", "userId") DO NOTHING
      RETURNING "personId"`;
    if (linked.length === 0) {
      await this.db.$executeRaw`DELETE FROM "Person" WHERE "id" = ${id}`;
      const winner = await this.findByAccount(account.platform, account.workspaceId, account.userId);
      if (!winner) throw new Error("The account was linked by another command, then removed");
      return winner;
    }
    const created: Person = { id, ...person };
    if (!inTransaction(this.db)) this.cache.rememberCreated(account, created);
    return created;
  }

  async getPerson(id: string): Promise<Person | null> {
    const row = await this.db.person.findUnique({ where: { id } });
    return row ? toPerson(row) : null;
  }

  /** Applies the defined fields of `patch`; throws `DataError("not_found")` for an unknown id. */
  async updatePerson(id: string, patch: Partial<Omit<Person, "id">>): Promise<Person> {
    const data: Partial<Omit<Person, "id">> = {};
    if (patch.name !== undefined) data.name = patch.name;
    if (patch.locale !== undefined) data.locale = patch.locale;
    if (patch.localeChosen !== undefined) data.localeChosen = patch.localeChosen;
    if (patch.timeZone !== undefined) data.timeZone = patch.timeZone;
    try {
      return toPerson(await this.db.person.update({ where: { id }, data }));
    } catch (error) {
      if (isNotFound(error)) throw new DataError("not_found", `No person with id ${id}`, { cause: error });
      throw error;
    } finally {
      // Forgotten after the write: a read racing with it cannot keep the old person.
      this.cache.forgetPerson(id);
    }
  }

  /** Oldest link first. */
  async recipient(personId: string): Promise<{ locale: Person["locale"]; accounts: Array<Pick<PlatformAccount, "platform" | "workspaceId" | "userId">> } | null> {
    const cached = this.cache.recipient(personId);
    if (cached) return cached;
    // One statement in plain SQL: every reply that says "I will tell you" asks, and each
    // message the outbox sends (an ORM read of the person, then of the accounts, is two
    // queries of several times this one's CPU).
    const rows = await this.db.$queryRaw<Array<{ locale: string; platform: string | null; workspaceId: string | null; userId: string | null }>>`
      SELECT p."locale", a."platform", a."workspaceId", a."userId"
      FROM "Person" p LEFT JOIN "PlatformAccount" a ON a."personId" = p."id"
      WHERE p."id" = ${personId}
      ORDER BY a."createdAt" ASC, a."id" ASC`;
    const first = rows[0];
    if (!first) return null;
    const found = {
      locale: checkStored(localeSchema, first.locale, { table: "Person", column: "locale", id: personId }),
      accounts: rows
        .filter((r) => r.platform !== null && r.workspaceId !== null && r.userId !== null)
        .map((r) => ({ platform: checkStored(platformSchema, r.platform, { table: "PlatformAccount", column: "platform", id: personId }), workspaceId: r.workspaceId!, userId: r.userId! })),
    };
    // Read inside a transaction, it could still be rolled back: remembered only when committed.
    if (!inTransaction(this.db)) this.cache.rememberRecipient(personId, found);
    return found;
  }

  async accounts(personId: string): Promise<PlatformAccount[]> {
    const rows = await this.db.platformAccount.findMany({
      where: { personId },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    });
    return rows.map(toAccount);
  }
}
