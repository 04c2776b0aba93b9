/**
 * How a sub-command is defined, and the registry that holds them. A command file in
 * `commands/<feature>/` calls `defineCommand`; its feature's declaration
 * (src/features/<feature>/feature.ts) lists it, and the registry is built from the features.
 */
import type { Actor, Clock, Form, LocalizedText, Locale, Reply, ChannelRef } from "./types.js";
import type { Repositories } from "./ports.js";
import type { Translate } from "./i18n/catalogue.js";
import type { Logger } from "./logger.js";
import type { OptionSpecs, OptionValues } from "./options.js";
import type { Permission } from "./permissions.js";
import type { PlatformUsers } from "./platform-users.js";
import type { Notifier, OutboxAdmin } from "./notify.js";
import type { Community } from "./community.js";

/** What every handler receives. Repositories and services are passed in, never imported. */
export interface CommandContext<O> {
  options: O;
  actor: Actor;
  locale: Locale;
  t: Translate;
  now: Date;
  /** When the person acted, as the platform stamped it (see core/acted-at.ts); `now` when it did not. */
  actedAt: Date;
  channel?: ChannelRef;
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
}

export interface CommandDefinition<S extends OptionSpecs = OptionSpecs> {
  /** One or two words: `kit`, `kit ajouter`. Discord uses it with `-` for spaces. */
  name: string;
  /** Other words that reach it (`help`, `hilfe`, `hulp` for `aide`). */
  aliases?: string[];
  help: LocalizedText;
  /** Example line(s) after `/cdce`, shown in help. */
  usage: LocalizedText;
  options: S;
  /** Checked by the dispatcher before `run`. Absent: everyone. */
  permission?: Permission;
  /**
   * Whether running it changes anything (saves, deletes, sends, gives rights), as opposed
   * to only reading. Every command says so: the permissions table test runs each one that
   * changes state for every role, in the caller's commune, another commune and none.
   */
  changesState: boolean;
  /**
   * A form to fill when the command comes with no option at all (a modal on Slack and
   * Discord). Its field names are option names; the submission runs this same command.
   */
  form?: (ctx: { t: Translate; locale: Locale; actor: Actor }) => Form;
  /** Hidden from `aide` (internal follow-ups such as paging buttons). */
  hidden?: boolean;
  run(ctx: CommandContext<OptionValues<S>>): Promise<Reply>;
}

/**
 * A command whatever its options, as lists hold them: `run` takes each command's own option
 * values, so a list of different commands can only name them loosely (the registry and the
 * dispatcher validate the options against the specs before `run`).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above: run's parameter is contravariant
export type AnyCommand = CommandDefinition<any>;

/** Keeps option types flowing from the specs into `run`. */
export function defineCommand<S extends OptionSpecs>(def: CommandDefinition<S>): CommandDefinition<S> {
  return def;
}

export class CommandRegistry {
  private readonly byName = new Map<string, CommandDefinition>();
  private readonly byAlias = new Map<string, CommandDefinition>();

  /** Throws on a duplicate name or alias: two commands answering one word is a bug. */
  constructor(definitions: readonly AnyCommand[]) {
    for (const def of definitions) {
      const name = def.name.trim().toLowerCase();
      if (!/^[a-z]+( [a-z]+)?$/.test(name)) throw new Error(`invalid command name "${def.name}"`);
      if (this.byName.has(name) || this.byAlias.has(name)) throw new Error(`duplicate command "${name}"`);
      this.byName.set(name, def as CommandDefinition);
      for (const alias of def.aliases ?? []) {
        const a = alias.toLowerCase();
        if (this.byName.has(a) || this.byAlias.has(a)) throw new Error(`duplicate command alias "${a}"`);
        this.byAlias.set(a, def as CommandDefinition);
      }
    }
  }

  get(name: string): CommandDefinition | undefined {
    const n = name.toLowerCase();
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
