/**
 * The application commands, derived from the command registry: the same definitions
 * (names, localized help, option specs) that make the Slack manifest and the terminal help.
 * Pure: no network, no discord.js runtime (types only), so it is unit-tested.
 *
 * Shape: one chat-input command per family (families.ts: `/cdce` for everyday actions,
 * `/cdce-admin`, `/cdce-organiser`, `/cdce-copil`, `/cdce-veille`, `/cdce-membres`), each holding its
 * commands as sub-commands or groups (layout.ts), typed options from the option specs,
 * and the context-menu commands (context-menus.ts) whose registry command exists. Every
 * name and description is localized for fr, de, nl, en-GB and en-US (names: names.ts).
 *
 * Budget: each family has Discord's limits of its own (8,000 characters, 25 entries).
 * Descriptions are given whole (up to Discord's 100 characters); nothing degrades: a
 * family over a limit fails the build with its name, and the registration test with it.
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
  type RESTPostAPIContextMenuApplicationCommandsJSONBody,
} from "discord.js";
import type { CommandDefinition, CommandRegistry } from "../../core/commands.js";
import type { Opt } from "../../core/options.js";
import { DEFAULT_LOCALE, LOCALES, type Locale, type LocalizedText } from "../../core/types.js";
import { choiceLabels } from "../../core/choice-labels.js";
import { clip as clipText } from "../../core/clip.js";
import { CONTEXT_MENUS } from "./context-menus.js";
import { FAMILY_HELP, GROUP_HELP, ROOT_COMMAND, type Family } from "./families.js";
import { discordLayout, usedFamilies, type Layout, type Slot } from "./layout.js";
import { localizedName } from "./names.js";
import { registrationProblems, LIMITS, NAME_PATTERN } from "./registration-check.js";

export { commandProblems, commandSize, LIMITS, registrationProblems } from "./registration-check.js";
export { ROOT_COMMAND } from "./families.js";

/** Discord's locales for each of ours (English has two on Discord). */
export const DISCORD_LOCALES: Record<Locale, readonly string[]> = {
  fr: ["fr"],
  de: ["de"],
  nl: ["nl"],
  en: ["en-US", "en-GB"],
};

/** The commands registered on Discord: all but the hidden ones (button follow-ups). */
export function registeredCommands(registry: CommandRegistry): CommandDefinition[] {
  return registry.all().filter((d) => !d.hidden);
}

/** Cuts to `max` characters, ending with an ellipsis when cut. */
export function clip(s: string, max: number): string {
  const t = s.replace(/\s+/g, " ").trim();
  return clipText(t, max);
}

/** A localized text as Discord's default (French first) and its localizations map. */
export function localize(text: LocalizedText, max: number): { value: string; map: LocalizationMap } {
  const map: Record<string, string> = {};
  for (const locale of LOCALES) {
    for (const discordLocale of DISCORD_LOCALES[locale]) map[discordLocale] = clip(text[locale] ?? text.fr, max);
  }
  return { value: clip(text[DEFAULT_LOCALE] ?? text.fr, max), map: map as LocalizationMap };
}

/** Builds names and remembers which ones had no words of their own (names.ts). */
class Namer {
  readonly derived = new Set<string>();

  /** `own`: the words the command itself gives this name (an option's `optionWords`), read first. */
  name(word: string, where: string, own?: Partial<Record<"de" | "nl" | "en", string>>): { name: string; name_localizations: LocalizationMap } {
    if (word !== word.toLowerCase() || !NAME_PATTERN.test(word)) throw new Error(`"${word}" is not a valid Discord command or option name`);
    const fromCommand = own && ownWords(own);
    if (fromCommand) return { name: word, name_localizations: { fr: word, de: fromCommand.de, nl: fromCommand.nl, "en-GB": fromCommand.en, "en-US": fromCommand.en } as LocalizationMap };
    const { map, derived } = localizedName(word);
    if (derived) this.derived.add(`${where}: ${word}`);
    return { name: word, name_localizations: map };
  }
}

