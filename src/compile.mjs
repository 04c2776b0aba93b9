/**
 * Compiles the project's TypeScript to plain JavaScript, one file per file (esbuild, no
 * bundling), with the data files the code reads through import.meta.url and the migrations
 * (found from src/data as ../../prisma/<provider>) beside it. Used by `npm start`'s build
 * (src/build.mjs) and by tests that start replicas from compiled code.
 */
import { build } from "esbuild";
import { cpSync, existsSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";

/** Every file under `dir`, relative to `root`. */
function filesUnder(root, dir) {
  return readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => relative(root, join(e.parentPath ?? e.path, e.name)));
}

/**
 * Compiles the `.ts` files of `dirs` (minus those `skip` names) from `root` into `outdir`.
 * @param {{ root: string; dirs: readonly string[]; outdir: string; skip?: (file: string) => boolean }} options
 * @returns {Promise<void>}
 */
export async function compileTree({ root, dirs, outdir, skip = () => false }) {
  const sources = dirs.flatMap((dir) => filesUnder(root, dir));
  await build({
    entryPoints: sources.filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts") && !skip(f)).map((f) => join(root, f)),
    outdir,
    outbase: root,
    platform: "node",
    format: "esm",
    target: "node20",
    logLevel: "warning",
  });
  for (const f of sources.filter((f) => !/\.(ts|mts|mjs)$/.test(f))) cpSync(join(root, f), join(outdir, f));
  for (const provider of ["sqlite", "postgresql"]) {
    const migrations = join(root, "prisma", provider, "migrations");
    if (existsSync(migrations)) cpSync(migrations, join(outdir, "prisma", provider, "migrations"), { recursive: true });
  }
}
