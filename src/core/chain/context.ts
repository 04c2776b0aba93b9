/**
 * What the steps of a command's chain share, and how a step is written: like a bolt
 * middleware, it does its part and calls `next()` for the rest of the chain, or answers
 * itself (a refusal, a form) and stops there.
 */
import type { CommandDefinition, CommandRegistry, Services } from "../commands.js";
import type { Commune } from "../ports.js";
import type { Logger } from "../logger.js";
import type { PlatformUsers } from "../platform-users.js";
import type { MessageKey, MessageParams, Translate } from "../i18n/catalogue.js";
import type { Actor, IncomingCommand, Locale, Reply } from "../types.js";
import { message } from "../reply.js";

export type StepName = "actor" | "parse" | "scope" | "permission" | "run" | "activity";
export type Outcome = "ok" | "refused" | "invalid" | "error";

/** What a command that changed state tells the features that watch changes (`FeatureDefinition.changed`). */
export interface ChangeDone {
  /** The services of the command's unit of work: what the hook queues is saved with the change. */
  services: Services;
  actor: Actor;
  /** The commune of the command's scope, when it has one. */
  commune: Commune | null;
  command: string;
  now: Date;
}
export type ChangeHook = (done: ChangeDone) => Promise<void>;

/** What does not change from one command to the next: given once to the dispatcher. */
export interface ChainDeps {
  services: Services;
  registry: CommandRegistry;
  users: PlatformUsers;
  /** Accounts (`platform:workspace:user`) that are coordination from their first message. */
  coordinators?: ReadonlySet<string>;
  /** The features' `changed` hooks, run after each command that changed state. */
  changed?: readonly ChangeHook[];
}

/** One command on its way through the chain; each step fills in its part. */
export interface ChainContext {
  readonly incoming: IncomingCommand;
  readonly deps: ChainDeps;
  readonly now: Date;
  readonly log: Logger;
  /** The step running now: logs of refusals and failures name it. */
  step?: StepName;
  locale: Locale;
  t: Translate;
  /** Set by `actor`. */
  actor?: Actor;
  /** Set by `parse`: the sub-command, its validated options, and whether none was given. */
  command?: CommandDefinition;
  options?: Record<string, unknown>;
  blank?: boolean;
  /** Set by `scope`: the commune the command acts on (null: none, and none needed). */
  commune?: Commune | null;
  /** Set by `run`: the services of its unit of work, and what `run` said about its activity. */
  services?: Services;
  activity?: { data?: Record<string, unknown>; skipped: boolean };
  reply?: Reply;
  /** How the command ended, for the metrics; "ok" unless a step said otherwise. */
  outcome?: Outcome;
}

export interface Step {
  readonly name: StepName;
  handle(ctx: ChainContext, next: () => Promise<Reply>): Promise<Reply>;
}

export function defineStep(name: StepName, handle: Step["handle"]): Step {
  return { name, handle };
}

/** What an earlier step had to set: a step placed before it is a bug in the composition. */
export function needs<K extends "actor" | "command" | "options" | "services">(ctx: ChainContext, key: K): NonNullable<ChainContext[K]> {
  const value = ctx[key];
  if (value === undefined || value === null) throw new Error(`chain step "${ctx.step}" needs ${key}, set by an earlier step`);
  return value as NonNullable<ChainContext[K]>;
}

/**
 * A step's answer that stops the chain: a refusal (no right) or a correction to ask for
 * (unknown command, bad option, missing commune). Logged with the step that gave it.
 */
export function stop(ctx: ChainContext, outcome: Exclude<Outcome, "ok" | "error">, reply: Reply, why: Record<string, unknown>): Reply {
  ctx.outcome = outcome;
  ctx.log.info({ command: ctx.command?.name ?? "?", step: ctx.step, ...why }, "command refused");
  return reply;
}

/** `stop` with a one-message reply in the user's language. */
export function stopWith(ctx: ChainContext, outcome: Exclude<Outcome, "ok" | "error">, key: MessageKey, params: MessageParams = {}, why: Record<string, unknown> = {}): Reply {
  return stop(ctx, outcome, message(ctx.locale, ctx.t(key, params)), { code: key, ...why });
}