/** A command's own words as Discord names (lower case, dashes for spaces), when all three fit Discord's rule. */
function ownWords(own: Partial<Record<"de" | "nl" | "en", string>>): Record<"de" | "nl" | "en", string> | undefined {
  const asName = (w: string | undefined) => w?.toLowerCase().trim().replace(/\s+/g, "-");
  const de = asName(own.de), nl = asName(own.nl), en = asName(own.en);
  return de && nl && en && [de, nl, en].every((n) => NAME_PATTERN.test(n)) ? { de, nl, en } : undefined;
}

function choices(values: readonly string[]): APIApplicationCommandOptionChoice<string>[] {
  const labels = choiceLabels(values);
  return values.map((value) => {
    if (!labels) return { name: clip(value, LIMITS.choiceName), value };
    const { value: name, map } = localize(labels(value), LIMITS.choiceName);
    return { name, name_localizations: map, value };
  });
}

function option(namer: Namer, where: string, name: string, spec: Opt<unknown>, own?: Partial<Record<"de" | "nl" | "en", string>>): APIApplicationCommandBasicOption {
  const { meta } = spec;
  const description = localize(meta.help, LIMITS.description);
  const base = { ...namer.name(name, `${where} option`, own), description: description.value, description_localizations: description.map, required: meta.required };
  switch (meta.kind) {
    case "int":
      return {
        ...base,
        type: ApplicationCommandOptionType.Integer,
        ...(meta.min !== undefined ? { min_value: meta.min } : {}),
        ...(meta.max !== undefined ? { max_value: meta.max } : {}),
      };
    case "choice": {
      const n = meta.values?.length ?? 0;
      if (!meta.autocomplete && n > 0 && n <= LIMITS.choices) return { ...base, type: ApplicationCommandOptionType.String, choices: choices(meta.values!) };
      // Autocomplete shows localized labels (with counts for kit facets) while typing.
      if (meta.autocomplete || n > 0) return { ...base, type: ApplicationCommandOptionType.String, autocomplete: true };
      return { ...base, type: ApplicationCommandOptionType.String, max_length: 100 };
    }
    case "list":
      // Several values, comma-separated, as typed on Slack; the core validates them.
      return { ...base, type: ApplicationCommandOptionType.String, max_length: 500 };
    case "file":
      // Discord uploads it and sends it resolved with the interaction (interactions.ts downloads it).
      return { ...base, type: ApplicationCommandOptionType.Attachment };
    case "text":
      return {
        ...base,
        type: ApplicationCommandOptionType.String,
        ...(meta.autocomplete ? { autocomplete: true } : {}),
        max_length: Math.min(meta.max ?? 500, LIMITS.stringMax),
      };
  }
}

/**
 * Options in the order a person fills them: required ones first (Discord's rule), then the
 * one that takes the free words (`/cdce kit mots:jeunes`), then the others as declared.
 */
function ordered(def: CommandDefinition): [string, Opt<unknown>][] {
  const rank = (spec: Opt<unknown>) => (spec.meta.required ? 0 : spec.meta.rest ? 1 : 2);
  return Object.entries(def.options)
    .map((entry, i) => ({ entry, i }))
    .sort((a, b) => rank(a.entry[1]) - rank(b.entry[1]) || a.i - b.i)
    .map((x) => x.entry);
}

function subcommand(namer: Namer, def: CommandDefinition, slot: Slot): APIApplicationCommandSubcommandOption {
  const where = `/${[slot.root, slot.group, slot.sub].filter(Boolean).join(" ")}`;
  const description = localize(def.help, LIMITS.description);
  return {
    type: ApplicationCommandOptionType.Subcommand,
    ...namer.name(slot.sub, where),
    description: description.value,
    description_localizations: description.map,
    options: ordered(def).map(([n, spec]) => option(namer, where, n, spec, def.optionWords?.[n])),
  };
}

type Entry = APIApplicationCommandSubcommandOption | APIApplicationCommandSubcommandGroupOption;

