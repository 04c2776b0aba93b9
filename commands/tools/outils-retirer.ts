/** `/cdce outils retirer <outil> [commune:]`: the commune no longer uses a tool. */
import { defineCommand } from "../../src/core/commands.js";
import { text } from "../../src/core/options.js";
import { message } from "../../src/core/reply.js";
import { communeOption } from "../../src/core/scope.js";
import { CdceError } from "../../src/core/errors.js";
import { slugify } from "../../src/core/slug.js";

export default defineCommand({
  name: "outils retirer",
  words: { fr: "outils retirer", de: "werkzeuge entfernen", nl: "tools verwijderen", en: "tools remove" },
  intent: "share",
  optionWords: { outil: { de: "werkzeug", nl: "tool", en: "tool" }, commune: { de: "gemeinde", nl: "gemeente", en: "commune" } },
  changesState: true,
  aliases: ["tools remove", "outil retirer"],
  help: { fr: "Retirer un outil de l’inventaire de votre commune", de: "Ein Werkzeug aus dem Inventar Ihrer Gemeinde entfernen", nl: "Een tool uit de inventaris van uw gemeente halen", en: "Remove a tool from your commune’s inventory" },
  usage: { fr: "outils retirer Canva", de: "outils retirer Canva", nl: "outils retirer Canva", en: "outils retirer Canva" },
  scope: "commune",
  permission: "commune.contribute",
  refusal: "initiative.error.notMember",
  options: {
    outil: text({ help: { fr: "Nom de l’outil", de: "Name des Werkzeugs", nl: "Naam van de tool", en: "Tool name" }, max: 60, rest: true }),
    commune: communeOption(),
  },
  async run({ options: o, commune, t, locale, services }) {
    const key = slugify(o.outil ?? "");
    if (!key) throw new CdceError("tool.name_missing", "tool.error.nameMissing");
    const removed = await services.community.tools.remove(commune.id, key);
    return message(locale, t(removed ? "tool.removed" : "tool.notDeclared", { tool: o.outil!, commune: commune.name }));
  },
});
