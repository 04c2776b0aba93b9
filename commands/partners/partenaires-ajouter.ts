/**
 * `/cdce partenaires ajouter <nom> type:<type> [ensemble:] [email:] [telephone:] [initiative:|evenement:] [commune:]`:
 * a member of the commune records a local partner (without options: a form), and may credit
 * it at once on one of the commune's initiatives or events.
 */
import { defineCommand } from "../../src/core/commands.js";
import { message } from "../../src/core/reply.js";
import { CdceError } from "../../src/core/errors.js";
import { prefixWithin } from "../../src/core/clip.js";
import { slugify } from "../../src/core/slug.js";
import { PARTNER_KINDS, kindLabel } from "../../src/features/partners/index.js";
import { readEmail, readPhone, resolveTarget } from "../../src/features/partners/lookup.js";
import { creditOn } from "../../src/features/partners/credit.js";
import { emailOption, eventOption, initiativeOption, kindOption, nameOption, partnerCommune, partnerOptionWords, phoneOption, togetherOption } from "./options.js";

export default defineCommand({
  name: "partenaires ajouter",
  words: { fr: "partenaires ajouter", de: "partner hinzufügen", nl: "partners toevoegen", en: "partners add" },
  intent: "share",
  optionWords: partnerOptionWords,
  changesState: true,
  aliases: ["partenaire ajouter", "partner add", "partner hinzufugen", "partner toevoegen"],
  help: {
    fr: "Enregistrer un partenaire local de la commune (membres)",
    de: "Einen lokalen Partner der Gemeinde eintragen (Mitglieder)",
    nl: "Een lokale partner van de gemeente registreren (leden)",
    en: "Record a local partner of the commune (members)",
  },
  usage: {
    fr: 'partenaires ajouter Oxfam Magasin du monde type:commerce ensemble:"Café équitable au marché"',
    de: 'partenaires ajouter Weltladen Eupen type:commerce ensemble:"Fairer Kaffee am Markt"',
    nl: 'partenaires ajouter Wereldwinkel type:commerce ensemble:"Eerlijke koffie op de markt"',
    en: 'partenaires ajouter Oxfam Shop type:commerce ensemble:"Fair coffee at the market"',
  },
  scope: "commune",
  permission: "commune.contribute",
  options: {
    nom: nameOption,
    type: kindOption,
    ensemble: togetherOption,
    email: emailOption,
    telephone: phoneOption,
    initiative: initiativeOption,
    evenement: eventOption,
    commune: partnerCommune(),
  },
  form: ({ t }) => ({
    title: t("partner.form.title"),
    submitCommand: "partenaires ajouter",
    submitLabel: t("form.submit"),
    fields: [
      { name: "nom", label: t("partner.form.name"), kind: "text", required: true },
      { name: "type", label: t("partner.form.kind"), kind: "text", required: true, placeholder: PARTNER_KINDS.join(", ") },
      { name: "ensemble", label: t("partner.form.together"), kind: "textarea", required: false },
      { name: "email", label: t("partner.form.email"), kind: "text", required: false },
      { name: "telephone", label: t("partner.form.phone"), kind: "text", required: false },
    ],
  }),
  async run({ options: o, commune, actor, t, locale, now, services }) {
    // Problems come back per field, so that a modal shows each beside its field.
    const errors: Record<string, string> = {};
    if (!o.nom) errors.nom = t("partner.error.nameMissing");
    if (!o.type) errors.type = t("partner.error.kindMissing");
    const checked = <T>(field: string, read: () => T): T | null => {
      try {
        return read();
      } catch (e) {
        if (!(e instanceof CdceError)) throw e;
        errors[field] = t(e.messageKey, e.params);
        return null;
      }
    };
    const email = checked("email", () => readEmail(o.email));
    const phone = checked("telephone", () => readPhone(o.telephone));
    if (!o.nom || !o.type || Object.keys(errors).length) return { ...message(locale, Object.values(errors).join("\n")), fieldErrors: errors };
    const target = await resolveTarget(services, actor, commune, o);
    const partner = await services.community.partners.add({ communeId: commune.id, name: o.nom, key: slugify(o.nom), kind: o.type, together: o.ensemble ?? null, email, phone });
    if (!partner) throw new CdceError("partner.duplicate", "partner.error.duplicate", { commune: commune.name, name: prefixWithin(o.nom, 80) });
    const values = { name: partner.name, kind: kindLabel(t, partner.kind), commune: commune.name };
    if (!target) return message(locale, t("partner.added", values));
    await creditOn(services, partner, target, now);
    return message(locale, t("partner.added.linked", { ...values, target: target.title }));
  },
});
