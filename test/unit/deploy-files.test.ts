/**
 * The production recipe matches the code (no Docker on these machines, so nothing is built
 * here): Dockerfile, compose.yaml and the systemd example set only variables the bot reads
 * (src/config.ts), copy only files that exist, and start the bot exactly as
 * `npm run start:prod` does; and nothing at install time needs a development tool.
 */
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CONFIG_VARIABLES } from "../../src/config.js";

const read = (f: string) => readFileSync(f, "utf8");
const pkg = JSON.parse(read("package.json")) as { scripts: Record<string, string>; dependencies: Record<string, string>; devDependencies: Record<string, string> };
const known = new Set(CONFIG_VARIABLES);
/** Variables of the other containers (PostgreSQL's image), set from .env by compose. */
const COMPOSE_ONLY = new Set(["POSTGRES_PASSWORD"]);
const startProd = pkg.scripts["start:prod"]!.split(/\s+/);

/** Lines of the `bot:` service block of compose.yaml. */
function botService(compose: string): string[] {
  const lines = compose.split("\n");
  const start = lines.findIndex((l) => l === "  bot:");
  const end = lines.findIndex((l, i) => i > start && /^ {2}\S|^\S/.test(l));
  return lines.slice(start + 1, end < 0 ? undefined : end);
}

/** The `KEY: value` entries under `environment:` of a service block. */
function environmentKeys(block: string[]): string[] {
  const i = block.findIndex((l) => l.trim() === "environment:");
  const keys: string[] = [];
  for (const line of block.slice(i + 1)) {
    const m = /^ {6}([A-Z][A-Z0-9_]*):/.exec(line);
    if (m) keys.push(m[1]!);
    else if (/^ {0,4}\S/.test(line)) break;
  }
  return keys;
}

describe("production recipe", () => {
  it("compose.yaml: the bot's environment holds only variables the bot reads, and every ${VAR} is known", () => {
    const compose = read("compose.yaml");
    const keys = environmentKeys(botService(compose));
    expect(keys).toEqual(expect.arrayContaining(["DATABASE_URL", "REDIS_URL", "HTTP_PORT"]));
    expect(keys.filter((k) => !known.has(k))).toEqual([]);
    const interpolated = [...compose.matchAll(/\$\{([A-Z0-9_]+)/g)].map((m) => m[1]!);
    expect(interpolated.filter((v) => !known.has(v) && !COMPOSE_ONLY.has(v))).toEqual([]);
    // Two replicas, health checks on /healthz, volumes for both stores.
    expect(botService(compose).join("\n")).toMatch(/replicas: 2/);
    expect(botService(compose).join("\n")).toContain("/healthz");
    expect(compose).toMatch(/db-data:\/var\/lib\/postgresql\/data/);
    expect(compose).toMatch(/redis-data:\/data/);
  });

  it("Dockerfile: ENV only for the bot's variables, COPY only of files that exist, started as npm run start:prod", () => {
    const docker = read("Dockerfile");
    const envBlock = /^ENV ([\s\S]*?)(?<!\\)\n/m.exec(docker)![1]!;
    const envKeys = [...envBlock.matchAll(/([A-Z][A-Z0-9_]*)=/g)].map((m) => m[1]!);
    expect(envKeys.length).toBeGreaterThan(0);
    expect(envKeys.filter((k) => !known.has(k))).toEqual([]);
    const copied = [...docker.matchAll(/^COPY (?!--from)(.+) \S+$/gm)].flatMap((m) => m[1]!.split(/\s+/));
    expect(copied).toContain("package-lock.json");
    expect(copied.filter((f) => !existsSync(f))).toEqual([]);
    const cmd = JSON.parse(/^CMD (\[.*\])$/m.exec(docker)![1]!) as string[];
    expect(cmd).toEqual(startProd);
    // Runs as a non-root user, from a separate stage that has no compiler.
    expect(docker).toMatch(/^USER node$/m);
    const runtime = docker.slice(docker.indexOf("AS runtime"));
    expect(runtime).not.toMatch(/g\+\+|make|npm run build/);
    expect(runtime).toMatch(/COPY --from=build \/app\/dist/);
  });

  it("deploy/cdce-bot.service starts the bot as npm run start:prod and names only known variables", () => {
    const unit = read("deploy/cdce-bot.service");
    const exec = /^ExecStart=(.+)$/m.exec(unit)![1]!.split(/\s+/);
    expect(exec[0]).toMatch(/\/node$/);
    expect(exec.slice(1)).toEqual(startProd.slice(1));
    const named = [...unit.matchAll(/^#\s+([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]!);
    expect(named.length).toBeGreaterThan(0);
    expect(named.filter((k) => !known.has(k))).toEqual([]);
  });

  it("installing runs no development tool: no install-time script, the build generates the Prisma clients", () => {
    for (const hook of ["preinstall", "install", "postinstall", "prepare"]) expect(pkg.scripts[hook]).toBeUndefined();
    expect(pkg.devDependencies.prisma).toBeDefined();
    expect(pkg.dependencies.prisma).toBeUndefined();
    expect(pkg.scripts.build).toBe("node src/build.mjs");
    expect(read("src/build.mjs")).toContain("generateClientsIfStale(root)");
    expect(startProd.slice(0, 1)).toEqual(["node"]);
    expect(startProd.at(-1)).toBe("dist/src/main.js");
  });
});