function familyCommand(namer: Namer, registry: CommandRegistry, layout: Layout, family: Family, scope: BuildOptions["scope"]): RESTPostAPIChatInputApplicationCommandsJSONBody {
  const entries: Entry[] = [];
  const groups = new Map<string, APIApplicationCommandSubcommandGroupOption>();
  for (const slot of layout.slots.filter((s) => s.root === family)) {
    const sub = subcommand(namer, registry.get(slot.command)!, slot);
    if (!slot.group) {
      entries.push(sub);
      continue;
    }
    let group = groups.get(slot.group);
    if (!group) {
      // A group without its own words reads like its first member.
      const text = localize(GROUP_HELP[slot.group] ?? registry.get(slot.command)!.help, LIMITS.description);
      group = { type: ApplicationCommandOptionType.SubcommandGroup, ...namer.name(slot.group, `/${family}`), description: text.value, description_localizations: text.map, options: [] };
      groups.set(slot.group, group);
      entries.push(group);
    }
    group.options!.push(sub);
  }
  const description = localize(FAMILY_HELP[family], LIMITS.description);
  const command: RESTPostAPIChatInputApplicationCommandsJSONBody = {
    type: ApplicationCommandType.ChatInput,
    ...namer.name(family, "top-level"),
    description: description.value,
    description_localizations: description.map,
    options: entries,
  };
  return withScope(command, scope);
}

/** Global commands also declare where they may be used; guild commands may not. */
function withScope<T extends { contexts?: InteractionContextType[] | null; integration_types?: ApplicationIntegrationType[] }>(command: T, scope: BuildOptions["scope"]): T {
  if (scope === "global") {
    command.contexts = [InteractionContextType.Guild, InteractionContextType.BotDM];
    command.integration_types = [ApplicationIntegrationType.GuildInstall];
  }
  return command;
}

/** Context-menu commands whose registry command exists (a test registry may lack them). */
function contextMenus(registry: CommandRegistry, scope: BuildOptions["scope"]): RESTPostAPIContextMenuApplicationCommandsJSONBody[] {
  return CONTEXT_MENUS.filter((m) => registry.get(m.command)).map((m) => {
    const command: RESTPostAPIContextMenuApplicationCommandsJSONBody = { type: m.type, name: m.name, name_localizations: m.names };
    // Right-clicking in a DM with the bot has no message of the network or member to act on.
    if (scope === "global") return { ...command, contexts: [InteractionContextType.Guild], integration_types: [ApplicationIntegrationType.GuildInstall] };
    return command;
  });
}

/** Where the commands are registered. */
export interface BuildOptions {
  scope: "guild" | "global";
}

/** Everything registered, where each command went, and the names derived for want of words. */
export interface RegistrationPlan extends Layout {
  chatInput: RESTPostAPIChatInputApplicationCommandsJSONBody[];
  contextMenus: RESTPostAPIContextMenuApplicationCommandsJSONBody[];
  /** `where: word` of each name without words of its own in names.ts, sorted. */
  derived: string[];
}

/** The application commands of the registry, checked against every Discord limit. */
export function planRegistration(registry: CommandRegistry, options: BuildOptions = { scope: "guild" }): RegistrationPlan {
  const layout = discordLayout(registry);
  const namer = new Namer();
  const chatInput = usedFamilies(layout).map((family) => familyCommand(namer, registry, layout, family, options.scope));
  const menus = contextMenus(registry, options.scope);
  const problems = registrationProblems([...chatInput, ...menus]);
  if (problems.length) throw new Error(`invalid Discord registration:\n${problems.join("\n")}`);
  return { ...layout, chatInput, contextMenus: menus, derived: [...namer.derived].sort() };
}

/** Where each registered command sits (see layout.ts). */
export function layoutOf(registry: CommandRegistry): Layout {
  return discordLayout(registry);
}

/** The everyday `/cdce` command. */
export function buildCdceCommand(registry: CommandRegistry, options: BuildOptions = { scope: "guild" }): RESTPostAPIChatInputApplicationCommandsJSONBody {
  const cdce = planRegistration(registry, options).chatInput.find((c) => c.name === ROOT_COMMAND);
  if (!cdce) throw new Error("no command of the registry goes under /cdce");
  return cdce;
}

/** The body of `PUT /applications/{app}[/guilds/{guild}]/commands`: the whole set, replacing what was there. */
export function buildRegistrationBody(registry: CommandRegistry, options?: BuildOptions): (RESTPostAPIChatInputApplicationCommandsJSONBody | RESTPostAPIContextMenuApplicationCommandsJSONBody)[] {
  const plan = planRegistration(registry, options);
  return [...plan.chatInput, ...plan.contextMenus];
}
