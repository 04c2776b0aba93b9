/**
 * Which sub-command, with which options: an unknown word gets the closest commands; unknown
 * options, words left over and invalid values get one message each with the usage line.
 * Nothing given to a command that has a form: the form is offered once the rights are
 * checked (see run.ts), so the options are not validated here.
 */
import type { z } from "zod";
import type { CommandDefinition, CommandRegistry } from "../commands.js";
import { commandWords, optionAliases, optionWord, usageLine } from "../command-words.js";
import { mayUse } from "./permission.js";
import { assignTokens, tokenize } from "../parse-line.js";
import { schemaOf, type OptionSpecs } from "../options.js";
import { closest } from "../similarity.js";
import { message } from "../reply.js";
import { prefixWithin } from "../clip.js";
import type { Translate } from "../i18n/catalogue.js";
import type { Actor, IncomingCommand, Locale, Reply } from "../types.js";
import { defineStep, needs, stop } from "./context.js";

/** Longest line we read; Slack caps slash command text near 4,000 characters anyway. */
const MAX_LINE = 4000;

export type Resolved = { def: CommandDefinition; raw: Record<string, unknown>; extra: string[]; unknownOptions: string[] } | { unknown: string };

function resolve(incoming: IncomingCommand, registry: CommandRegistry): Resolved {
  if (incoming.structured) {
    const name = incoming.structured.name.replace(/[-_]/g, " ").trim().toLowerCase();
    const def = registry.get(name);
    return def ? { def, raw: { ...incoming.structured.options }, extra: [], unknownOptions: [] } : { unknown: name };
  }
  return readLine(incoming.text ?? "", registry);
}

/**
 * A typed line (what follows `/cdce`) read as the dispatcher reads it: the command its first
 * words name, and the raw value of each option, before validation. Also used by the test that
 * every command quoted in a message reaches the command it means.
 */
export function readLine(text: string, registry: Pick<CommandRegistry, "get">): Resolved {
  const tokens = tokenize(text.slice(0, MAX_LINE));
  if (tokens.length === 0) return readLine("aide", registry);
  const two = tokens.length > 1 ? registry.get(`${tokens[0]} ${tokens[1]}`) : undefined;
  const def = two ?? registry.get(tokens[0] ?? "");
  if (!def) return { unknown: tokens[0] ?? "" };
  const parsed = assignTokens(tokens.slice(two ? 2 : 1), def.options, optionAliases(def));
  return { def, raw: parsed.values, extra: parsed.extra, unknownOptions: parsed.unknownOptions };
}

/**
 * One message per invalid option, naming it and what it accepts. Kept in a Map: option names
 * also come from platforms (structured options), and one named `__proto__` must be reported,
 * not swallowed by an object's prototype setter.
 */
function describeIssues(issues: z.core.$ZodIssue[], def: CommandDefinition, raw: Record<string, unknown>, t: Translate, locale: Locale): Record<string, string> {
  const specs: OptionSpecs = def.options;
  // The reader's word for the option in the message, the option's own name as the field key.
  const say = (option: string) => optionWord(def, option, locale);
  const byField = new Map<string, string>();
  for (const issue of issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) byField.set(key, t("error.option.unknown", { option: prefixWithin(key, 40), known: Object.keys(specs).map(say).join(", ") }));
      continue;
    }
    const option = String(issue.path[0] ?? "");
    if (byField.has(option) || !Object.hasOwn(specs, option)) continue;
    const meta = specs[option]!.meta;
    const given = raw[option];
    const word = say(option);
    if (meta.required && (given === undefined || given === "")) byField.set(option, t("error.option.required", { option: word }));
    else if (meta.kind === "choice" || meta.kind === "list")
      byField.set(option, t("error.option.choice", { option: word, value: prefixWithin(String(given ?? ""), 60), values: (meta.values ?? []).join(", ") }));
    else if (meta.kind === "file") byField.set(option, t("error.option.file", { option: word }))
    else if (meta.kind === "int")
      byField.set(option, t("error.option.int", { option: word, min: meta.min ?? "-", max: meta.max ?? "-" }));
    else byField.set(option, t("error.option.text", { option: word, max: meta.max ?? 500 }));
  }
  // fromEntries defines own properties, `__proto__` included.
  return Object.fromEntries(byField);
}

function unknownCommand(word: string, registry: CommandRegistry, actor: Actor, t: Translate, locale: Locale): Reply {
  const visible = registry.all().filter((d) => mayUse(actor, d));
  const suggestions = closest(word, registry.words());
  const names = visible.map((d) => `\`${commandWords(d, locale)}\``).join(", ");
  const lines = [t("error.unknownCommand", { word: prefixWithin(word, 40) })];
  if (suggestions.length) lines.push(t("error.didYouMean", { suggestions: suggestions.map((s) => `\`/cdce ${s}\``).join(", ") }));
  const help = registry.get("aide");
  lines.push(t("error.available", { names, help: help ? commandWords(help, locale) : "aide" }));
  return message(locale, lines.join("\n"));
}

export const parse = defineStep("parse", async (ctx, next) => {
  const { t, locale } = ctx;
  const found = resolve(ctx.incoming, ctx.deps.registry);
  if ("unknown" in found) return stop(ctx, "invalid", unknownCommand(found.unknown, ctx.deps.registry, needs(ctx, "actor"), t, locale), { code: "error.unknownCommand" });
  const { def, raw, extra, unknownOptions } = found;
  ctx.command = def;
  // The example line of this command, in the user's language, for every "typed wrong" reply.
  const usage = `/cdce ${usageLine(def, locale)}`;
  if (unknownOptions.length) {
    const lines = unknownOptions.slice(0, 3).map((option) => t("error.option.unknown", { option: prefixWithin(option, 40), known: Object.keys(def.options).map((o) => optionWord(def, o, locale)).join(", ") }));
    return stop(ctx, "invalid", message(locale, [...lines, t("error.usage", { usage })].join("\n")), { code: "error.option.unknown" });
  }
  if (extra.length) return stop(ctx, "invalid", message(locale, t("error.extraWords", { words: prefixWithin(extra.join(" "), 80), usage })), { code: "error.extraWords" });
  if (def.form && Object.values(raw).every((v) => v === undefined || v === "")) {
    ctx.blank = true;
    ctx.options = {};
    return next();
  }
  const parsed = schemaOf(def.options).safeParse(raw);
  if (!parsed.success) {
    const fieldErrors = describeIssues(parsed.error.issues, def, raw, t, locale);
    const r = message(locale, [...Object.values(fieldErrors), t("error.usage", { usage })].join("\n"));
    return stop(ctx, "invalid", { ...r, fieldErrors }, { code: "error.option", fields: Object.keys(fieldErrors) });
  }
  ctx.options = parsed.data as Record<string, unknown>;
  return next();
});
