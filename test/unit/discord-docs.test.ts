/**
 * docs/discord.md names commands as a Discord user types them: each `/cdce …` it quotes must
 * be registered there (a sub-command, or a group and its sub-command) with the options it
 * shows. The layout moves as commands are added (layout.ts), so this keeps the page honest.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createRegistry } from "../../src/features/index.js";
import { buildCdceCommand } from "../../src/platforms/discord/registration.js";

interface Node {
  name: string;
  type: number;
  options?: Node[];
}
const SUB = 1;
const GROUP = 2;

const root = buildCdceCommand(createRegistry()) as unknown as Node;
const quoted = [...readFileSync("docs/discord.md", "utf8").matchAll(/`(\/cdce [^`]+)`/g)].map((m) => m[1]!);

/** What is wrong with one quoted command line, or undefined. */
function problem(line: string): string | undefined {
  const tokens = [...line.slice("/cdce ".length).matchAll(/([\w-]+):("[^"]*"|\S+)|(\S+)/g)];
  const words = tokens.filter((t) => t[3] !== undefined).map((t) => t[3]!);
  const options = tokens.filter((t) => t[1] !== undefined).map((t) => t[1]!);
  // Words come first on Discord (no positional values): the path, then only name:value.
  const firstOption = tokens.findIndex((t) => t[1] !== undefined);
  if (firstOption !== -1 && tokens.slice(firstOption).some((t) => t[3] !== undefined)) return "a bare word after an option";
  const first = root.options?.find((o) => o.name === words[0]);
  if (!first) return `no /cdce ${words[0]}`;
  let sub = first;
  if (first.type === GROUP) {
    const second = first.options?.find((o) => o.name === words[1]);
    if (!second) return `no /cdce ${words[0]} ${words[1] ?? ""} (${words[0]} is a group)`;
    sub = second;
    if (words.length > 2) return `extra words after /cdce ${words[0]} ${words[1]}`;
  } else if (first.type !== SUB || words.length > 1) {
    return `/cdce ${words[0]} is a sub-command: ${words.slice(1).join(" ")} cannot follow`;
  }
  const missing = options.filter((o) => !sub.options?.some((x) => x.name === o));
  return missing.length ? `unknown options ${missing.join(", ")}` : undefined;
}

describe("docs/discord.md", () => {
  it("quotes commands", () => {
    expect(quoted.length).toBeGreaterThan(8);
  });

  it("names only commands and options registered where it says", () => {
    const wrong = quoted.map((line) => [line, problem(line)] as const).filter(([, p]) => p !== undefined);
    expect(wrong).toEqual([]);
  });

  it("would catch a command placed wrong (the check itself)", () => {
    expect(problem("/cdce webinaire-planifier titre:X")).toMatch(/no \/cdce webinaire-planifier/);
    expect(problem("/cdce admin revendiquer code:X")).toBeUndefined();
    expect(problem("/cdce admin revendiquer motdepasse:X")).toMatch(/unknown options/);
  });
});
