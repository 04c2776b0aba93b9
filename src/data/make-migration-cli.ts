/**
 * Generates the next migration for both providers: `npm run db:migration -- <name>`.
 *
 * How: Prisma's own `migrate dev` / `migrate diff --from-migrations` need a shadow database
 * and the schema engine's introspection, which fail offline here (SQLite: "External error";
 * PostgreSQL: "Column type 'name' could not be deserialized", and without a shadow URL it
 * even creates the tables in the target database). So every migration folder keeps a
 * snapshot of the schema it leads to (`schema.prisma` beside `migration.sql`), and the next
 * migration is `prisma migrate diff --from-schema-datamodel <last snapshot>
 * --to-schema-datamodel prisma/<provider>/schema.prisma --script` (`--from-empty` for the
 * first one): a pure datamodel diff, offline for SQLite; for PostgreSQL the CLI still opens
 * one connection (see prisma/postgresql/prisma.config.ts for which server).
 * test/unit/data/schema-parity.test.ts fails when schema.prisma differs from the last
 * snapshot, i.e. when a schema change was made without its migration.
 *
 * Review the generated SQL (data moves, defaults for new NOT NULL columns) before committing.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { applyEnvFile } from "../env-file.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const PROVIDERS = ["sqlite", "postgresql"] as const;
type Provider = (typeof PROVIDERS)[number];

/** File name of the schema snapshot kept in each migration folder. */
export const SNAPSHOT = "schema.prisma";

function out(line: string): void {
  process.stdout.write(`${line}\n`);
}

/** `20261129040447`: UTC, sortable, Prisma's own format. */
function timestamp(date: Date): string {
  return date.toISOString().replace(/[-:T]/g, "").slice(0, 14);
}

/** The SQL for `provider`, from its last snapshot (or from empty) to its schema file. */
function diff(provider: Provider): { sql: string; from: string } {
  const dir = path.join(ROOT, "prisma", provider, "migrations");
  const folders = existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort()
    : [];
  const last = folders.at(-1);
  const snapshot = last ? path.join(dir, last, SNAPSHOT) : undefined;
  if (snapshot && !existsSync(snapshot)) throw new Error(`${snapshot} is missing: cannot tell what ${last} leads to`);
  const from = snapshot ? ["--from-schema-datamodel", snapshot] : ["--from-empty"];
  const cli = path.join(ROOT, "node_modules", "prisma", "build", "index.js");
  const config = path.join(ROOT, "prisma", provider, "prisma.config.ts");
  const schema = path.join(ROOT, "prisma", provider, "schema.prisma");
  const result = spawnSync(
    process.execPath,
    [cli, "migrate", "diff", "--config", config, ...from, "--to-schema-datamodel", schema, "--script"],
    { cwd: ROOT, encoding: "utf8" },
  );
  if (result.status !== 0) throw new Error(`prisma migrate diff failed for ${provider}:\n${result.stderr}`);
  return { sql: result.stdout, from: last ?? "(empty)" };
}

/** True when the script has statements, not just comments ("-- This is an empty migration."). */
function hasStatements(sql: string): boolean {
  return sql.split("\n").some((line) => line.trim() !== "" && !line.trim().startsWith("--"));
}

function main(): void {
  // DATABASE_URL of the .env (a PostgreSQL URL) reaches the Prisma CLI spawned below.
  applyEnvFile(process.env);
  const name = (process.argv[2] ?? "").toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_|_$/g, "");
  if (!name) {
    out("usage: npm run db:migration -- <name>   (e.g. add_webinars)");
    process.exitCode = 2;
    return;
  }
  const diffs = PROVIDERS.map((provider) => ({ provider, ...diff(provider) }));
  const changed = diffs.filter((d) => hasStatements(d.sql));
  if (changed.length === 0) {
    out("No schema change since the last migration: nothing written.");
    return;
  }
  if (changed.length !== PROVIDERS.length) {
    throw new Error(`Only ${changed.map((d) => d.provider).join(", ")} changed: the two schema files must keep the same models`);
  }
  const folder = `${timestamp(new Date())}_${name}`;
  for (const d of diffs) {
    const target = path.join(ROOT, "prisma", d.provider, "migrations", folder);
    mkdirSync(target, { recursive: true });
    writeFileSync(path.join(target, "migration.sql"), d.sql);
    copyFileSync(path.join(ROOT, "prisma", d.provider, "schema.prisma"), path.join(target, SNAPSHOT));
    out(`${path.relative(ROOT, target)}/migration.sql  (from ${d.from})`);
  }
  out("Review both scripts, then commit them with the schema change.");
}

main();
