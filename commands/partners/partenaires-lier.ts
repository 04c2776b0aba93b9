/**
 * `/cdce partenaires lier <nom> initiative:<réf>|evenement:<code> [retirer:oui] [commune:]`: a member
 * credits a partner on one of the commune's initiatives or events (or takes the credit back).
 * A published initiative's network post goes out again, naming its partners.
 */
import { defineCommand } from "../../src/core/commands.js";
import { choice } from "../../src/core/options.js";
import { message } from "../../src/core/reply.js";
import { CdceError } from "../../src/core/errors.js";
import { findPartner, resolveTarget } from "../../src/features/partners/lookup.js";
import { creditOff, creditOn } from "../../src/features/partners/credit.js";
import { eventOption, initiativeOption, nameOption, partnerCommune, partnerOptionWords } from "./options.js";

const yesNo = (s: string) => (/^(oui|yes|ja|y|o|1|true)$/i.test(s) ? "oui" : /^(non|no|nein|nee|n|0|false)$/i.test(s) ? "non" : undefined);

export default defineCommand({
  name: "partenaires lier",
  words: { fr: "partenaires lier", de: "partner verknüpfen", nl: "partners koppelen", en: "partners link" },
  intent: "share",
  optionWords: { nom: partnerOptionWords.nom, initiative: partnerOptionWords.initiative, evenement: partnerOptionWords.evenement, commune: partnerOptionWords.commune, retirer: { de: "entfernen", nl: "verwijderen", en: "remove" } },
  changesState: true,
  aliases: ["partenaire lier", "partner link", "partner verknupfen", "partner koppelen"],
  help: {
    fr: "Créditer un partenaire sur une initiative ou un événement de la commune",
    de: "Einen Partner bei einer Initiative oder Veranstaltung der Gemeinde nennen",
    nl: "Een partner vermelden bij een initiatief of evenement van de gemeente",
    en: "Credit a partner on one of the commune's initiatives or events",
  },
  usage: {
    fr: "partenaires lier Oxfam Magasin du monde initiative:3f2a9c1b",
    de: "partenaires lier Weltladen Eupen evenement:k3x9q",
    nl: "partenaires lier Wereldwinkel initiative:3f2a9c1b",
    en: "partenaires lier Oxfam Shop evenement:k3x9q",
  },
  scope: "commune",
  permission: "commune.contribute",
  options: {
    nom: nameOption,
    initiative: initiativeOption,
    evenement: eventOption,
    retirer: choice({ help: { fr: "oui : retirer le crédit", de: "oui: Nennung entfernen", nl: "oui: vermelding weghalen", en: "oui: take the credit back" }, values: ["oui", "non"] as const, normalize: yesNo }),
    commune: partnerCommune(),
  },
  async run({ options: o, commune, actor, t, locale, now, services }) {
    const partner = await findPartner(services, commune, o.nom);
    const target = await resolveTarget(services, actor, commune, o);
    if (!target) throw new CdceError("partner.target_missing", "partner.error.targetMissing");
    const values = { name: partner.name, target: target.title };
    if (o.retirer === "oui") {
      const r = await creditOff(services, partner, target, now);
      return message(locale, t(r.changed ? "partner.unlinked" : "partner.error.notLinked", values));
    }
    const r = await creditOn(services, partner, target, now);
    if (!r.changed) return message(locale, t("partner.alreadyLinked", values));
    return message(locale, t(r.reposted ? "partner.linked.reposted" : "partner.linked", values));
  },
});
