/** `/cdce partenaires modifier <nom> [type:] [ensemble:] [email:] [telephone:] [commune:]`: a member corrects a partner of the commune. */
import { defineCommand } from "../../src/core/commands.js";
import { message } from "../../src/core/reply.js";
import { CdceError } from "../../src/core/errors.js";
import type { PartnerPatch } from "../../src/features/partners/index.js";
import { findPartner, readEmail, readPhone } from "../../src/features/partners/lookup.js";
import { emailOption, kindOption, nameOption, partnerCommune, partnerOptionWords, phoneOption, togetherOption } from "./options.js";

export default defineCommand({
  name: "partenaires modifier",
  words: { fr: "partenaires modifier", de: "partner ändern", nl: "partners wijzigen", en: "partners edit" },
  intent: "manage",
  optionWords: partnerOptionWords,
  changesState: true,
  aliases: ["partenaire modifier", "partner edit", "partner andern", "partner wijzigen"],
  help: {
    fr: "Corriger un partenaire de la commune (membres)",
    de: "Einen Partner der Gemeinde korrigieren (Mitglieder)",
    nl: "Een partner van de gemeente corrigeren (leden)",
    en: "Correct a partner of the commune (members)",
  },
  usage: {
    fr: "partenaires modifier Oxfam Magasin du monde telephone:081223344",
    de: "partenaires modifier Weltladen Eupen telephone:087556677",
    nl: "partenaires modifier Wereldwinkel telephone:092334455",
    en: "partenaires modifier Oxfam Shop telephone:081223344",
  },
  scope: "commune",
  permission: "commune.contribute",
  options: { nom: nameOption, type: kindOption, ensemble: togetherOption, email: emailOption, telephone: phoneOption, commune: partnerCommune() },
  async run({ options: o, commune, t, locale, services }) {
    const partner = await findPartner(services, commune, o.nom);
    const patch: PartnerPatch = {};
    if (o.type) patch.kind = o.type;
    if (o.ensemble !== undefined) patch.together = o.ensemble || null;
    if (o.email !== undefined) patch.email = readEmail(o.email);
    if (o.telephone !== undefined) patch.phone = readPhone(o.telephone);
    if (Object.keys(patch).length === 0) throw new CdceError("partner.nothing", "partner.error.nothing");
    const updated = await services.community.partners.update(partner.id, patch);
    return message(locale, t("partner.updated", { name: updated.name }));
  },
});
