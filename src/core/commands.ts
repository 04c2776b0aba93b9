/**
 * How a sub-command is defined, and the registry that holds them. A command file in
 * `commands/<feature>/` calls `defineCommand`; its feature's declaration
 * (src/features/<feature>/feature.ts) lists it, and the registry is built from the features.
 */
import type { Actor, Clock, Form, IncomingFile, LocalizedText, Locale, Reply, ChannelRef } from "./types.js";
import type { Repositories } from "./ports.js";
import type { Translate } from "./i18n/catalogue.js";
import type { Logger } from "./logger.js";
import type { OptionSpecs, OptionValues } from "./options.js";
import type { Permission } from "./permissions.js";
import type { PlatformUsers } from "./platform-users.js";
import type { PlatformCalendars } from "./calendar.js";
import type { Notifier, OutboxAdmin } from "./notify.js";
import type { Community } from "./community.js";
import type { Commune } from "./ports.js";
import type { MessageKey } from "./i18n/catalogue.js";
import { scopeSpec, type CommuneOf, type Scope } from "./scope.js";
import { allCommandWords, type CommandWords, type Intent, type OptionWords } from "./command-words.js";
import { fold } from "./fold.js";

export { commandWords, optionWord, usageLine, localizeLine, optionAliases, INTENTS } from "./command-words.js";
export type { CommandWords, Intent, OptionWords } from "./command-words.js";

/** What every handler receives. Repositories and services are passed in, never imported. */
export interface CommandContext<O, C = undefined> {
  options: O;
  actor: Actor;
  /** The commune of the command's `scope`, resolved and permission-checked by the chain. */
  commune: C;
  /** What the chain records as the declared `activity` (see ActivityNote). */
  activity: ActivityNote;
  locale: Locale;
  t: Translate;
  now: Date;
  /** When the person acted, as the platform stamped it (see core/acted-at.ts); `now` when it did not. */
  actedAt: Date;
  channel?: ChannelRef;
  /** Files sent with the command (see IncomingCommand.files); empty when none. */
  files: readonly IncomingFile[];
  services: Services;
  /** The registry, for commands that list others (aide). */
  registry: CommandRegistry;
  /** Who a user id typed in a command is on its platform (`/cdce role`). */
  users: PlatformUsers;
}

/**
 * What the features add to the services: each feature declares its own fields (its stores
 * and services) in its index.ts, by `declare module` on this interface, so that the kernel
 * names no feature. The wiring (src/compose-services.ts) builds them all.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by declaration merging
export interface FeatureServices {}

/** The services the commands use; built once in src/compose-services.ts. */
export interface Services extends FeatureServices {
  repos: Repositories;
  clock: Clock;
  logger: Logger;
  /** Messages the bot sends on its own (reminders, alerts): see src/core/notify.ts. */
  notifier: Notifier;
  /** The outbox queue, for `/cdce admin envois`. */
  outbox: OutboxAdmin;
  /**
   * The platforms' calendars (Discord scheduled events) running in this process: their
   * adapters register what they can read there (see src/core/calendar.ts).
   */
  calendars?: PlatformCalendars;
  /** Initiatives, experience sheets, polls, idea box, tool inventory, privacy (each adds its own store). */
  community: Community;
  /**
   * Runs `work` as one unit: everything it changes through `scope` (repositories,
   * notifier, events, ...), the activity it records and the messages it promises to send
   * (outbox rows) are saved together when it returns, or not at all when it throws or the
   * process dies first. Messages due now go out once it is saved. Inside a unit, a unit
   * joins the one already open. It may be run again, whole, when it lost a race with
   * another writer: do in it nothing but reads and writes through `scope`.
   */
  transaction<T>(work: (scope: Services) => Promise<T>): Promise<T>;
  /** Where citizens reach the public pages (PUBLIC_URL, no trailing slash), when they are served. */
  publicUrl?: string;
}

/**
 * The activity a command's success adds to its commune's log (what the momentum watch and
 * the Fair-O-Mètre evidence read): a kind, recorded with no details, or a kind with the
 * details taken from the options. The chain records it in the command's transaction, for
 * the scope's commune, the caller, at `now`.
 */
export type ActivityDeclaration<O> = string | { kind: string; data: (done: { options: O; commune: Commune }) => Record<string, unknown> | null };

/**
 * How `run` tells the chain what only it learned: the details of the declared activity (the
 * member it removed), or that nothing changed after all (a grade corrected).
 */
export interface ActivityNote {
  set(data: Record<string, unknown>): void;
  skip(): void;
}

