/**
 * The Prisma client type the repositories are written against.
 *
 * Two clients are generated (src/generated/sqlite and src/generated/postgresql) from schema
 * files whose models are identical (test/unit/data/schema-parity.test.ts), so their model
 * APIs are the same. The repositories are typed against the SQLite one; database.ts casts
 * the PostgreSQL client to this type in one place. Provider-only features (such as
 * PostgreSQL's `mode: "insensitive"`) are therefore unavailable by construction.
 */
import type { PrismaClient } from "../generated/sqlite/client.js";

/** A Prisma client for either provider, seen through the SQLite client's types. */
export type Db = PrismaClient;
