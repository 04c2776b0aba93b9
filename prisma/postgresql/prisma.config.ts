/**
 * Prisma CLI configuration for the PostgreSQL schema: `prisma <command> --config prisma/postgresql/prisma.config.ts`.
 *
 * Offline setup (see DESIGN.md "Data: Prisma, offline"): the JavaScript schema engine
 * (`engine: "js"`) over @prisma/adapter-pg. Even `migrate diff --from-empty` connects to the
 * server once, so a reachable PostgreSQL is needed to generate migrations (not to run
 * `generate`): DATABASE_URL when it is a PostgreSQL URL, else PRISMA_PG_URL, else the local
 * development server. `migrate deploy` does not work with this engine here: the service
 * migrates with src/data/migrate.ts.
 */
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";

const fromEnv = process.env.DATABASE_URL;
const url = fromEnv && /^postgres(ql)?:\/\//.test(fromEnv)
  ? fromEnv
  : (process.env.PRISMA_PG_URL ?? "postgresql://root@127.0.0.1:5432/test");
// The schema's `url = env("DATABASE_URL")` must resolve to a PostgreSQL URL, or the CLI tries
// to download a query engine.
process.env.DATABASE_URL = url;
process.env.CHECKPOINT_DISABLE ??= "1";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "./schema.prisma",
  migrations: { path: "./migrations" },
  async adapter() {
    // A short idle timeout: the CLI does not end the pool, and pg's default (10 s) would keep
    // every command alive 10 s after its work is done.
    return new PrismaPg({ connectionString: url, idleTimeoutMillis: 50 });
  },
});
