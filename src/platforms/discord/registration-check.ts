/**
 * Discord's limits on application commands, and the check of a built command against
 * them (names, description lengths, option and choice counts, character budget).
 */
import type { LocalizationMap } from "discord.js";

/** Discord's limits for application commands (documented in "Application Commands"). */
export const LIMITS = {
  name: 32,
  description: 100,
  choiceName: 100,
  choices: 25,
  options: 25,
  stringMax: 6000,
  /**
   * Sum of names, descriptions and choice names/values of one command, each field counted
   * at its longest localization (Discord's docs; the limit was 4,000 before it was raised).
   */
  totalChars: 8000,
} as const;

/** Discord's pattern for command and option names (lower case enforced separately). */
export const NAME_PATTERN = /^[-_\p{L}\p{N}]{1,32}$/u;

/** The parts of a command the limits look at. */
export type Described = {
  name: string;
  description?: string;
  name_localizations?: LocalizationMap | null;
  description_localizations?: LocalizationMap | null;
  options?: Described[];
  choices?: { name: string; value: string | number; name_localizations?: LocalizationMap | null }[];
};

const longest = (base: string, map: LocalizationMap | null | undefined) =>
  Math.max(base.length, ...Object.values((map ?? {}) as Record<string, string>).map((v) => v.length));

/** The characters a command counts against `LIMITS.totalChars`. */
export function commandSize(node: Described): number {
  let total = longest(node.name, node.name_localizations);
  if (node.description !== undefined) total += longest(node.description, node.description_localizations);
  for (const c of node.choices ?? []) total += longest(c.name, c.name_localizations) + String(c.value).length;
  for (const o of node.options ?? []) total += commandSize(o);
  return total;
}

/** Readable problems of a built command; empty when Discord would accept it. */
export function commandProblems(command: Described): string[] {
  const problems: string[] = [];
  const visit = (node: Described, path: string) => {
    if (!NAME_PATTERN.test(node.name) || node.name !== node.name.toLowerCase()) problems.push(`${path}: bad name`);
    if (node.description !== undefined && (node.description.length < 1 || node.description.length > LIMITS.description)) {
      problems.push(`${path}: description length ${node.description.length}`);
    }
    for (const [locale, text] of Object.entries(node.description_localizations ?? {})) {
      if (!text || text.length > LIMITS.description) problems.push(`${path}: description (${locale}) length`);
    }
    if ((node.choices?.length ?? 0) > LIMITS.choices) problems.push(`${path}: more than ${LIMITS.choices} choices`);
    for (const c of node.choices ?? []) {
      const names = [c.name, ...Object.values((c.name_localizations ?? {}) as Record<string, string>)];
      if (names.some((n) => n.length < 1 || n.length > LIMITS.choiceName)) problems.push(`${path}: choice "${c.value}" name length`);
    }
    if ((node.options?.length ?? 0) > LIMITS.options) problems.push(`${path}: more than ${LIMITS.options} options`);
    for (const o of node.options ?? []) visit(o, `${path} ${o.name}`);
  };
  visit(command, command.name);
  const total = commandSize(command);
  if (total > LIMITS.totalChars) problems.push(`${command.name}: ${total} characters (max ${LIMITS.totalChars})`);
  return problems;
}
