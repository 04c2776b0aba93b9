/**
 * Prisma CLI configuration for the SQLite schema: `prisma <command> --config prisma/sqlite/prisma.config.ts`.
 *
 * Offline setup (see DESIGN.md "Data: Prisma, offline"): the JavaScript schema engine
 * (`engine: "js"`) over a driver adapter, so the CLI needs no native engine download.
 * The service never reads this file: it migrates with src/data/migrate.ts.
 */
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

// The schema's `url = env("DATABASE_URL")` must resolve to a SQLite URL, or the CLI decides it
// cannot read the schema and tries to download a query engine. With engine "js" the URL is
// otherwise unused: the adapter below is what connects.
const url = process.env.DATABASE_URL?.startsWith("file:") ? process.env.DATABASE_URL : "file::memory:";
process.env.DATABASE_URL = url;
// The CLI's update check would try the network at every command.
process.env.CHECKPOINT_DISABLE ??= "1";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "./schema.prisma",
  migrations: { path: "./migrations" },
  async adapter() {
    return new PrismaBetterSQLite3({ url });
  },
});
