/**
 * Parsing of the database URL given to {@link openDatabase}: which provider, and what each
 * driver needs. Kept apart so the migration runner and the client factory agree on it.
 */
import path from "node:path";
import { appRoot } from "../app-root.js";

/** Where the embedded database lives when no URL is given. */
export const DEFAULT_DATABASE_URL = "file:./data/cdce.db";

export type DatabaseTarget =
  | { provider: "sqlite"; /** Absolute file path. */ file: string }
  | {
      provider: "postgresql";
      /** URL for the `pg` driver, without Prisma's `schema` parameter (pg would pass it on). */
      connectionString: string;
      /** PostgreSQL schema holding the tables (`?schema=` in the URL), `public` by default. */
      schema: string;
    };

/** A PostgreSQL identifier we are willing to interpolate (schemas cannot be bound as parameters). */
const SCHEMA_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

/**
 * Turns `file:./data/cdce.db`, `file:/abs/path.db`, `postgresql://...` or `postgres://...`
 * into a {@link DatabaseTarget}. Relative SQLite paths are resolved against `base`: the folder
 * the bot is installed in, not the working directory, so a service manager or a container
 * starting it elsewhere still finds the same file (the absolute path is logged at start).
 * Throws on anything else, naming the URL scheme (never the credentials).
 */
export function parseDatabaseUrl(url: string, base: string = appRoot()): DatabaseTarget {
  if (url.startsWith("file:")) {
    // Prisma's SQLite URLs may carry `?connection_limit=...`: not a part of the path.
    const raw = url.slice("file:".length).split("?")[0] ?? "";
    if (raw === "" || raw === ":memory:") {
      // The migration runner and the Prisma adapter open separate connections, and each
      // in-memory connection is a separate database: the client would see no tables.
      throw new Error("SQLite in memory is not supported: give a file path (file:./data/cdce.db)");
    }
    return { provider: "sqlite", file: path.resolve(base, raw) };
  }
  if (url.startsWith("postgresql://") || url.startsWith("postgres://")) {
    const parsed = new URL(url);
    const schema = parsed.searchParams.get("schema") ?? "public";
    if (!SCHEMA_NAME.test(schema)) throw new Error(`Invalid PostgreSQL schema name in the database URL: ${schema}`);
    parsed.searchParams.delete("schema");
    return { provider: "postgresql", connectionString: parsed.toString(), schema };
  }
  const scheme = url.split(":")[0] ?? "";
  throw new Error(`Unsupported database URL scheme "${scheme}:" (expected file:, postgresql: or postgres:)`);
}

/** Double-quotes a PostgreSQL identifier already checked against {@link SCHEMA_NAME}. */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
