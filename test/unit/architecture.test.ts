/**
 * The architecture's one rule, as a test: src/core and commands/ never import a platform
 * SDK, the ORM, the scheduler or the limiter, nor the outer layers.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith(".ts") ? [p] : [];
  });
}

const FORBIDDEN = /from\s+["'](@slack\/|discord\.js|@discordjs\/|@prisma\/|pg["']|better-sqlite3|node-cron|bottleneck|ioredis|[./]+.*\/(generated|platforms|data|delivery|scheduler)\/)/;

describe("architecture", () => {
  it("keeps src/core and commands/ free of platforms, ORM, cron and limiter imports", () => {
    const leaks: string[] = [];
    for (const f of [...files("src/core"), ...files("src/features"), ...files("commands")]) {
      readFileSync(f, "utf8")
        .split("\n")
        .forEach((line, i) => {
          if (FORBIDDEN.test(line)) leaks.push(`${f}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(leaks).toEqual([]);
  });

  it("never uses console.log in the service outside the terminal adapter", () => {
    const offenders = [...files("src"), ...files("commands")].filter(
      (f) => !f.includes("platforms/terminal") && !f.includes("generated") && !f.endsWith("-cli.ts") && /console\.log\(/.test(readFileSync(f, "utf8")),
    );
    expect(offenders).toEqual([]);
  });
});
