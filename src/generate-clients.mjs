/**
 * The Prisma clients (src/generated/sqlite, src/generated/postgresql) are produced by the
 * Prisma CLI, a development tool. They are generated at build time, not at install time, so
 * that `npm ci --omit=dev` (a production install, without the CLI) works: the built dist/
 * already holds them compiled. Generation takes ~10 s, so it runs only when the schema files
 * changed since the last generation (a hash of both schemas is kept next to the clients).
 */
import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import process from "node:process";

const PROVIDERS = ["sqlite", "postgresql"];

/** The hash of the schema files the clients come from. */
function schemaHash(root) {
  const hash = createHash("sha256");
  for (const p of PROVIDERS) hash.update(readFileSync(join(root, "prisma", p, "schema.prisma")));
  return hash.digest("hex");
}

/**
 * Generates the clients when they are missing or older than the schemas.
 * @param {string} root the project folder
 * @returns {boolean} whether the CLI ran
 */
export function generateClientsIfStale(root) {
  const stamp = join(root, "src", "generated", ".schema-hash");
  const wanted = schemaHash(root);
  const present = PROVIDERS.every((p) => existsSync(join(root, "src", "generated", p, "client.ts")));
  if (present && existsSync(stamp) && readFileSync(stamp, "utf8").trim() === wanted) return false;
  const cli = join(root, "node_modules", "prisma", "build", "index.js");
  if (!existsSync(cli)) {
    throw new Error(
      "The Prisma clients must be generated, and the Prisma CLI (a development dependency) is not installed.\n" +
        "Build where the development dependencies are installed (`npm ci` then `npm run build`), then copy dist/;\n" +
        "a production install (`npm ci --omit=dev`) runs the built dist/ with `npm run start:prod`.",
    );
  }
  for (const p of PROVIDERS) {
    execFileSync(process.execPath, [cli, "generate", "--config", join("prisma", p, "prisma.config.ts")], {
      cwd: root,
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, CHECKPOINT_DISABLE: "1" },
    });
  }
  writeFileSync(stamp, `${wanted}\n`);
  return true;
}

// `npm run generate` (`node src/generate-clients.mjs --force`): always generates, after a
// schema edit or before the type check.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url) && process.argv.includes("--force")) {
  const root = join(dirname(fileURLToPath(import.meta.url)), "..");
  rmSync(join(root, "src", "generated", ".schema-hash"), { force: true });
  generateClientsIfStale(root);
}
