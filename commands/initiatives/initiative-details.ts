/**
 * `/cdce initiative details <réf>`: the follow-up form of a shared initiative (partner
 * kinds, criteria served, place, links), so the first form stays at five fields. Its
 * submission runs `initiative modifier`.
 */
import { defineCommand } from "../../src/core/commands.js";
import { text } from "../../src/core/options.js";
import { message } from "../../src/core/reply.js";
import { canModify, PermissionDenied } from "../../src/core/permissions.js";
import { findInitiative } from "../../src/features/initiatives/service.js";

export default defineCommand({
  name: "initiative details",
  words: { fr: "initiative details", de: "initiative details", nl: "initiatief details", en: "initiative details" },
  intent: "share",
  optionWords: { ref: { de: "ref", nl: "ref", en: "ref" } },
  changesState: false,
  hidden: true,
  help: { fr: "Compléter une initiative (partenaires, critères, lieu, liens)", de: "Eine Initiative ergänzen (Partner, Kriterien, Ort, Links)", nl: "Een initiatief aanvullen (partners, criteria, plaats, links)", en: "Complete an initiative (partners, criteria, place, links)" },
  usage: { fr: "initiative details 3f2a9c1b", de: "initiative details 3f2a9c1b", nl: "initiative details 3f2a9c1b", en: "initiative details 3f2a9c1b" },
  options: { ref: text({ help: { fr: "Référence", de: "Referenz", nl: "Referentie", en: "Reference" }, max: 40 }) },
  async run({ options: o, t, locale, actor, services }) {
    const i = await findInitiative(services, o.ref, actor);
    if (!canModify(actor, i)) throw new PermissionDenied("initiative.forbidden", "initiative.error.forbidden");
    const form = {
      title: t("initiative.details.formTitle"),
      submitCommand: "initiative modifier",
      submitLabel: t("form.submit"),
      fields: [
        { name: "ref", label: t("initiative.form.ref"), kind: "text" as const, required: true, value: i.id },
        { name: "partenaires", label: t("initiative.form.partenaires"), kind: "text" as const, required: false, value: i.partnerKinds.join(", "), placeholder: "commerce, horeca, ecole, association, producteur, media" },
        { name: "criteres", label: t("initiative.form.criteres"), kind: "text" as const, required: false, value: i.criteria.join(", "), placeholder: "4, 6" },
        { name: "lieu", label: t("initiative.form.lieu"), kind: "text" as const, required: false, value: i.place ?? "" },
        { name: "liens", label: t("initiative.form.liens"), kind: "textarea" as const, required: false, value: i.links.join("\n"), placeholder: "https://…" },
      ],
    };
    return { ...message(locale, form.title), form };
  },
});
