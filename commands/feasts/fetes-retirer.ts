/** `/cdce fetes retirer <réf> [commune:]`: a member removes a fête or market of the commune's list. */
import { defineCommand } from "../../src/core/commands.js";
import { text } from "../../src/core/options.js";
import { communeOption } from "../../src/core/scope.js";
import { message } from "../../src/core/reply.js";
import { feastOf } from "../../src/features/feasts/lookup.js";

export default defineCommand({
  name: "fetes retirer",
  words: { fr: "fetes retirer", de: "feste entfernen", nl: "feesten verwijderen", en: "festivals remove" },
  intent: "share",
  optionWords: { ref: { de: "ref", nl: "ref", en: "ref" }, commune: { de: "gemeinde", nl: "gemeente", en: "commune" } },
  changesState: true,
  aliases: ["fêtes retirer", "feste entfernen", "feesten verwijderen", "festivals remove"],
  help: {
    fr: "Retirer une fête ou un marché de la liste de ma commune",
    de: "Ein Fest oder einen Markt aus der Liste meiner Gemeinde entfernen",
    nl: "Een feest of een markt uit de lijst van mijn gemeente verwijderen",
    en: "Remove a fête or market from my commune’s list",
  },
  usage: { fr: "fetes retirer 3f2a9c1b", de: "feste entfernen 3f2a9c1b", nl: "feesten verwijderen 3f2a9c1b", en: "festivals remove 3f2a9c1b" },
  scope: "commune",
  permission: "commune.contribute",
  refusal: "fe.notMember",
  options: {
    ref: text({ help: { fr: "Référence (voir `/cdce fetes`)", de: "Referenz (siehe `/cdce feste`)", nl: "Referentie (zie `/cdce feesten`)", en: "Reference (see `/cdce festivals`)" }, max: 40 }),
    commune: communeOption(),
  },
  async run({ options, commune, t, locale, services }) {
    const feast = await feastOf(services, options.ref, commune);
    await services.feasts.remove(feast.id);
    return message(locale, t("fe.removed", { name: feast.name, commune: commune.name }));
  },
});
