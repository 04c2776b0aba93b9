/**
 * What a platform's shortcut opens: the form of the command it stands for, in the person's
 * language, pre-filled from a message when it came from one ("Partager avec le réseau").
 * Refused first, with the command's own permission, when the person could not submit it.
 */
import type { CommandRegistry } from "../../core/commands.js";
import { clip } from "../../core/clip.js";
import type { Translate } from "../../core/i18n/catalogue.js";
import { message } from "../../core/reply.js";
import type { Actor, Form, Locale, Reply } from "../../core/types.js";
import { mayRun } from "./actions.js";

export const SHORTCUTS = ["initiative", "webinaire", "kit"] as const;
export type Shortcut = (typeof SHORTCUTS)[number];

/** The command each shortcut opens the form of. */
const COMMAND: Record<Shortcut, string> = { initiative: "initiative", webinaire: "webinaire planifier", kit: "kit" };

/** Longest initiative title (the `titre` option's own limit). */
const TITLE_MAX = 150;

function kitForm(t: Translate): Form {
  return {
    title: t("home.kit.form"),
    submitCommand: "kit",
    submitLabel: t("home.kit.submit"),
    fields: [{ name: "mots", label: t("home.kit.words"), kind: "text", required: true, placeholder: t("home.kit.placeholder") }],
  };
}

/** A message's text as an initiative draft: its first line as the title, the whole text and its link as the description. */
export function prefillInitiative(form: Form, shared: { text?: string; link?: string }): Form {
  const text = (shared.text ?? "").trim();
  if (!text && !shared.link) return form;
  const firstLine = text.split("\n").find((l) => l.trim())?.trim() ?? "";
  const description = [text, shared.link].filter(Boolean).join("\n\n");
  return {
    ...form,
    fields: form.fields.map((f) => (f.name === "titre" && firstLine ? { ...f, value: clip(firstLine, TITLE_MAX) } : f.name === "description" ? { ...f, value: description } : f)),
  };
}

export function shortcutForm(ctx: { t: Translate; locale: Locale; actor: Actor; registry: CommandRegistry }, which: Shortcut, shared: { text?: string; link?: string } = {}): Reply {
  const { t, locale, actor, registry } = ctx;
  const command = COMMAND[which];
  const def = registry.get(command);
  if (!def) return message(locale, t("home.shortcut.unknown"));
  if (!mayRun(registry, actor, command, actor.communeIds[0] ?? null)) return message(locale, t("error.forbidden", { command }));
  let form = which === "kit" ? kitForm(t) : def.form?.({ t, locale, actor });
  if (!form) return message(locale, t("home.shortcut.unknown"));
  if (which === "initiative") form = prefillInitiative(form, shared);
  return { ...message(locale, form.title), form };
}
