/**
 * `/cdce fom preuve critere:4 Stand au marché de Noël [commune:Namur]`: records a piece of
 * Fair-O-Mètre evidence that the bot did not see by itself (a council vote, a shop that
 * joined...). It lands in the activity log, tagged with its criteria.
 */
import { defineCommand } from "../../src/core/commands.js";
import { text } from "../../src/core/options.js";
import { communeOption } from "../../src/core/scope.js";
import { parseDecimalInt } from "../../src/core/numbers.js";
import { message } from "../../src/core/reply.js";
import { CdceError } from "../../src/core/errors.js";
import { CRITERIA, type Criterion } from "../../src/features/watch/evidence.js";

export default defineCommand({
  name: "fom preuve",
  words: { fr: "fom preuve", de: "fom nachweis", nl: "fom bewijs", en: "fom evidence" },
  intent: "manage",
  optionWords: { titre: { de: "titel", nl: "titel", en: "title" }, critere: { de: "kriterium", nl: "criterium", en: "criterion" }, commune: { de: "gemeinde", nl: "gemeente", en: "commune" } },
  changesState: true,
  aliases: ["fom evidence", "fom nachweis", "fom bewijs"],
  help: {
    fr: "Ajouter une preuve pour un critère du Fair-O-Mètre",
    de: "Einen Nachweis für ein Fair-O-Mètre-Kriterium hinzufügen",
    nl: "Een bewijs toevoegen voor een Fair-O-Mètre-criterium",
    en: "Add evidence for a Fair-O-Mètre criterion",
  },
  usage: { fr: "fom preuve critere:4 Stand au marché de Noël", de: "fom preuve critere:4 Stand auf dem Weihnachtsmarkt", nl: "fom preuve critere:4 Stand op de kerstmarkt", en: "fom preuve critere:4 Stall at the Christmas market" },
  scope: "commune",
  permission: "commune.manage",
  activity: { kind: "evidence", data: ({ options }) => ({ criteria: criteriaOf(options.critere), title: options.titre }) },
  options: {
    titre: text({ help: { fr: "Ce qui a été fait", de: "Was gemacht wurde", nl: "Wat er gedaan werd", en: "What was done" }, max: 200, rest: true }),
    critere: text({ help: { fr: "Critère(s) servi(s), 1 à 6 : 4 ou 2,3", de: "Kriterium/Kriterien, 1 bis 6: 4 oder 2,3", nl: "Criterium/criteria, 1 tot 6: 4 of 2,3", en: "Criterion or criteria, 1 to 6: 4 or 2,3" }, max: 20 }),
    commune: communeOption(),
  },
  async run({ options, t, locale }) {
    const criteria = criteriaOf(options.critere);
    if (criteria.length === 0 || criteria.some((c) => !CRITERIA.includes(c as Criterion))) throw new CdceError("fom.bad_criterion", "fom.evidence.badCriterion");
    if (!options.titre) throw new CdceError("fom.no_title", "fom.evidence.noTitle");
    // The evidence itself is the activity the chain records (see `activity` above).
    return message(locale, t("fom.evidence.recorded", { criteria: criteria.length, list: criteria.join(", "), title: options.titre }));
  },
});

/** The criteria typed (`4`, `2,3`), unique and sorted; what is not a number stays NaN, to be refused. */
function criteriaOf(typed: string | undefined): number[] {
  return [...new Set((typed ?? "").split(/[\s,;/]+/).filter(Boolean).map((w) => parseDecimalInt(w) ?? Number.NaN))].sort((a, b) => a - b);
}
