/**
 * The `/cdce` application command, derived from the command registry: the same
 * definitions (names, localized help, option specs) that make the Slack manifest and the
 * terminal help. Pure: no network, no discord.js runtime (types only), so it is unit-tested.
 *
 * Shape: one chat-input command `cdce` with one subcommand per registry command (spaces
 * become `-`: `kit ajouter` -> `kit-ajouter`), typed options derived from the option
 * specs, names and descriptions localized for fr, de, nl, en-US and en-GB.
 */
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  type APIApplicationCommandBasicOption,
  type APIApplicationCommandOptionChoice,
  type APIApplicationCommandSubcommandOption,
  type LocalizationMap,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord.js";
import type { CommandDefinition, CommandRegistry } from "../../core/commands.js";
import type { Opt } from "../../core/options.js";
import { DEFAULT_LOCALE, LOCALES, type Locale, type LocalizedText } from "../../core/types.js";
import { CATALOGUES, type MessageKey } from "../../i18n/catalogue.js";

/** The top-level command. */
export const ROOT_COMMAND = "cdce";

/** Discord's locales for each of ours (English has two on Discord). */
export const DISCORD_LOCALES: Record<Locale, readonly string[]> = {
  fr: ["fr"],
  de: ["de"],
  nl: ["nl"],
  en: ["en-US", "en-GB"],
};

/** Discord's limits for application commands (documented in "Application Commands"). */
export const LIMITS = {
  name: 32,
  description: 100,
  choiceName: 100,
  choices: 25,
  options: 25,
  subcommands: 25,
  stringMax: 6000,
  /** Sum of names, descriptions and choice names/values of one command, per locale. */
  totalChars: 4000,
} as const;

const NAME_PATTERN = /^[-_\p{L}\p{N}]{1,32}$/u;

const ROOT_HELP: LocalizedText = {
  fr: "L’assistant du réseau des Communes du Commerce Équitable",
  de: "Der Assistent des Netzwerks der Fair-Trade-Gemeinden",
  nl: "De assistent van het netwerk van Fairtrade-gemeenten",
  en: "The assistant of the Fair Trade Towns network",
};

/** `kit ajouter` -> `kit-ajouter` (Discord names have no spaces). */
export function subcommandName(commandName: string): string {
  return commandName.trim().toLowerCase().replace(/\s+/g, "-");
}

/** `kit-ajouter` -> `kit ajouter`. */
export function commandNameOf(subcommand: string): string {
  return subcommand.replace(/-/g, " ");
}

/** Cuts to `max` characters, ending with an ellipsis when cut. */
export function clip(s: string, max: number): string {
  const t = s.replace(/\s+/g, " ").trim();
  return t.length <= max ? t : `${t.slice(0, max - 1).trimEnd()}…`;
}

function checkName(name: string): string {
  if (name !== name.toLowerCase() || !NAME_PATTERN.test(name)) {
    throw new Error(`"${name}" is not a valid Discord command or option name`);
  }
  return name;
}

/** A localized text as Discord's default (French first) and its localizations map. */
export function localize(text: LocalizedText, max: number): { value: string; map: LocalizationMap } {
  const map: Record<string, string> = {};
  for (const locale of LOCALES) {
    for (const discordLocale of DISCORD_LOCALES[locale]) map[discordLocale] = clip(text[locale] ?? text.fr, max);
  }
  return { value: clip(text[DEFAULT_LOCALE] ?? text.fr, max), map: map as LocalizationMap };
}

/**
 * Names stay the same words in every language: the help texts, Slack, the terminal and
 * the docs all say `/cdce kit ajouter`, so Discord shows those words too. The map is still
 * sent, complete, so that every supported locale is explicit.
 */
function sameNameEverywhere(name: string): LocalizationMap {
  return localize({ fr: name }, LIMITS.name).map;
}

/** Vocabularies whose labels live in the catalogue (`format.affiche`, `language.de`...). */
const LABEL_PREFIXES = ["audience", "theme", "format", "profile", "language"] as const;

/** The localized labels of a closed set of values, when the catalogue has them all. */
function choiceLabels(values: readonly string[]): ((v: string) => LocalizedText) | undefined {
  const fr = CATALOGUES.fr as Record<string, string>;
  const prefix = LABEL_PREFIXES.find((p) => values.every((v) => `${p}.${v}` in fr));
  if (!prefix) return undefined;
  return (v) => {
    const key = `${prefix}.${v}` as MessageKey;
    const text: Record<string, string> = {};
    for (const l of LOCALES) text[l] = CATALOGUES[l][key];
    return text as LocalizedText;
  };
}

function choices(values: readonly string[]): APIApplicationCommandOptionChoice<string>[] {
  const labels = choiceLabels(values);
  return values.map((value) => {
    if (!labels) return { name: clip(value, LIMITS.choiceName), value };
    const { value: name, map } = localize(labels(value), LIMITS.choiceName);
    return { name, name_localizations: map, value };
  });
}

