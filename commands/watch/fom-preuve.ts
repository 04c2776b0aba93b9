/**
 * `/cdce fom preuve critere:4 Stand au marché de Noël [commune:Namur]`: records a piece of
 * Fair-O-Mètre evidence that the bot did not see by itself (a council vote, a shop that
 * joined...). It lands in the activity log, tagged with its criteria.
 */
import { defineCommand } from "../../src/core/commands.js";
import { text } from "../../src/core/options.js";
import { parseDecimalInt } from "../../src/core/numbers.js";
import { message } from "../../src/core/reply.js";
import { CdceError } from "../../src/core/errors.js";
import { communeFor, requireCommune } from "../../src/features/watch/access.js";
import { CRITERIA, type Criterion } from "../../src/features/watch/evidence.js";

export default defineCommand({
  name: "fom preuve",
  changesState: true,
  aliases: ["fom evidence", "fom nachweis", "fom bewijs"],
  help: {
    fr: "Ajouter une preuve pour un critère du Fair-O-Mètre",
    de: "Einen Nachweis für ein Fair-O-Mètre-Kriterium hinzufügen",
    nl: "Een bewijs toevoegen voor een Fair-O-Mètre-criterium",
    en: "Add evidence for a Fair-O-Mètre criterion",
  },
  usage: { fr: "fom preuve critere:4 Stand au marché de Noël", de: "fom preuve critere:4 Stand auf dem Weihnachtsmarkt", nl: "fom preuve critere:4 Stand op de kerstmarkt", en: "fom preuve critere:4 Stall at the Christmas market" },
  permission: "commune.manage",
  options: {
    titre: text({ help: { fr: "Ce qui a été fait", de: "Was gemacht wurde", nl: "Wat er gedaan werd", en: "What was done" }, max: 200, rest: true }),
    critere: text({ help: { fr: "Critère(s) servi(s), 1 à 6 : 4 ou 2,3", de: "Kriterium/Kriterien, 1 bis 6: 4 oder 2,3", nl: "Criterium/criteria, 1 tot 6: 4 of 2,3", en: "Criterion or criteria, 1 to 6: 4 or 2,3" }, max: 20 }),
    commune: text({ help: { fr: "Commune (la vôtre par défaut)", de: "Gemeinde (standardmäßig Ihre)", nl: "Gemeente (standaard de uwe)", en: "Commune (yours by default)" }, max: 80, autocomplete: "commune" }),
  },
  async run({ options, actor, t, locale, now, services }) {
    const criteria = [...new Set((options.critere ?? "").split(/[\s,;/]+/).filter(Boolean).map((w) => parseDecimalInt(w) ?? Number.NaN))];
    if (criteria.length === 0 || criteria.some((c) => !CRITERIA.includes(c as Criterion))) throw new CdceError("fom.bad_criterion", "fom.evidence.badCriterion");
    if (!options.titre) throw new CdceError("fom.no_title", "fom.evidence.noTitle");
    const commune = await communeFor(services.repos, actor, options.commune, "/cdce fom preuve critere:4 Stand commune:Namur");
    requireCommune(actor, commune, "commune.manage");
    criteria.sort((a, b) => a - b);
    await services.repos.activity.record({ communeId: commune.id, personId: actor.personId, kind: "evidence", at: now, data: { criteria, title: options.titre } });
    return message(locale, t("fom.evidence.recorded", { criteria: criteria.length, list: criteria.join(", "), title: options.titre }));
  },
});
