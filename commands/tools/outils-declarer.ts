/**
 * `/cdce outils declarer <outil> [categorie:] [note:] [commune:]`: a commune's member adds a
 * tool the commune uses to the central inventory (the same tool twice updates it).
 */
import { defineCommand } from "../../src/core/commands.js";
import { choice, text } from "../../src/core/options.js";
import { message } from "../../src/core/reply.js";
import { communeOption } from "../../src/core/scope.js";
import { CdceError } from "../../src/core/errors.js";
import { slugify } from "../../src/core/slug.js";
import { TOOL_CATEGORIES } from "../../src/features/tools/ports.js";
import { categoryLabel, toToolCategory } from "../../src/features/tools/inventory.js";

export default defineCommand({
  name: "outils declarer",
  words: { fr: "outils declarer", de: "werkzeuge melden", nl: "tools melden", en: "tools add" },
  intent: "share",
  optionWords: { outil: { de: "werkzeug", nl: "tool", en: "tool" }, categorie: { de: "kategorie", nl: "categorie", en: "category" }, note: { de: "notiz", nl: "notitie", en: "note" }, commune: { de: "gemeinde", nl: "gemeente", en: "commune" } },
  changesState: true,
  aliases: ["outils ajouter", "tools add", "outil declarer"],
  help: { fr: "Déclarer un outil utilisé par votre commune", de: "Ein von Ihrer Gemeinde genutztes Werkzeug melden", nl: "Een tool melden die uw gemeente gebruikt", en: "Declare a tool your commune uses" },
  usage: { fr: "outils declarer Canva categorie:design", de: "outils declarer Canva categorie:design", nl: "outils declarer Canva categorie:design", en: "outils declarer Canva categorie:design" },
  scope: "commune",
  permission: "commune.contribute",
  refusal: "initiative.error.notMember",
  options: {
    outil: text({ help: { fr: "Nom de l’outil", de: "Name des Werkzeugs", nl: "Naam van de tool", en: "Tool name" }, max: 60, rest: true }),
    categorie: choice({ help: { fr: "design, planning, newsletter, survey, social, storage, meeting, other", de: "design, planning, newsletter, survey, social, storage, meeting, other", nl: "design, planning, newsletter, survey, social, storage, meeting, other", en: "design, planning, newsletter, survey, social, storage, meeting, other" }, values: TOOL_CATEGORIES, normalize: toToolCategory }),
    note: text({ help: { fr: "Pour quoi vous l’utilisez", de: "Wofür Sie es nutzen", nl: "Waarvoor u het gebruikt", en: "What you use it for" }, max: 200 }),
    commune: communeOption(),
  },
  async run({ options: o, commune, t, locale, actor, services }) {
    const key = slugify(o.outil ?? "");
    if (!key) throw new CdceError("tool.name_missing", "tool.error.nameMissing");
    const { tool, created } = await services.community.tools.declare({ communeId: commune.id, name: o.outil!, key, category: o.categorie ?? null, note: o.note ?? null, declaredById: actor.personId });
    return message(locale, t(created ? "tool.declared" : "tool.updated", { tool: tool.name, commune: commune.name, category: categoryLabel(t, tool.category) }));
  },
});
