/** `/cdce partenaires retirer <nom> [commune:]`: a member takes a partner off the commune's list (and off what it was credited on). */
import { defineCommand } from "../../src/core/commands.js";
import { message } from "../../src/core/reply.js";
import { findPartner } from "../../src/features/partners/lookup.js";
import { removePartner } from "../../src/features/partners/credit.js";
import { nameOption, partnerCommune, partnerOptionWords } from "./options.js";

export default defineCommand({
  name: "partenaires retirer",
  words: { fr: "partenaires retirer", de: "partner entfernen", nl: "partners verwijderen", en: "partners remove" },
  intent: "manage",
  optionWords: { nom: partnerOptionWords.nom, commune: partnerOptionWords.commune },
  changesState: true,
  aliases: ["partenaire retirer", "partner remove", "partner entfernen", "partner verwijderen"],
  help: {
    fr: "Retirer un partenaire de la commune (membres)",
    de: "Einen Partner der Gemeinde entfernen (Mitglieder)",
    nl: "Een partner van de gemeente verwijderen (leden)",
    en: "Remove a partner of the commune (members)",
  },
  usage: { fr: "partenaires retirer Oxfam Magasin du monde", de: "partenaires retirer Weltladen Eupen", nl: "partenaires retirer Wereldwinkel", en: "partenaires retirer Oxfam Shop" },
  scope: "commune",
  permission: "commune.contribute",
  options: { nom: nameOption, commune: partnerCommune() },
  async run({ options: o, commune, t, locale, now, services }) {
    const partner = await findPartner(services, commune, o.nom);
    await removePartner(services, partner, now);
    return message(locale, t("partner.removed", { name: partner.name, commune: commune.name }));
  },
});
