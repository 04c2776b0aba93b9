/**
 * The architecture, as a test independent of the lint rules (eslint.config.js,
 * eslint-rules/architecture.js), reading every way a module is reached: `import … from`,
 * `export … from`, `import("…")`, `require("…")` and `lazyRequire("…")`.
 *
 * - the domain (src/core, src/features, commands/) never reaches a platform SDK, the ORM or a
 *   database driver, node-cron, bottleneck or ioredis, the public pages' HTTP stack (fastify,
 *   @fastify/*, eta: src/platforms/web's), nor the outer folders; it loads lazily
 *   only chrono-node and ics;
 * - src/cluster, src/ops, src/config.ts, src/app.ts and src/runtime.ts keep to their own rules;
 * - outside src/features/A/ and commands/A/, feature A is reached only through its index.ts,
 *   which never re-exports feature.ts.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return f === "generated" ? [] : files(p);
    return p.endsWith(".ts") ? [p] : [];
  });
}

interface Reach {
  /** What the file names: a package, or a repository path (`src/data/database.ts`) for a relative specifier. */
  target: string;
  kind: "import" | "lazyRequire";
  line: number;
}

const MODULE = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|\b(lazyRequire)\s*(?:<[^>]*>)?\s*\(\s*)["'`]([^"'`]+)["'`]/g;

/** Every module a file's text names, relative specifiers resolved from `file`. */
function reaches(file: string, text: string): Reach[] {
  return [...text.matchAll(MODULE)].map((m) => {
    const spec = m[2]!;
    const target = spec.startsWith(".") ? relative(process.cwd(), resolve(dirname(file), spec)).split("\\").join("/").replace(/\.js$/, ".ts") : spec;
    return { target, kind: m[1] ? "lazyRequire" : "import", line: text.slice(0, m.index).split("\n").length };
  });
}

const SDK = /^(@slack\/|discord\.js$|@discordjs\/)/;
const ORM = /^(@prisma\/|pg$|better-sqlite3$|src\/generated\/)/;
const INFRA = /^(node-cron|bottleneck|ioredis)$/;
/** The public pages' HTTP stack (src/platforms/web): a platform's business, like a chat SDK. */
const WEB = /^(fastify$|@fastify\/|eta$)/;
const OUTER = /^src\/((platforms|data|delivery|scheduler|cluster|ops)\/|(app|runtime|main|config|compose-services|command-slots|logger)\.ts$)/;
const DOMAIN_LAZY = new Set(["chrono-node", "ics"]);

/** The forbidden targets of each layer; the first rule whose files match applies. */
const LAYERS: { name: string; files: RegExp; forbidden: RegExp[] }[] = [
  { name: "kernel", files: /^src\/core\//, forbidden: [SDK, ORM, INFRA, WEB, OUTER, /^src\/features\//, /^commands\//] },
  { name: "domain", files: /^(src\/features|commands)\//, forbidden: [SDK, ORM, INFRA, WEB, OUTER] },
  { name: "cluster", files: /^src\/cluster\//, forbidden: [SDK, ORM, INFRA, WEB, /^src\/(platforms|data|delivery|scheduler|ops|features)\//, /^commands\//] },
  { name: "ops", files: /^src\/ops\//, forbidden: [SDK, ORM, INFRA, WEB, /^src\/(platforms|data|scheduler|cluster|features)\//, /^commands\//] },
  { name: "config", files: /^src\/config\.ts$/, forbidden: [SDK, ORM, INFRA, /^src\/(platforms|delivery|scheduler|cluster|ops|features|core)\//, /^src\/data\/(?!timeouts\.ts$)/, /^commands\//] },
  { name: "app", files: /^src\/app\.ts$/, forbidden: [SDK, ORM, INFRA, /^src\/platforms\//] },
  { name: "runtime", files: /^src\/runtime\.ts$/, forbidden: [SDK, ORM, INFRA, /^src\/platforms\//] },
];

/** What a file reaches that its layer forbids, as `file:line: target`. */
function layerLeaks(file: string, text: string): string[] {
  const layer = LAYERS.find((l) => l.files.test(file));
  if (!layer) return [];
  return reaches(file, text)
    .filter((r) => layer.forbidden.some((f) => f.test(r.target)) || ((layer.name === "domain" || layer.name === "kernel") && r.kind === "lazyRequire" && !DOMAIN_LAZY.has(r.target)))
    .map((r) => `${file}:${r.line}: ${r.target}`);
}

/** Deep reaches into another feature (not through its index.ts), as `file:line: target`. */
function featureLeaks(file: string, text: string): string[] {
  const own = /^(?:src\/features|commands)\/([^/]+)\//.exec(file)?.[1];
  return reaches(file, text)
    .filter((r) => {
      const m = /^src\/features\/([^/]+)\/(.+)$/.exec(r.target);
      if (!m || m[1] === own || m[2] === "index.ts") return false;
      return !(file === "src/features/index.ts" && m[2] === "feature.ts");
    })
    .map((r) => `${file}:${r.line}: ${r.target}`);
}

const source = () => [...files("src"), ...files("commands")].map((f) => ({ file: f.split("\\").join("/"), text: readFileSync(f, "utf8") }));

describe("architecture", () => {
  it("catches what it must: a dynamic import of the data layer, a deep feature import, a lazy SDK", () => {
    expect(layerLeaks("src/core/probe.ts", 'export const db = () => import("../data/database.js");')).toEqual(["src/core/probe.ts:1: src/data/database.ts"]);
    expect(layerLeaks("commands/kits/probe.ts", 'const m = await import(\n  "../../src/platforms/slack/index.js"\n);')).toEqual(["commands/kits/probe.ts:1: src/platforms/slack/index.ts"]);
    expect(layerLeaks("src/features/events/probe.ts", 'const d = lazyRequire<typeof D>("discord.js");\nconst c = lazyRequire("chrono-node");')).toEqual(["src/features/events/probe.ts:1: discord.js"]);
    expect(layerLeaks("src/core/probe.ts", 'export * from "../scheduler/scheduler.js";')).toHaveLength(1);
    expect(layerLeaks("src/core/probe.ts", 'import type { KitCatalog } from "../features/kits/index.js";')).toEqual(["src/core/probe.ts:1: src/features/kits/index.ts"]);
    expect(featureLeaks("src/features/polls/probe.ts", 'import { parseDay } from "../initiatives/input.js";')).toHaveLength(1);
    expect(featureLeaks("src/data/probe.ts", 'import type { Poll } from "../features/polls/ports.js";')).toHaveLength(1);
    expect(layerLeaks("src/features/ideas/probe.ts", 'import Fastify from "fastify";\nimport view from "@fastify/view";\nimport { Eta } from "eta";')).toHaveLength(3);
    expect(layerLeaks("src/platforms/web/probe.ts", 'import Fastify from "fastify";')).toEqual([]);
    expect(featureLeaks("commands/polls/probe.ts", 'import { x } from "../../src/features/polls/service.js";\nimport { y } from "../../src/features/kits/index.js";')).toEqual([]);
  });

  it("keeps each layer to its own imports, dynamic and lazy ones included", () => {
    expect(source().flatMap(({ file, text }) => layerLeaks(file, text))).toEqual([]);
  });

  it("reaches a feature from outside only through its index.ts", () => {
    expect(source().flatMap(({ file, text }) => featureLeaks(file, text))).toEqual([]);
  });

  it("has an index.ts per feature, which never re-exports feature.ts (it imports the commands)", () => {
    const features = readdirSync("src/features").filter((f) => statSync(join("src/features", f)).isDirectory());
    for (const f of features) {
      const index = readFileSync(join("src/features", f, "index.ts"), "utf8");
      expect(reaches(`src/features/${f}/index.ts`, index).map((r) => r.target)).not.toContain(`src/features/${f}/feature.ts`);
    }
  });

  it("says why each lint rule is disabled, after `--`", () => {
    const bare = source().flatMap(({ file, text }) =>
      text
        .split("\n")
        .map((line, i) => ({ line, i }))
        .filter(({ line }) => /eslint-disable/.test(line) && !/eslint-disable\S*\s+\S+\s+--\s+\S/.test(line))
        .map(({ i }) => `${file}:${i + 1}`),
    );
    expect(bare).toEqual([]);
  });

  it("never uses console.log in the service outside the terminal platform", () => {
    const offenders = [...files("src"), ...files("commands")].filter(
      (f) => !f.includes("platforms/terminal") && !f.includes("generated") && !f.endsWith("-cli.ts") && /console\.log\(/.test(readFileSync(f, "utf8")),
    );
    expect(offenders).toEqual([]);
  });
});
