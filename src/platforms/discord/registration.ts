/**
 * The `/cdce` application command, derived from the command registry: the same
 * definitions (names, localized help, option specs) that make the Slack manifest and the
 * terminal help. Pure: no network, no discord.js runtime (types only), so it is unit-tested.
 *
 * Shape: one chat-input command `cdce` with one subcommand per registry command (spaces
 * become `-`: `kit ajouter` -> `kit-ajouter`; subcommand groups once there are more than
 * 25, see layout.ts), typed options derived from the option specs, names and descriptions
 * localized for fr, de, nl, en-US and en-GB.
 *
 * Budget: Discord caps a command at 8,000 characters (names, descriptions, choices). When
 * the registry outgrows it, the builder degrades step by step, never silently dropping a
 * command: first closed sets shown as fixed choices become autocomplete (suggested at run
 * time with the same localized labels, so they cost nothing here), largest first; then
 * option descriptions are shortened to 40 characters, sub-command descriptions to 50, and
 * option descriptions further, down to 20. Past that, the last commands (registry order)
 * lose their typed place and are reached through `/cdce commande texte:"…"` (layout.ts).
 */
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  type APIApplicationCommandBasicOption,
  type APIApplicationCommandOptionChoice,
  type APIApplicationCommandSubcommandGroupOption,
  type APIApplicationCommandSubcommandOption,
  type LocalizationMap,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord.js";
import type { CommandDefinition, CommandRegistry } from "../../core/commands.js";
import type { Opt } from "../../core/options.js";
import { DEFAULT_LOCALE, LOCALES, type Locale, type LocalizedText } from "../../core/types.js";
import { choiceLabels } from "../../core/choice-labels.js";
import { clip as clipText } from "../../core/clip.js";
import { commandLayout, FALLBACK, type Layout } from "./layout.js";
import { commandProblems, commandSize, LIMITS, NAME_PATTERN } from "./registration-check.js";

export { commandProblems, commandSize, LIMITS } from "./registration-check.js";

/** The top-level command. */
export const ROOT_COMMAND = "cdce";

/** Discord's locales for each of ours (English has two on Discord). */
export const DISCORD_LOCALES: Record<Locale, readonly string[]> = {
  fr: ["fr"],
  de: ["de"],
  nl: ["nl"],
  en: ["en-US", "en-GB"],
};

const ROOT_HELP: LocalizedText = {
  fr: "L’assistant du réseau des Communes du Commerce Équitable",
  de: "Der Assistent des Netzwerks der Fair-Trade-Gemeinden",
  nl: "De assistent van het netwerk van Fairtrade-gemeenten",
  en: "The assistant of the Fair Trade Towns network",
};

/** The commands registered on Discord: all but the hidden ones (button follow-ups). */
export function registeredCommands(registry: CommandRegistry): CommandDefinition[] {
  return registry.all().filter((d) => !d.hidden);
}

const FALLBACK_HELP: LocalizedText = {
  fr: "Toute autre commande, tapée en texte (ex. : aide)",
  de: "Jeder andere Befehl, als Text eingegeben (z. B.: aide)",
  nl: "Elke andere opdracht, als tekst getypt (bv.: aide)",
  en: "Any other command, typed as text (e.g. aide)",
};
const FALLBACK_OPTION_HELP: LocalizedText = {
  fr: "La commande et ses options, comme sur Slack",
  de: "Der Befehl und seine Optionen, wie in Slack",
  nl: "De opdracht en haar opties, zoals in Slack",
  en: "The command and its options, as on Slack",
};