export interface CommandDefinition<S extends OptionSpecs = OptionSpecs, C extends Scope<OptionValues<S>> | undefined = Scope<OptionValues<S>> | undefined> {
  /** One or two words: `kit`, `kit ajouter`. Discord uses it with `-` for spaces. */
  name: string;
  /** Other words that reach it (`help`, `hilfe`, `hulp` for `aide`). */
  aliases?: string[];
  /**
   * Its words in each language, as many words as `name` (`{ fr: "webinaire rejoindre", de:
   * "webinar anmelden", nl: "webinar aanmelden", en: "webinar join" }`): shown to readers of
   * that language (help, usage, buttons), accepted from everyone. Discord's name
   * localizations come from here too. test/unit/command-words.test.ts requires them.
   */
  words?: CommandWords;
  /** Option names per language where they differ from the option's own: `{ titre: { de: "titel", en: "title" } }`. */
  optionWords?: Record<string, OptionWords>;
  /** What a person wants when they reach for it: help groups commands by it. */
  intent?: Intent;
  help: LocalizedText;
  /** Example line(s) after `/cdce`, shown in help. */
  usage: LocalizedText;
  options: S;
  /**
   * What it acts on: a commune the chain resolves (from the `commune` option, else the
   * caller's membership) into `ctx.commune` before checking `permission` there.
   */
  scope?: C;
  /**
   * Checked by the chain before `run`: on the scope's commune when there is one (rights come
   * from a membership in THAT commune), else in some commune at least. Absent: everyone.
   */
  permission?: Permission;
  /** The refusal (given `{commune}` and `{command}`) on the scope's commune, when not the generic one. */
  refusal?: MessageKey;
  /** Recorded by the chain when `run` succeeds: needs a required commune scope. */
  activity?: ActivityDeclaration<OptionValues<S>>;
  /**
   * Whether running it changes anything (saves, deletes, sends, gives rights), as opposed
   * to only reading. Every command says so: the permissions table test runs each one that
   * changes state for every role, in the caller's commune, another commune and none.
   */
  changesState: boolean;
  /**
   * Who opens the transaction of a command that changes state: `"command"` (the default), one
   * unit around the command and its activity; `"own"`, none, for a command that changes state
   * only through units of its own (the demo clock runs scheduled jobs, each opening its
   * transactions, which would wait for one held around them: SQLite has one writer).
   */
  unitOfWork?: "command" | "own";
  /**
   * A form to fill when the command comes with no option at all (a modal on Slack and
   * Discord). Its field names are option names; the submission runs this same command.
   */
  form?: (ctx: { t: Translate; locale: Locale; actor: Actor }) => Form;
  /** Hidden from `aide` (internal follow-ups such as paging buttons). */
  hidden?: boolean;
  run(ctx: CommandContext<OptionValues<S>, CommuneOf<C>>): Promise<Reply>;
}

/**
 * A command whatever its options, as lists hold them: `run` takes each command's own option
 * values, so a list of different commands can only name them loosely (the registry and the
 * dispatcher validate the options against the specs before `run`).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above: run's parameter is contravariant
export type AnyCommand = CommandDefinition<any, any>;

/** Keeps option types flowing from the specs into `run`, and the scope into `ctx.commune`. */
export function defineCommand<S extends OptionSpecs, const C extends Scope<OptionValues<S>> | undefined = undefined>(def: CommandDefinition<S, C>): CommandDefinition<S, C> {
  return def;
}

/** A declaration that cannot work is a bug, found when the registry is built (at start). */
function checkDeclaration(def: AnyCommand): void {
  const spec = def.scope === undefined ? undefined : scopeSpec(def.scope as Scope);
  if (spec && !spec.option && !Object.hasOwn(def.options, "commune")) throw new Error(`command "${def.name}" has a commune scope but no commune option`);
  if (def.activity !== undefined && (spec?.commune !== "required" || !def.changesState)) throw new Error(`command "${def.name}" declares an activity without a required commune scope or without changing state`);
  if (def.unitOfWork === "own" && (!def.changesState || def.activity !== undefined)) throw new Error(`command "${def.name}" opens its own units of work: it must change state and declare no activity (recorded in the command's unit)`);
}

export class CommandRegistry {
  private readonly byName = new Map<string, CommandDefinition>();
  private readonly byAlias = new Map<string, CommandDefinition>();

  /** Throws on a duplicate name or alias: two commands answering one word is a bug. */
  constructor(definitions: readonly AnyCommand[]) {
    for (const def of definitions) {
      checkDeclaration(def);
      const name = def.name.trim().toLowerCase();
      if (!/^[a-z]+( [a-z]+)?$/.test(name)) throw new Error(`invalid command name "${def.name}"`);
      if (this.byName.has(name) || this.byAlias.has(name)) throw new Error(`duplicate command "${name}"`);
      this.byName.set(name, def as CommandDefinition);
      for (const alias of def.aliases ?? []) {
        // Folded, so that `idée` and `idee` are one word: the same command's twice is fine.
        const a = fold(alias);
        const taken = this.byName.get(a) ?? this.byAlias.get(a);
        if (taken && taken !== def) throw new Error(`duplicate command alias "${a}"`);
        this.byAlias.set(a, def as CommandDefinition);
      }
    }
    // The words of every language, once every name and alias is known: a language's word
    // that is another command's name or alias is a bug (one word, two commands).
    for (const def of definitions) {
      for (const w of allCommandWords(def)) {
        const taken = this.byName.get(w) ?? this.byAlias.get(w);
        if (taken && taken !== def) throw new Error(`command word "${w}" of "${def.name}" already reaches "${taken.name}"`);
        if (!taken) this.byAlias.set(w, def as CommandDefinition);
      }
    }
  }

  get(name: string): CommandDefinition | undefined {
    const n = fold(name.trim().replace(/\s+/g, " "));
    return this.byName.get(n) ?? this.byAlias.get(n);
  }

  all(): CommandDefinition[] {
    return [...this.byName.values()];
  }

  /** Every word that reaches a command, for "did you mean". */
  words(): string[] {
    return [...this.byName.keys(), ...this.byAlias.keys()];
  }
}
