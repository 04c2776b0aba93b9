/**
 * The folder the bot is installed in (the one holding its package.json), found from this
 * module's own place, so it is the same from src/ (tsx) and from dist/src/ (the build).
 * Relative paths of the configuration (the SQLite file) are resolved against it, so the bot
 * uses the same file whatever folder it is started from (a service manager, a container).
 */
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

let found: string | undefined;

export function appRoot(): string {
  if (found) return found;
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "package.json"))) {
    const parent = dirname(dir);
    if (parent === dir) return (found = process.cwd());
    dir = parent;
  }
  return (found = dir);
}