/** Cuts to `max` characters, ending with an ellipsis when cut. */
export function clip(s: string, max: number): string {
  const t = s.replace(/\s+/g, " ").trim();
  return clipText(t, max);
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

/** How much the build gives up to fit the budget (see the file comment). */
interface Plan {
  /** `command/option` keys of closed sets served by autocomplete instead of choices. */
  autocompleted: Set<string>;
  /** Longest option description. */
  descriptionMax: number;
  /** Longest sub-command description. */
  subDescriptionMax: number;
}

const keyOf = (command: string, option: string) => `${command}/${option}`;

/** Below this, an option description says too little to be worth its place. */
const MIN_DESCRIPTION = 20;

function choices(values: readonly string[]): APIApplicationCommandOptionChoice<string>[] {
  const labels = choiceLabels(values);
  return values.map((value) => {
    if (!labels) return { name: clip(value, LIMITS.choiceName), value };
    const { value: name, map } = localize(labels(value), LIMITS.choiceName);
    return { name, name_localizations: map, value };
  });
}

/** Whether an option is offered as fixed choices under `plan`. */
function hasChoices(command: string, name: string, spec: Opt<unknown>, plan: Plan): boolean {
  const n = spec.meta.values?.length ?? 0;
  return spec.meta.kind === "choice" && !spec.meta.autocomplete && n > 0 && n <= LIMITS.choices && !plan.autocompleted.has(keyOf(command, name));
}

function option(command: string, name: string, spec: Opt<unknown>, plan: Plan): APIApplicationCommandBasicOption {
  const { meta } = spec;
  const description = localize(meta.help, plan.descriptionMax);
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
    case "choice":
      if (hasChoices(command, name, spec, plan)) return { ...base, type: ApplicationCommandOptionType.String, choices: choices(meta.values!) };
      // Autocomplete and fixed choices exclude each other; autocomplete shows localized
      // labels (with counts for kit facets) and costs nothing in the registration budget.
      if (meta.autocomplete || (meta.values?.length ?? 0) > 0) return { ...base, type: ApplicationCommandOptionType.String, autocomplete: true };
      return { ...base, type: ApplicationCommandOptionType.String, max_length: 100 };
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

function subcommand(def: CommandDefinition, subName: string, plan: Plan): APIApplicationCommandSubcommandOption {
  const name = checkName(subName);
  const description = localize(def.help, plan.subDescriptionMax);
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
    options: sorted.map(([n, spec]) => option(def.name, n, spec, plan)),
  };
}

type Entry = APIApplicationCommandSubcommandOption | APIApplicationCommandSubcommandGroupOption;

/** The top-level entries: subcommands, and groups of subcommands (registry order). */
function entries(registry: CommandRegistry, plan: Plan, layout: Layout): Entry[] {
  const out: Entry[] = [];
  const groups = new Map<string, APIApplicationCommandSubcommandGroupOption>();
  for (const slot of layout.slots) {
    const def = registry.get(slot.command)!;
    if (!slot.group) {
      out.push(subcommand(def, slot.sub, plan));
      continue;
    }
    let group = groups.get(slot.group);
    if (!group) {
      // A group reads like its one-word command when there is one, else like its first member.
      const text = localize((registry.get(slot.group) ?? def).help, LIMITS.description);
      group = {
        type: ApplicationCommandOptionType.SubcommandGroup,
        name: checkName(slot.group),
        name_localizations: sameNameEverywhere(slot.group),
        description: text.value,
        description_localizations: text.map,
        options: [],
      };
      groups.set(slot.group, group);
      out.push(group);
    }
    group.options!.push(subcommand(def, slot.sub, plan));
  }
  if (layout.overflow.length) out.push(fallback());
  return out;
}

/** `/cdce commande texte:"…"`: the commands without a typed place, as free text. */
function fallback(): APIApplicationCommandSubcommandOption {
  const help = localize(FALLBACK_HELP, LIMITS.description);
  const optionHelp = localize(FALLBACK_OPTION_HELP, LIMITS.description);
  return {
    type: ApplicationCommandOptionType.Subcommand,
    name: FALLBACK.sub,
    name_localizations: sameNameEverywhere(FALLBACK.sub),
    description: help.value,
    description_localizations: help.map,
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: FALLBACK.option,
        name_localizations: sameNameEverywhere(FALLBACK.option),
        description: optionHelp.value,
        description_localizations: optionHelp.map,
        required: true,
        autocomplete: true,
        max_length: 4000,
      },
    ],
  };
}

