/**
 * `/cdce outils declarer <outil> [categorie:] [note:] [commune:]`: a commune's member adds a
 * tool the commune uses to the central inventory (the same tool twice updates it).
 */
import { defineCommand } from "../../src/core/commands.js";
import { choice, text } from "../../src/core/options.js";
import { message } from "../../src/core/reply.js";
import { requirePermission } from "../../src/core/permissions.js";
import { CdceError } from "../../src/core/errors.js";
import { slugify } from "../../src/core/slug.js";
import { TOOL_CATEGORIES } from "../../src/features/tools/ports.js";
import { categoryLabel, toToolCategory } from "../../src/features/tools/inventory.js";
import { prefixWithin } from "../../src/core/clip.js";

export default defineCommand({
  name: "outils declarer",
  changesState: true,
  aliases: ["outils ajouter", "tools add", "outil declarer"],
  help: { fr: "Déclarer un outil utilisé par votre commune", de: "Ein von Ihrer Gemeinde genutztes Werkzeug melden", nl: "Een tool melden die uw gemeente gebruikt", en: "Declare a tool your commune uses" },
  usage: { fr: "outils declarer Canva categorie:design", de: "outils declarer Canva categorie:design", nl: "outils declarer Canva categorie:design", en: "outils declarer Canva categorie:design" },
  permission: "commune.contribute",
  options: {
    outil: text({ help: { fr: "Nom de l’outil", de: "Name des Werkzeugs", nl: "Naam van de tool", en: "Tool name" }, max: 60, rest: true }),
    categorie: choice({ help: { fr: "design, planning, newsletter, survey, social, storage, meeting, other", de: "design, planning, newsletter, survey, social, storage, meeting, other", nl: "design, planning, newsletter, survey, social, storage, meeting, other", en: "design, planning, newsletter, survey, social, storage, meeting, other" }, values: TOOL_CATEGORIES, normalize: toToolCategory }),
    note: text({ help: { fr: "Pour quoi vous l’utilisez", de: "Wofür Sie es nutzen", nl: "Waarvoor u het gebruikt", en: "What you use it for" }, max: 200 }),
    commune: text({ help: { fr: "Commune (par défaut la vôtre)", de: "Gemeinde (standardmäßig Ihre)", nl: "Gemeente (standaard de uwe)", en: "Commune (yours by default)" }, max: 80, autocomplete: "commune" }),
  },
  async run({ options: o, t, locale, actor, services }) {
    const key = slugify(o.outil ?? "");
    if (!key) throw new CdceError("tool.name_missing", "tool.error.nameMissing");
    const commune = o.commune ? await services.repos.communes.findByName(o.commune) : actor.communeIds[0] ? await services.repos.communes.get(actor.communeIds[0]) : null;
    if (o.commune && !commune) throw new CdceError("commune.unknown", "commune.unknown", { name: prefixWithin(o.commune, 60) });
    if (!commune) throw new CdceError("tool.commune_needed", "idea.error.communeNeeded");
    requirePermission(actor, "commune.contribute", { communeId: commune.id }, ["tool.not_member", "initiative.error.notMember", { commune: commune.name }]);
    const { tool, created } = await services.community.tools.declare({ communeId: commune.id, name: o.outil!, key, category: o.categorie ?? null, note: o.note ?? null, declaredById: actor.personId });
    return message(locale, t(created ? "tool.declared" : "tool.updated", { tool: tool.name, commune: commune.name, category: categoryLabel(t, tool.category) }));
  },
});
