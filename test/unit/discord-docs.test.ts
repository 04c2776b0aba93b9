/**
 * docs/discord.md names commands as a Discord user types them: each `/cdce…` it quotes must
 * be registered there (in its family: a sub-command, or a group and its sub-command) with the
 * options it shows, and every registered command and right-click command must be on the
 * page, so the page and the registration cannot drift apart either way.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createRegistry } from "../../src/features/index.js";
import { buildRegistrationBody } from "../../src/platforms/discord/registration.js";

interface Node {
  name: string;
  type: number;
  options?: Node[];
  name_localizations?: Record<string, string>;
}
const SUB = 1;
const GROUP = 2;

const body = buildRegistrationBody(createRegistry()) as unknown as Node[];
const roots = body.filter((c) => c.type === 1);
const page = readFileSync("docs/discord.md", "utf8");
const quoted = [...page.matchAll(/`(\/cdce[-\w]* [^`]+)`/g)].map((m) => m[1]!);

/** What is wrong with one quoted command line, or undefined. */
function problem(line: string): string | undefined {
  const [head, ...restWords] = line.slice(1).split(" ");
  const root = roots.find((c) => c.name === head);
  if (!root) return `no /${head}`;
  const tokens = [...restWords.join(" ").matchAll(/([\p{L}\w-]+):("[^"]*"|\S+)|(\S+)/gu)];
  const words = tokens.filter((t) => t[3] !== undefined).map((t) => t[3]!);
  const options = tokens.filter((t) => t[1] !== undefined).map((t) => t[1]!);
  // Words come first on Discord (no positional values): the path, then only name:value.
  const firstOption = tokens.findIndex((t) => t[1] !== undefined);
  if (firstOption !== -1 && tokens.slice(firstOption).some((t) => t[3] !== undefined)) return "a bare word after an option";
  const first = root.options?.find((o) => o.name === words[0]);
  if (!first) return `no /${head} ${words[0]}`;
  let sub = first;
  if (first.type === GROUP) {
    const second = first.options?.find((o) => o.name === words[1]);
    if (!second) return `no /${head} ${words[0]} ${words[1] ?? ""} (${words[0]} is a group)`;
    sub = second;
    if (words.length > 2) return `extra words after /${head} ${words[0]} ${words[1]}`;
  } else if (first.type !== SUB || words.length > 1) {
    return `/${head} ${words[0]} is a sub-command: ${words.slice(1).join(" ")} cannot follow`;
  }
  // An option may be shown by its base name or in one of its languages (`wörter:`).
  const missing = options.filter((o) => !sub.options?.some((x) => x.name === o || Object.values(x.name_localizations ?? {}).includes(o)));
  return missing.length ? `unknown options ${missing.join(", ")}` : undefined;
}

/** Every registered path: `/cdce kit`, `/cdce initiative voir`, `/cdce-admin canal`. */
function registeredPaths(): string[] {
  return roots.flatMap((root) => (root.options ?? []).flatMap((e) => (e.type === GROUP ? (e.options ?? []).map((s) => `/${root.name} ${e.name} ${s.name}`) : [`/${root.name} ${e.name}`])));
}

describe("docs/discord.md", () => {
  it("quotes commands of every family", () => {
    expect(quoted.length).toBeGreaterThan(40);
    for (const root of roots) expect(quoted.some((q) => q.startsWith(`/${root.name} `)), root.name).toBe(true);
  });

  it("names only commands and options registered where it says", () => {
    const wrong = quoted.map((line) => [line, problem(line)] as const).filter(([, p]) => p !== undefined);
    expect(wrong).toEqual([]);
  });

  it("shows every registered command and right-click command", () => {
    const shown = (path: string) => quoted.some((q) => q === path || q.startsWith(`${path} `));
    expect(registeredPaths().filter((p) => !shown(p))).toEqual([]);
    for (const menu of body.filter((c) => c.type !== 1)) {
      expect(page).toContain(`**${menu.name}**`);
      for (const name of Object.values(menu.name_localizations ?? {})) expect(page).toContain(name);
    }
  });

  it("would catch a command placed wrong (the check itself)", () => {
    expect(problem("/cdce config-canal usage:reseau")).toMatch(/no \/cdce config-canal/);
    expect(problem("/cdce kit kit")).toMatch(/is a sub-command/);
    expect(problem("/cdce-admin revendiquer code:X")).toBeUndefined();
    expect(problem("/cdce kit wörter:jeunes")).toBeUndefined();
    expect(problem("/cdce-admin revendiquer motdepasse:X")).toMatch(/unknown options/);
    expect(problem("/cdce-gestion canal")).toMatch(/no \/cdce-gestion/);
  });
});
