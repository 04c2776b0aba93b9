/**
 * The data layer's entry point: opens SQLite or PostgreSQL from a URL, applies pending
 * migrations, and hands back the repositories the core uses.
 */
import type { Repositories } from "../core/ports.js";
import type { Db } from "./client.js";
import { serialiseSqlite } from "./sqlite-serial.js";
import { retryBusySqlite } from "./sqlite-busy.js";
import { DEFAULT_DATABASE_TIMEOUTS, type DatabaseTimeouts } from "./timeouts.js";
import { runMigrations, type DataLogger, type MigrationReport } from "./migrate.js";
import { createRepositories } from "./repositories/index.js";
import { DEFAULT_DATABASE_URL, parseDatabaseUrl, quoteIdent, type DatabaseTarget } from "./url.js";

export interface OpenDatabaseOptions {
  /**
   * `file:./data/cdce.db` (the default; relative to the working directory, folder created),
   * `postgresql://user@host:5432/db?schema=name` or `postgres://...`.
   */
  url?: string;
  logger?: DataLogger;
  /** Overrides `prisma/<provider>/migrations` (tests). */
  migrationsDir?: string;
  /** How long to wait for the database before giving up (defaults: src/data/timeouts.ts). */
  timeouts?: Partial<DatabaseTimeouts>;
}

/** An open database. Close it once, at shutdown. */
export interface Database {
  provider: DatabaseTarget["provider"];
  repos: Repositories;
  /**
   * The Prisma client itself, for data-layer code beyond the core's ports (outbox,
   * leases). The core and the commands use `repos` only.
   */
  prisma: Db;
  /** What the start-up migration run did. */
  migrations: MigrationReport;
  close(): Promise<void>;
}

/**
 * Opens the database at `url`, runs the migration runner (safe with several replicas
 * starting at once), then connects Prisma through the provider's driver adapter.
 */
export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<Database> {
  const target = parseDatabaseUrl(options.url ?? DEFAULT_DATABASE_URL);
  const migrations = await runMigrations(target, { migrationsDir: options.migrationsDir, logger: options.logger });
  const prisma = await createClient(target, { ...DEFAULT_DATABASE_TIMEOUTS, ...options.timeouts });
  try {
    await prisma.$connect();
    if (target.provider === "sqlite") {
      // The adapter holds one connection, so this per-connection setting sticks. In WAL mode
      // (set by the migration runner) NORMAL cannot corrupt the file; it may lose the last
      // commits on a power cut, not on a process crash. Measured: demo load 158 -> 94 ms.
      await prisma.$executeRawUnsafe("PRAGMA synchronous = NORMAL");
    }
  } catch (error) {
    await prisma.$disconnect().catch(() => {});
    throw error;
  }
  options.logger?.info(
    {
      provider: target.provider,
      // Where the data is: an operator backing it up or mounting a volume needs the real place.
      ...(target.provider === "sqlite" ? { file: target.file } : { schema: target.schema }),
      migrationsApplied: migrations.applied.length,
      migrationsMs: Math.round(migrations.durationMs),
    },
    "database ready",
  );
  let closed = false;
  return {
    provider: target.provider,
    repos: createRepositories(prisma, target.provider),
    prisma,
    migrations,
    async close() {
      if (closed) return;
      closed = true;
      await prisma.$disconnect(); // also disposes the adapter: closes the SQLite file / ends the pg pool
    },
  };
}

/** Builds the generated client of the target's provider (imported on demand). */
async function createClient(target: DatabaseTarget, timeouts: DatabaseTimeouts): Promise<Db> {
  if (target.provider === "sqlite") {
    const [{ PrismaClient }, { PrismaBetterSQLite3 }] = await Promise.all([
      import("../generated/sqlite/client.js"),
      import("@prisma/adapter-better-sqlite3"),
    ]);
    // `timeout` is SQLite's busy timeout: wait for another writer instead of failing; what
    // is still busy after it is tried again (sqlite-busy.ts), so a transaction may wait for
    // its turn longer than Prisma's default 2 s.
    // Serialised: a transaction holds the one connection alone (see sqlite-serial.ts).
    const adapter = serialiseSqlite(retryBusySqlite(new PrismaBetterSQLite3({ url: `file:${target.file}`, timeout: timeouts.sqliteBusyTimeoutMs })));
    return new PrismaClient({ adapter, transactionOptions: { maxWait: 65_000, timeout: 30_000 } });
  }
  const [{ PrismaClient }, { PrismaPg }] = await Promise.all([
    import("../generated/postgresql/client.js"),
    import("@prisma/adapter-pg"),
  ]);
  const adapter = new PrismaPg(
    {
      connectionString: target.connectionString,
      // Raw SQL and anything unqualified resolve in the right schema too.
      options: `-c search_path=${quoteIdent(target.schema)}`,
      // A database down or frozen fails a command within seconds instead of holding it
      // (src/data/timeouts.ts); keepAlive notices a dead peer on idle connections.
      connectionTimeoutMillis: timeouts.connectTimeoutMs,
      statement_timeout: timeouts.statementTimeoutMs,
      query_timeout: timeouts.queryTimeoutMs,
      idle_in_transaction_session_timeout: timeouts.idleInTransactionTimeoutMs,
      keepAlive: true,
    },
    // Prisma qualifies the table names of its own queries with this schema.
    { schema: target.schema },
  );
  const client = new PrismaClient({ adapter });
  // The one cast between the two generated clients: their models are identical (checked by
  // test/unit/data/schema-parity.test.ts); only provider-specific filter options differ.
  return client as unknown as Db;
}
