/**
 * The single entry point of every `/cdce` invocation, whatever the platform: resolves the
 * actor, finds the sub-command, checks its permission, validates its options, runs it, and
 * turns any failure into a reply in the user's language. Internal messages and stack traces
 * go to the logs only.
 */
import type { z } from "zod";
import { CommandRegistry, type CommandDefinition, type Services } from "./commands.js";
import { isCdceError, type CdceError } from "./errors.js";
import { ensureMembership, resolveActor } from "./identity.js";
import { can, isCoordination, PermissionDenied } from "./permissions.js";
import { LOCAL_USERS_ONLY, PlatformUsers } from "./platform-users.js";
import { assignTokens, tokenize } from "./parse-line.js";
import { schemaOf, type OptionSpecs } from "./options.js";
import { normalizeIncoming } from "./input-text.js";
import { closest } from "./similarity.js";
import { message } from "./reply.js";
import { translator, toLocale, type Translate } from "./i18n/catalogue.js";
import { DEFAULT_LOCALE, type Actor, type IncomingCommand, type Locale, type Reply } from "./types.js";
import { actedAt } from "./acted-at.js";
import { prefixWithin } from "./clip.js";

/** Longest line we read; Slack caps slash command text near 4,000 characters anyway. */
const MAX_LINE = 4000;

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
  /** Called after each command with its duration (metrics). */
  /**
   * Accounts that are coordination from their first message (`platform:workspace:user`),
   * so that a new Slack or Discord space has someone who can give the other roles.
   */
  coordinators?: ReadonlySet<string>;
  onHandled?: (info: { command: string; platform: string; ms: number; outcome: "ok" | "refused" | "invalid" | "error" }) => void;
  /**
   * Recognises failures underneath the core that the person should be told about in their
   * own words (the database being unavailable), given by the wiring since the core knows
   * no database. Anything it does not recognise gets the generic reply.
   */
  explainFailure?: (err: unknown) => CdceError | undefined;
}

type Resolved = { def: CommandDefinition; raw: Record<string, unknown>; extra: string[]; unknownOptions: string[] } | { unknown: string };

function resolve(incoming: IncomingCommand, registry: CommandRegistry): Resolved {
  if (incoming.structured) {
    const name = incoming.structured.name.replace(/[-_]/g, " ").trim().toLowerCase();
    const def = registry.get(name);
    return def ? { def, raw: { ...incoming.structured.options }, extra: [], unknownOptions: [] } : { unknown: name };
  }
  const tokens = tokenize((incoming.text ?? "").slice(0, MAX_LINE));
  if (tokens.length === 0) return resolve({ ...incoming, text: "aide" }, registry);
  const two = tokens.length > 1 ? registry.get(`${tokens[0]} ${tokens[1]}`) : undefined;
  const def = two ?? registry.get(tokens[0] ?? "");
  if (!def) return { unknown: tokens[0] ?? "" };
  const parsed = assignTokens(tokens.slice(two ? 2 : 1), def.options);
  return { def, raw: parsed.values, extra: parsed.extra, unknownOptions: parsed.unknownOptions };
}

/**
 * One message per invalid option, naming it and what it accepts. Kept in a Map: option names
 * also come from platforms (structured options), and one named `__proto__` must be reported,
 * not swallowed by an object's prototype setter.
 */
function describeIssues(issues: z.core.$ZodIssue[], specs: OptionSpecs, raw: Record<string, unknown>, t: Translate): Record<string, string> {
  const byField = new Map<string, string>();
  for (const issue of issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) byField.set(key, t("error.option.unknown", { option: prefixWithin(key, 40), known: Object.keys(specs).join(", ") }));
      continue;
    }
    const option = String(issue.path[0] ?? "");
    if (byField.has(option) || !Object.hasOwn(specs, option)) continue;
    const meta = specs[option]!.meta;
    const given = raw[option];
    if (meta.required && (given === undefined || given === "")) byField.set(option, t("error.option.required", { option }));
    else if (meta.kind === "choice" || meta.kind === "list")
      byField.set(option, t("error.option.choice", { option, value: prefixWithin(String(given ?? ""), 60), values: (meta.values ?? []).join(", ") }));
    else if (meta.kind === "int")
      byField.set(option, t("error.option.int", { option, min: meta.min ?? "-", max: meta.max ?? "-" }));
    else byField.set(option, t("error.option.text", { option, max: meta.max ?? 500 }));
  }
  // fromEntries defines own properties, `__proto__` included.
  return Object.fromEntries(byField);
}

function unknownCommand(word: string, registry: CommandRegistry, actor: Actor, t: Translate, locale: Locale): Reply {
  const visible = registry.all().filter((d) => !d.hidden && (!d.permission || can(actor, d.permission)));
  const suggestions = closest(word, registry.words());
  const names = visible.map((d) => `\`${d.name}\``).join(", ");
  const lines = [t("error.unknownCommand", { word: prefixWithin(word, 40) })];
  if (suggestions.length) lines.push(t("error.didYouMean", { suggestions: suggestions.map((s) => `\`/cdce ${s}\``).join(", ") }));
  lines.push(t("error.available", { names }));
  return message(locale, lines.join("\n"));
}