/** Where the command is registered. */
export interface BuildOptions {
  /** Global commands also declare where they may be used; guild commands may not. */
  scope: "guild" | "global";
}

function assemble(registry: CommandRegistry, options: BuildOptions, plan: Plan, layout: Layout): RESTPostAPIChatInputApplicationCommandsJSONBody {
  const description = localize(ROOT_HELP, LIMITS.description);
  const command: RESTPostAPIChatInputApplicationCommandsJSONBody = {
    type: ApplicationCommandType.ChatInput,
    name: ROOT_COMMAND,
    name_localizations: sameNameEverywhere(ROOT_COMMAND),
    description: description.value,
    description_localizations: description.map,
    options: entries(registry, plan, layout),
  };
  if (options.scope === "global") {
    command.contexts = [InteractionContextType.Guild, InteractionContextType.BotDM];
    command.integration_types = [ApplicationIntegrationType.GuildInstall];
  }
  return command;
}

/** The next step of degradation, or false when there is none left. */
function degrade(registry: CommandRegistry, plan: Plan, layout: Layout): boolean {
  const typed = layout.slots.map((slot) => registry.get(slot.command)!);
  const candidates = typed.flatMap((d) =>
    Object.entries(d.options)
      .filter(([n, spec]) => hasChoices(d.name, n, spec, plan))
      .map(([n]) => ({ key: keyOf(d.name, n), size: commandSize({ name: "", options: [option(d.name, n, d.options[n]!, plan)] }) })),
  );
  const largest = candidates.sort((a, b) => b.size - a.size || a.key.localeCompare(b.key))[0];
  if (largest) return !!plan.autocompleted.add(largest.key);
  if (plan.descriptionMax > 40) return !!(plan.descriptionMax -= 10);
  if (plan.subDescriptionMax > 50) return !!(plan.subDescriptionMax -= 10);
  if (plan.descriptionMax > MIN_DESCRIPTION) return !!(plan.descriptionMax -= 5);
  return false;
}

/** The built command and where each command went. */
export interface RegistrationPlan extends Layout {
  command: RESTPostAPIChatInputApplicationCommandsJSONBody;
}

/**
 * The `/cdce` command for the registry, within Discord's limits: degraded step by step
 * to fit the budget, and, when even that is not enough, with the last commands (registry
 * order) moved to the free-text fallback.
 */
export function planRegistration(registry: CommandRegistry, options: BuildOptions = { scope: "guild" }): RegistrationPlan {
  const names = registeredCommands(registry).map((d) => d.name);
  const plan: Plan = { autocompleted: new Set(), descriptionMax: LIMITS.description, subDescriptionMax: LIMITS.description };
  let layout = commandLayout(names);
  for (;;) {
    let command = assemble(registry, options, plan, layout);
    while (commandSize(command) > LIMITS.totalChars && degrade(registry, plan, layout)) command = assemble(registry, options, plan, layout);
    if (commandSize(command) <= LIMITS.totalChars || layout.slots.length === 0) {
      const problems = commandProblems(command);
      if (problems.length) throw new Error(`invalid /cdce registration:\n${problems.join("\n")}`);
      return { command, ...layout };
    }
    layout = commandLayout(names, { typed: layout.slots.length - 1 });
  }
}

/** Where each registered command sits under `/cdce` (see layout.ts). */
export function layoutOf(registry: CommandRegistry): Layout {
  const { slots, overflow } = planRegistration(registry);
  return { slots, overflow };
}

/** The `/cdce` command with every visible command of the registry, within Discord's limits. */
export function buildCdceCommand(registry: CommandRegistry, options: BuildOptions = { scope: "guild" }): RESTPostAPIChatInputApplicationCommandsJSONBody {
  return planRegistration(registry, options).command;
}

/** The body of `PUT /applications/{app}[/guilds/{guild}]/commands`. */
export function buildRegistrationBody(registry: CommandRegistry, options?: BuildOptions) {
  return [buildCdceCommand(registry, options)];
}
