/**
 * `/cdce kit historique <id>`: who changed a kit and when, oldest first; withdrawn kits too.
 */
import { defineCommand } from "../../src/core/commands.js";
import { text } from "../../src/core/options.js";
import { reply } from "../../src/core/reply.js";
import { formatLocal } from "../../src/core/time/local.js";
import { kitById } from "../../src/features/kits/lookup.js";

/** Enough for years of edits; older ones are rarely what someone looks for. */
const SHOWN = 40;

export default defineCommand({
  name: "kit historique",
  words: { fr: "kit historique", de: "kit verlauf", nl: "kit geschiedenis", en: "kit history" },
  intent: "manage",
  optionWords: { id: { de: "id", nl: "id", en: "id" } },
  changesState: false,
  aliases: ["kit history", "kit verlauf", "kit geschiedenis"],
  help: { fr: "Voir qui a modifié un kit et quand", de: "Sehen, wer ein Kit wann geändert hat", nl: "Zien wie een kit wanneer wijzigde", en: "See who changed a kit and when" },
  usage: { fr: "kit historique kit-jeunes-affiches", de: "kit historique kit-jeunes-affiches", nl: "kit historique kit-jeunes-affiches", en: "kit historique kit-jeunes-affiches" },
  // It names the coordinators who made each change: theirs to read.
  permission: "kit.manage",
  options: {
    id: text({ help: { fr: "Identifiant du kit", de: "Kennung des Kits", nl: "Code van de kit", en: "Kit id" }, max: 80, rest: true, required: true }),
  },
  async run({ options: o, t, locale, services, actor }) {
    const kit = await kitById(services.kits, o.id);
    const changes = (await services.kits.history(kit.id)).slice(-SHOWN);
    const names = new Map<string, string>();
    for (const id of new Set(changes.map((c) => c.personId).filter((p): p is string => !!p))) {
      names.set(id, (await services.repos.identity.getPerson(id))?.name ?? "?");
    }
    const lines = changes.map((c) => {
      const when = formatLocal(c.at, actor.timeZone, locale);
      const who = c.personId ? (names.get(c.personId) ?? "?") : t("kit.history.import");
      if (c.action === "created") return `• ${t("kit.history.created", { when, who })}`;
      if (c.action === "withdrawn") return `• ${t("kit.history.withdrawn", { when, who })}`;
      return `• ${t("kit.history.edited", { when, who, fields: c.fields.join(", ") })}`;
    });
    return reply(locale, [
      { type: "header", text: t("kit.history.title", { title: kit.title[locale] ?? kit.title.fr }) },
      { type: "section", text: lines.length ? lines.join("\n") : t("kit.history.empty") },
    ]);
  },
});