function option(name: string, spec: Opt<unknown>): APIApplicationCommandBasicOption {
  const { meta } = spec;
  const description = localize(meta.help, LIMITS.description);
  const base = {
    name: checkName(name),
    name_localizations: sameNameEverywhere(name),
    description: description.value,
    description_localizations: description.map,
    required: meta.required,
  };
  switch (meta.kind) {
    case "int":
      return {
        ...base,
        type: ApplicationCommandOptionType.Integer,
        ...(meta.min !== undefined ? { min_value: meta.min } : {}),
        ...(meta.max !== undefined ? { max_value: meta.max } : {}),
      };
    case "choice": {
      const values = meta.values ?? [];
      // Autocomplete and fixed choices exclude each other on Discord; autocomplete wins
      // because it can show localized labels with counts from the live catalogue.
      if (meta.autocomplete) return { ...base, type: ApplicationCommandOptionType.String, autocomplete: true };
      if (values.length > 0 && values.length <= LIMITS.choices) {
        return { ...base, type: ApplicationCommandOptionType.String, choices: choices(values) };
      }
      // Too many values for a menu: free text, validated by the core like on Slack.
      return { ...base, type: ApplicationCommandOptionType.String, max_length: 100 };
    }
    case "list":
      // Several values, comma-separated, as typed on Slack; the core validates them.
      return { ...base, type: ApplicationCommandOptionType.String, max_length: 500 };
    case "text":
      return {
        ...base,
        type: ApplicationCommandOptionType.String,
        ...(meta.autocomplete ? { autocomplete: true } : {}),
        max_length: Math.min(meta.max ?? 500, LIMITS.stringMax),
      };
  }
}

function subcommand(def: CommandDefinition): APIApplicationCommandSubcommandOption {
  const name = checkName(subcommandName(def.name));
  const description = localize(def.help, LIMITS.description);
  const specs = Object.entries(def.options);
  if (specs.length > LIMITS.options) throw new Error(`command "${def.name}" has more than ${LIMITS.options} options`);
  // Discord wants required options before optional ones.
  const sorted = [...specs].sort(([, a], [, b]) => Number(b.meta.required) - Number(a.meta.required));
  return {
    type: ApplicationCommandOptionType.Subcommand,
    name,
    name_localizations: sameNameEverywhere(name),
    description: description.value,
    description_localizations: description.map,
    options: sorted.map(([n, spec]) => option(n, spec)),
  };
}

export interface BuildOptions {
  /** Global commands also declare where they may be used; guild commands may not. */
  scope: "guild" | "global";
}

/** The `/cdce` command with every command of the registry as a subcommand. */
export function buildCdceCommand(
  registry: CommandRegistry,
  options: BuildOptions = { scope: "guild" },
): RESTPostAPIChatInputApplicationCommandsJSONBody {
  const defs = registry.all();
  if (defs.length > LIMITS.subcommands) throw new Error(`more than ${LIMITS.subcommands} sub-commands: group them`);
  const description = localize(ROOT_HELP, LIMITS.description);
  const command: RESTPostAPIChatInputApplicationCommandsJSONBody = {
    type: ApplicationCommandType.ChatInput,
    name: ROOT_COMMAND,
    name_localizations: sameNameEverywhere(ROOT_COMMAND),
    description: description.value,
    description_localizations: description.map,
    options: defs.map(subcommand),
  };
  if (options.scope === "global") {
    command.contexts = [InteractionContextType.Guild, InteractionContextType.BotDM];
    command.integration_types = [ApplicationIntegrationType.GuildInstall];
  }
  const problems = commandProblems(command);
  if (problems.length) throw new Error(`invalid /cdce registration:\n${problems.join("\n")}`);
  return command;
}

/** The body of `PUT /applications/{app}[/guilds/{guild}]/commands`. */
export function buildRegistrationBody(registry: CommandRegistry, options?: BuildOptions) {
  return [buildCdceCommand(registry, options)];
}

type Described = {
  name: string;
  description?: string;
  name_localizations?: LocalizationMap | null;
  description_localizations?: LocalizationMap | null;
  options?: Described[];
  choices?: { name: string; value: string | number; name_localizations?: LocalizationMap | null }[];
};

/**
 * Checks Discord's limits on a built command: name pattern, description lengths, choice
 * counts and the 4,000-character budget in each locale. Returns readable problems.
 */
export function commandProblems(command: Described): string[] {
  const problems: string[] = [];
  const locales = ["default", ...LOCALES.flatMap((l) => DISCORD_LOCALES[l])];
  const totals = new Map(locales.map((l) => [l, 0]));
  const pick = (base: string, map: LocalizationMap | null | undefined, locale: string) =>
    locale === "default" ? base : ((map as Record<string, string> | undefined)?.[locale] ?? base);
  const visit = (node: Described, path: string) => {
    if (!NAME_PATTERN.test(node.name) || node.name !== node.name.toLowerCase()) problems.push(`${path}: bad name`);
    if (node.description !== undefined && (node.description.length < 1 || node.description.length > LIMITS.description)) {
      problems.push(`${path}: description length ${node.description.length}`);
    }
    for (const [locale, text] of Object.entries(node.description_localizations ?? {})) {
      if (!text || text.length > LIMITS.description) problems.push(`${path}: description (${locale}) length`);
    }
    for (const locale of locales) {
      const add = pick(node.name, node.name_localizations, locale).length +
        (node.description === undefined ? 0 : pick(node.description, node.description_localizations, locale).length);
      totals.set(locale, (totals.get(locale) ?? 0) + add);
    }
    if ((node.choices?.length ?? 0) > LIMITS.choices) problems.push(`${path}: more than ${LIMITS.choices} choices`);
    for (const c of node.choices ?? []) {
      for (const locale of locales) {
        const name = pick(c.name, c.name_localizations, locale);
        if (name.length < 1 || name.length > LIMITS.choiceName) problems.push(`${path}: choice "${c.value}" name length`);
        totals.set(locale, (totals.get(locale) ?? 0) + name.length + String(c.value).length);
      }
    }
    if ((node.options?.length ?? 0) > LIMITS.options) problems.push(`${path}: more than ${LIMITS.options} options`);
    for (const o of node.options ?? []) visit(o, `${path} ${o.name}`);
  };
  visit(command, command.name);
  for (const [locale, total] of totals) {
    if (total > LIMITS.totalChars) problems.push(`${command.name}: ${total} characters in locale ${locale} (max ${LIMITS.totalChars})`);
  }
  return problems;
}
