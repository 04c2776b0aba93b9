/**
 * What the documentation tells people to type exists: every `npm run X` is a script of
 * package.json, every `/cdce …` command is in the registry (its name or an alias, in any of
 * the four languages; or Discord's free-text entry), and every environment variable named is
 * one the bot reads (src/config.ts). Read from README.md and docs/*.md.
 */
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CONFIG_VARIABLES } from "../../src/config.js";
import { createRegistry } from "../../src/features/index.js";
import { FALLBACK } from "../../src/platforms/discord/layout.js";

const files = ["README.md", ...readdirSync("docs").filter((f) => f.endsWith(".md")).map((f) => `docs/${f}`)];
const docs = files.map((file) => ({ file, text: readFileSync(file, "utf8") }));
const scripts = (JSON.parse(readFileSync("package.json", "utf8")) as { scripts: Record<string, string> }).scripts;
const registry = createRegistry();

/**
 * Upper-case names in the docs that are not the bot's variables, each with its reason. A new
 * entry here must be one of these kinds, never a variable the bot is supposed to read.
 */
const NOT_BOT_VARIABLES = new Map([
  ["POSTGRES_PASSWORD", "the PostgreSQL container's variable in compose.yaml"],
  ["APPLICATION_ID", "a placeholder inside a Discord invite URL"],
  ["SERVER_ID", "a placeholder inside a Discord API URL"],
  ["GUILD_CREATE", "a Discord gateway event"],
  ["INTERACTION_CREATE", "a Discord gateway event"],
  ["MOMENTUM_CONFIG", "a constant in the code (src/features/watch/config.ts)"],
]);

/** `/cdce word word` → whether the registry knows the command (two words first, as the parser). */
function knownCommand(words: string[]): boolean {
  const [first, second] = words;
  if (!first) return true;
  if (first === FALLBACK.sub) return true;
  // Discord writes an ungrouped two-word command with a dash (`/cdce config-canal`).
  if (first.includes("-") && registry.get(first.replace(/-/g, " "))) return true;
  return !!((second && registry.get(`${first} ${second}`)) || registry.get(first));
}

describe("documentation references", () => {
  it("reads README.md and the docs, install and upgrade guides included", () => {
    expect(files).toEqual(expect.arrayContaining(["README.md", "docs/install.md", "docs/upgrade.md", "docs/slack.md", "docs/discord.md"]));
  });

  it("every `npm run X` is a script of package.json", () => {
    const missing = docs.flatMap(({ file, text }) => [...text.matchAll(/npm run ([\w:.-]+)/g)].filter((m) => !Object.hasOwn(scripts, m[1]!)).map((m) => `${file}: npm run ${m[1]}`));
    expect(missing).toEqual([]);
    expect(docs.find((d) => d.file === "docs/install.md")!.text).toContain("npm run doctor");
  });

  it("every /cdce command is in the registry", () => {
    const unknown: string[] = [];
    let seen = 0;
    for (const { file, text } of docs) {
      for (const m of text.matchAll(/\/cdce((?: +[^\s`"'|<>…,.;)\]]+){0,2})/g)) {
        const words = m[1]!.trim().split(/\s+/).filter(Boolean);
        // Option words (`usage:commune`) and placeholders (`<sub-command>`) are not command names.
        const names = words.filter((w, i) => /^\p{L}[\p{L}\p{N}-]*$/u.test(w) && words.slice(0, i).every((p) => /^\p{L}[\p{L}\p{N}-]*$/u.test(p)));
        if (names.length === 0) continue;
        seen++;
        if (!knownCommand(names)) unknown.push(`${file}: ${m[0]}`);
      }
    }
    expect(seen).toBeGreaterThan(50);
    expect(unknown).toEqual([]);
  });

  it("every environment variable named is one the bot reads", () => {
    const known = new Set(CONFIG_VARIABLES);
    const unknown = docs.flatMap(({ file, text }) =>
      [...text.matchAll(/\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/g)].filter((m) => !known.has(m[0]) && !NOT_BOT_VARIABLES.has(m[0])).map((m) => `${file}: ${m[0]}`),
    );
    expect([...new Set(unknown)]).toEqual([]);
    // Nothing listed as "not the bot's" is in fact read by the bot.
    expect([...NOT_BOT_VARIABLES.keys()].filter((v) => known.has(v))).toEqual([]);
  });
});