export function createDispatcher({ registry, services, onHandled, coordinators, explainFailure }: DispatcherOptions): Dispatcher {
  // The terminal has no platform to ask: its users are the local accounts already known.
  const users = new PlatformUsers();
  users.register("terminal", LOCAL_USERS_ONLY);
  async function handle(received: IncomingCommand): Promise<Reply> {
    // Everything typed is made well-formed once, here, before any field is read or stored.
    const incoming = normalizeIncoming(received);
    const started = performance.now();
    const now = services.clock();
    let locale: Locale = toLocale(incoming.platformLocale) ?? DEFAULT_LOCALE;
    let commandName = "?";
    const log = services.logger.child({ platform: incoming.platform, workspace: incoming.workspaceId, user: incoming.userId });
    const done = (outcome: "ok" | "refused" | "invalid" | "error", r: Reply) => {
      onHandled?.({ command: commandName, platform: incoming.platform, ms: performance.now() - started, outcome });
      return r;
    };
    try {
      let actor = await resolveActor(incoming, services.repos, now);
      if (!isCoordination(actor) && coordinators?.has(`${incoming.platform}:${incoming.workspaceId}:${incoming.userId}`)) {
        await ensureMembership(services.repos, actor.personId, "coordination", null, now);
        actor = { ...actor, memberships: [...actor.memberships, { role: "coordination", communeId: null }] };
      }
      locale = actor.locale;
      const t = translator(locale);
      const found = resolve(incoming, registry);
      if ("unknown" in found) return done("invalid", unknownCommand(found.unknown, registry, actor, t, locale));
      const { def, raw, extra, unknownOptions } = found;
      commandName = def.name;
      if (def.permission && !can(actor, def.permission)) {
        log.info({ command: def.name, permission: def.permission }, "command refused");
        return done("refused", message(locale, t("error.forbidden", { command: def.name })));
      }
      // The example line of this command, in the user's language, for every "typed wrong" reply.
      const usage = `/cdce ${def.usage[locale] ?? def.usage.fr}`;
      if (unknownOptions.length) {
        const lines = unknownOptions.slice(0, 3).map((option) => t("error.option.unknown", { option: prefixWithin(option, 40), known: Object.keys(def.options).join(", ") }));
        return done("invalid", message(locale, [...lines, t("error.usage", { usage })].join("\n")));
      }
      if (extra.length) {
        return done("invalid", message(locale, t("error.extraWords", { words: prefixWithin(extra.join(" "), 80), usage })));
      }
      const empty = Object.values(raw).every((v) => v === undefined || v === "");
      if (def.form && empty) {
        const form = def.form({ t, locale, actor });
        return done("ok", { ...message(locale, form.title), form });
      }
      const parsed = schemaOf(def.options).safeParse(raw);
      if (!parsed.success) {
        const fieldErrors = describeIssues(parsed.error.issues, def.options, raw, t);
        const r = message(locale, [...Object.values(fieldErrors), t("error.usage", { usage })].join("\n"));
        return done("invalid", { ...r, fieldErrors });
      }
      const runWith = (scope: Services) =>
        def.run({
          options: parsed.data as never,
          actor,
          locale,
          t,
          now,
          actedAt: actedAt(incoming.actedAt, now),
          channel: incoming.channel,
          services: scope,
          registry,
          users,
        });
      // A command that changes state is one unit of work: what it saves and what it promises
      // to post (outbox rows, activity) are committed together, so a crash never keeps one
      // without the other. One that only reads holds no transaction (on SQLite, that would
      // be the file's write lock, against every other process, for a map's rendering).
      const result = def.changesState ? await services.transaction(runWith) : await runWith(services);
      log.info({ command: def.name, ms: Math.round(performance.now() - started) }, "command handled");
      return done("ok", result);
    } catch (err) {
      const t = translator(locale);
      if (isCdceError(err)) {
        // The user was told why in their language: an expected outcome (a missing commune, a
        // refused permission), not an operations warning, unless something underneath failed.
        log[err.cause ? "warn" : "info"]({ command: commandName, code: err.code, err: err.cause ?? undefined }, "command refused");
        return done(err instanceof PermissionDenied ? "refused" : "invalid", message(locale, t(err.messageKey, err.params)));
      }
      const explained = explainFailure?.(err);
      if (explained) {
        log.warn({ command: commandName, code: explained.code, err }, "command failed");
        return done("error", message(locale, t(explained.messageKey, explained.params)));
      }
      log.error({ command: commandName, err }, "command crashed");
      return done("error", message(locale, t("error.internal")));
    }
  }
  return { handle, registry, users };
}
