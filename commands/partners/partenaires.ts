/**
 * `/cdce partenaires [commune]`: a commune's partners by kind, what they do together, how
 * often they are credited; contact details for the commune's members only; what they count
 * for in the Fair-O-Mètre and the kinds missing, with the kit that helps to find one.
 */
import { defineCommand } from "../../src/core/commands.js";
import { communeOption } from "../../src/core/scope.js";
import { can } from "../../src/core/permissions.js";
import { kitTips, tally } from "../../src/features/partners/index.js";
import { partnerListReply } from "../../src/features/partners/view.js";

export default defineCommand({
  name: "partenaires",
  words: { fr: "partenaires", de: "partner", nl: "partners", en: "partners" },
  intent: "find",
  optionWords: { commune: { de: "gemeinde", nl: "gemeente", en: "commune" } },
  changesState: false,
  aliases: ["partenaire", "partner list", "partenaires liste"],
  help: {
    fr: "Les partenaires d’une commune (commerces, écoles, producteurs…) et ce qu’il manque",
    de: "Die Partner einer Gemeinde (Geschäfte, Schulen, Erzeuger…) und was fehlt",
    nl: "De partners van een gemeente (winkels, scholen, producenten…) en wat ontbreekt",
    en: "A commune's partners (shops, schools, producers…) and what is missing",
  },
  usage: { fr: "partenaires Namur", de: "partenaires Eupen", nl: "partenaires Bruxelles-Ville", en: "partenaires Namur" },
  // Names and kinds are public (the network learns from them); contacts are the commune's.
  scope: "commune",
  options: { commune: communeOption({ rest: true }) },
  async run({ commune, actor, t, locale, services }) {
    const partners = await services.community.partners.list(commune.id);
    const credits = await services.community.partners.linkCounts(partners.map((p) => p.id));
    const member = can(actor, "commune.view", { communeId: commune.id });
    return partnerListReply(locale, t, { commune, partners, credits, member, tips: kitTips(services.kits, tally(partners).missing, locale) });
  },
});
