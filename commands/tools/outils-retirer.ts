/** `/cdce outils retirer <outil> [commune:]`: the commune no longer uses a tool. */
import { defineCommand } from "../../src/core/commands.js";
import { text } from "../../src/core/options.js";
import { message } from "../../src/core/reply.js";
import { requirePermission } from "../../src/core/permissions.js";
import { CdceError } from "../../src/core/errors.js";
import { slugify } from "../../src/core/slug.js";

export default defineCommand({
  name: "outils retirer",
  changesState: true,
  aliases: ["tools remove", "outil retirer"],
  help: { fr: "Retirer un outil de l’inventaire de votre commune", de: "Ein Werkzeug aus dem Inventar Ihrer Gemeinde entfernen", nl: "Een tool uit de inventaris van uw gemeente halen", en: "Remove a tool from your commune’s inventory" },
  usage: { fr: "outils retirer Canva", de: "outils retirer Canva", nl: "outils retirer Canva", en: "outils retirer Canva" },
  permission: "commune.contribute",
  options: {
    outil: text({ help: { fr: "Nom de l’outil", de: "Name des Werkzeugs", nl: "Naam van de tool", en: "Tool name" }, max: 60, rest: true }),
    commune: text({ help: { fr: "Commune (par défaut la vôtre)", de: "Gemeinde (standardmäßig Ihre)", nl: "Gemeente (standaard de uwe)", en: "Commune (yours by default)" }, max: 80, autocomplete: "commune" }),
  },
  async run({ options: o, t, locale, actor, services }) {
    const key = slugify(o.outil ?? "");
    if (!key) throw new CdceError("tool.name_missing", "tool.error.nameMissing");
    const commune = o.commune ? await services.repos.communes.findByName(o.commune) : actor.communeIds[0] ? await services.repos.communes.get(actor.communeIds[0]) : null;
    if (!commune) throw new CdceError("tool.commune_needed", "idea.error.communeNeeded");
    requirePermission(actor, "commune.contribute", { communeId: commune.id }, ["tool.not_member", "initiative.error.notMember", { commune: commune.name }]);
    const removed = await services.community.tools.remove(commune.id, key);
    return message(locale, t(removed ? "tool.removed" : "tool.notDeclared", { tool: o.outil!, commune: commune.name }));
  },
});
