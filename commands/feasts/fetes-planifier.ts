/**
 * `/cdce fetes planifier <réf> [commune:]` (the button of a feast's prompt): opens the local
 * event form filled for the feast's next day (type stand, a title, the day), for the
 * commune's CoPil to add the hours and the place. Nothing is stored until the form is sent.
 */
import { defineCommand } from "../../src/core/commands.js";
import { text } from "../../src/core/options.js";
import { communeOption } from "../../src/core/scope.js";
import { message, reply } from "../../src/core/reply.js";
import { formatLocalDay } from "../../src/core/time/local.js";
import { feastOf } from "../../src/features/feasts/lookup.js";
import { nextOccurrence } from "../../src/features/feasts/calendar.js";

export default defineCommand({
  name: "fetes planifier",
  words: { fr: "fetes planifier", de: "feste planen", nl: "feesten plannen", en: "festivals plan" },
  intent: "manage",
  optionWords: { ref: { de: "ref", nl: "ref", en: "ref" }, commune: { de: "gemeinde", nl: "gemeente", en: "commune" } },
  changesState: false,
  aliases: ["fêtes planifier", "feste planen", "feesten plannen", "festivals plan"],
  hidden: true,
  help: {
    fr: "Prévoir une action à une fête ou un marché local (formulaire prérempli)",
    de: "Eine Aktion bei einem lokalen Fest oder Markt planen (ausgefülltes Formular)",
    nl: "Een actie plannen op een lokaal feest of een markt (ingevuld formulier)",
    en: "Plan an action at a local fête or market (a filled form)",
  },
  usage: { fr: "fetes planifier 3f2a9c1b", de: "feste planen 3f2a9c1b", nl: "feesten plannen 3f2a9c1b", en: "festivals plan 3f2a9c1b" },
  scope: "commune",
  permission: "commune.manage",
  refusal: "error.forbidden",
  options: {
    ref: text({ help: { fr: "Référence", de: "Referenz", nl: "Referentie", en: "Reference" }, max: 40 }),
    commune: communeOption(),
  },
  async run({ options, commune, t, locale, now, services }) {
    const feast = await feastOf(services, options.ref, commune);
    const at = nextOccurrence(feast, now, commune.timeZone);
    if (!at) return message(locale, t("fe.plan.over", { name: feast.name }));
    return {
      ...reply(locale, [{ type: "section", text: t("fe.plan.intro", { name: feast.name, date: formatLocalDay(at.start, commune.timeZone, locale) }) }]),
      form: {
        title: t("ev.local.formTitle"),
        submitCommand: "evenement creer",
        submitLabel: t("form.submit"),
        fields: [
          { name: "type", label: t("ev.local.field.type"), kind: "text", required: true, value: "stand" },
          { name: "titre", label: t("ev.form.titre"), kind: "text", required: true, value: t("fe.plan.title", { name: feast.name }) },
          // The day as `2027-06-24`, which every language's reader takes: the hours are to add.
          { name: "debut", label: t("ev.local.field.debut"), kind: "text", required: true, value: `${at.day} `, placeholder: t("ev.local.example") },
          { name: "lieu", label: t("ev.field.place"), kind: "text", required: true },
          { name: "creneaux", label: t("ev.local.field.slots"), kind: "text", required: false, placeholder: "9h-11h x2, 11h-13h x2" },
        ],
      },
    };
  },
});
