/**
 * The single entry point of every `/cdce` invocation, whatever the platform: sends it through
 * the chain of named steps (src/core/chain/: actor, parse, scope, permission, run, activity)
 * and turns any failure into a reply in the user's language. Internal messages and stack
 * traces go to the logs only, with the step where they happened.
 */
import { CommandRegistry, type Services } from "./commands.js";
import { isCdceError, type CdceError } from "./errors.js";
import { PermissionDenied } from "./permissions.js";
import { LOCAL_USERS_ONLY, PlatformUsers } from "./platform-users.js";
import { normalizeIncoming } from "./input-text.js";
import { message } from "./reply.js";
import { translator, toLocale } from "./i18n/catalogue.js";
import { DEFAULT_LOCALE, type IncomingCommand, type Reply } from "./types.js";
import { commandChain, type ChainContext, type ChainDeps, type Outcome } from "./chain/index.js";

export interface Dispatcher {
  handle(incoming: IncomingCommand): Promise<Reply>;
  readonly registry: CommandRegistry;
  /** Where each platform adapter registers who its users are (for `/cdce role`). */
  readonly users: PlatformUsers;
  /** Whether a command handed in now would wait for its turn (src/command-slots.ts); absent: never. */
  busy?(): boolean;
}

export interface DispatcherOptions {
  registry: CommandRegistry;
  services: Services;
  /**
   * Accounts that are coordination from their first message (`platform:workspace:user`),
   * so that a new Slack or Discord space has someone who can give the other roles.
   */
  coordinators?: ReadonlySet<string>;
  /** Called after each command with its duration (metrics). */
  onHandled?: (info: { command: string; platform: string; ms: number; outcome: Outcome }) => void;
  /**
   * Recognises failures underneath the core that the person should be told about in their
   * own words (the database being unavailable), given by the wiring since the core knows
   * no database. Anything it does not recognise gets the generic reply.
   */
  explainFailure?: (err: unknown) => CdceError | undefined;
  /** The features' hooks after a change (see `FeatureDefinition.changed`). */
  changed?: ChainDeps["changed"];
}

export function createDispatcher({ registry, services, onHandled, coordinators, explainFailure, changed }: DispatcherOptions): Dispatcher {
  // The terminal has no platform to ask: its users are the local accounts already known.
  const users = new PlatformUsers();
  users.register("terminal", LOCAL_USERS_ONLY);
  const deps = { services, registry, users, coordinators, changed };
  async function handle(received: IncomingCommand): Promise<Reply> {
    // Everything typed is made well-formed once, here, before any field is read or stored.
    const incoming = normalizeIncoming(received);
    const started = performance.now();
    const locale = toLocale(incoming.platformLocale) ?? DEFAULT_LOCALE;
    const log = services.logger.child({ platform: incoming.platform, workspace: incoming.workspaceId, user: incoming.userId });
    const ctx: ChainContext = { incoming, deps, now: services.clock(), log, locale, t: translator(locale) };
    const done = (outcome: Outcome, r: Reply) => {
      onHandled?.({ command: ctx.command?.name ?? "?", platform: incoming.platform, ms: performance.now() - started, outcome });
      return r;
    };
    try {
      const result = await commandChain(ctx);
      const outcome = ctx.outcome ?? "ok";
      if (outcome === "ok") log.info({ command: ctx.command?.name, ms: Math.round(performance.now() - started) }, "command handled");
      return done(outcome, result);
    } catch (err) {
      const command = ctx.command?.name ?? "?";
      const { locale, t } = ctx;
      if (isCdceError(err)) {
        // The user was told why in their language: an expected outcome (a missing commune, a
        // refused permission), not an operations warning, unless something underneath failed.
        log[err.cause ? "warn" : "info"]({ command, step: ctx.step, code: err.code, err: err.cause ?? undefined }, "command refused");
        return done(err instanceof PermissionDenied ? "refused" : "invalid", message(locale, t(err.messageKey, err.params)));
      }
      const explained = explainFailure?.(err);
      if (explained) {
        log.warn({ command, step: ctx.step, code: explained.code, err }, "command failed");
        return done("error", message(locale, t(explained.messageKey, explained.params)));
      }
      log.error({ command, step: ctx.step, err }, "command crashed");
      return done("error", message(locale, t("error.internal")));
    }
  }
  return { handle, registry, users };
}
