/**
 * The bot as it is deployed: `npm start` / `npm run start:prod` run dist/src/main.js (built by
 * src/build.mjs) with Node flags written in package.json. Benches that start replicas run that
 * same process, not the TypeScript loader used in development (tsx compiles in a loader
 * thread and maps every stack trace through source maps, which costs CPU under load).
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";

export const BUILT_ENTRY = "dist/src/main.js";

/** Builds dist/ as `npm start` does. */
export function buildBot(): void {
  execFileSync(process.execPath, ["src/build.mjs"], { stdio: ["ignore", "ignore", "inherit"] });
}

/** The Node flags `npm start` gives the bot (package.json), so the bench measures the same process. */
export function startFlags(): string {
  const start = (JSON.parse(readFileSync("package.json", "utf8")) as { scripts: { start: string } }).scripts.start;
  const flags = /node ((?:--\S+ )*)dist\/src\/main\.js/.exec(start);
  if (!flags) throw new Error(`npm start no longer runs dist/src/main.js: ${start}`);
  return flags[1]!.trim();
}
