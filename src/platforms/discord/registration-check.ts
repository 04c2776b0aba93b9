/**
 * Discord's limits on application commands, and the check of a built command (and of the
 * whole registered set) against them: names and their localizations, description lengths,
 * option, sub-command and choice counts, the character budget of each chat-input command,
 * the number of commands of each type.
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
  /** Global chat-input commands per application. */
  chatInputCommands: 100,
  /** Global user and message context-menu commands per application (each). */
  userCommands: 5,
  messageCommands: 5,
  /**
   * Sum of names, descriptions and choice names/values of one command, each field counted
   * at its longest localization (Discord's docs; the limit was 4,000 before it was raised).
   */
  totalChars: 8000,
} as const;

/** Discord's pattern for chat-input command and option names (lower case enforced separately). */
export const NAME_PATTERN = /^[-_\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

/** The parts of a command the limits look at. */
export type Described = {
  name: string;
  description?: string;
  name_localizations?: LocalizationMap | null;
  description_localizations?: LocalizationMap | null;
  type?: number;
  required?: boolean;
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
  const visit = (node: Described, path: string, depth = 0) => {
    for (const [locale, name] of [["", node.name], ...Object.entries(node.name_localizations ?? {})] as [string, string][]) {
      if (!NAME_PATTERN.test(name) || name !== name.toLowerCase()) problems.push(`${path}: bad name${locale ? ` (${locale}) "${name}"` : ""}`);
    }
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
      if (typeof c.value === "string" && (c.value.length < 1 || c.value.length > LIMITS.choiceName)) problems.push(`${path}: choice value "${c.value}" length`);
    }
    const kinds = (node.options ?? []).map((o) => o.type);
    if (depth > 0 && node.type === GROUP && kinds.some((k) => k !== SUBCOMMAND)) problems.push(`${path}: a group holds only sub-commands`);
    // A top-level chat-input command has type 1 too: only options below it are sub-commands.
    if (depth > 0 && node.type === SUBCOMMAND && kinds.some((k) => k === SUBCOMMAND || k === GROUP)) problems.push(`${path}: nothing nests in a sub-command`);
    if ((node.options?.length ?? 0) > LIMITS.options) problems.push(`${path}: more than ${LIMITS.options} options`);
    problems.push(...siblingProblems(node.options ?? [], path));
    for (const o of node.options ?? []) visit(o, `${path} ${o.name}`, depth + 1);
  };
  visit(command, command.name);
  const total = commandSize(command);
  if (total > LIMITS.totalChars) problems.push(`${command.name}: ${total} characters (max ${LIMITS.totalChars})`);
  return problems;
}

const SUBCOMMAND = 1;
const GROUP = 2;
const CHAT_INPUT = 1;
const USER = 2;
const MESSAGE = 3;

/**
 * Problems among the options of one level: two with one name (in any locale, since a user
 * sees only theirs), a required option after an optional one, sub-commands mixed with
 * plain options, a group inside a sub-command.
 */
function siblingProblems(options: Described[], path: string): string[] {
  const problems: string[] = [];
  const seen = new Map<string, string>();
  for (const o of options) {
    const names = new Map<string, string>([["default", o.name], ...(Object.entries(o.name_localizations ?? {}) as [string, string][])]);
    for (const [locale, name] of names) {
      const key = `${locale === "default" ? "fr" : locale}:${name}`;
      const other = seen.get(key);
      if (other && other !== o.name) problems.push(`${path}: "${o.name}" and "${other}" are both "${name}" in ${locale}`);
      seen.set(key, o.name);
    }
  }
  const subs = options.filter((o) => o.type === SUBCOMMAND || o.type === GROUP).length;
  if (subs > 0 && subs < options.length) problems.push(`${path}: sub-commands mixed with options`);
  const firstOptional = options.findIndex((o) => o.type !== SUBCOMMAND && o.type !== GROUP && !o.required);
  if (firstOptional !== -1 && options.slice(firstOptional).some((o) => o.required)) problems.push(`${path}: a required option after an optional one`);
  return problems;
}

/** A context-menu name: 1-32 characters, any case, spaces allowed. */
const menuName = (name: string) => name.length >= 1 && name.length <= LIMITS.name;

/** Problems of the whole set registered in one PUT (one scope). */
export function registrationProblems(commands: readonly Described[]): string[] {
  const problems: string[] = [];
  const ofType = (t: number) => commands.filter((c) => (c.type ?? CHAT_INPUT) === t);
  if (ofType(CHAT_INPUT).length > LIMITS.chatInputCommands) problems.push(`more than ${LIMITS.chatInputCommands} chat-input commands`);
  if (ofType(USER).length > LIMITS.userCommands) problems.push(`more than ${LIMITS.userCommands} user commands`);
  if (ofType(MESSAGE).length > LIMITS.messageCommands) problems.push(`more than ${LIMITS.messageCommands} message commands`);
  for (const type of [CHAT_INPUT, USER, MESSAGE]) {
    // Names are unique within a type (and, as users see them, within each locale).
    problems.push(...siblingProblems(ofType(type).map((c) => ({ ...c, type: undefined, required: undefined })), `type ${type}`).filter((p) => !p.includes("required")));
  }
  for (const c of ofType(CHAT_INPUT)) problems.push(...commandProblems(c));
  for (const c of [...ofType(USER), ...ofType(MESSAGE)]) {
    for (const [locale, name] of [["", c.name], ...Object.entries(c.name_localizations ?? {})] as [string, string][]) {
      if (!menuName(name)) problems.push(`${c.name}: context-menu name${locale ? ` (${locale})` : ""} length ${name.length}`);
    }
    if (c.description || c.options?.length) problems.push(`${c.name}: a context-menu command takes no description or options`);
  }
  return problems;
}
