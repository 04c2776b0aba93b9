/**
 * The options and form fields a local action is written with, shared by the commands that
 * read one (`evenement creer`, `evenement proposer`): same words, same limits, same checks
 * (readLocalEvent), in every language.
 */
import type { Translate } from "../../core/i18n/catalogue.js";
import { text } from "../../core/options.js";

const h = (fr: string, de: string, nl: string, en: string) => ({ fr, de, nl, en });

export const LOCAL_EVENT_OPTIONS = {
  type: text({ help: h("stand, atelier, petit-dejeuner, marche, action-ecole, autre", "stand, atelier, petit-dejeuner, marche, action-ecole, autre", "stand, atelier, petit-dejeuner, marche, action-ecole, autre", "stand, atelier, petit-dejeuner, marche, action-ecole, autre"), max: 40 }),
  titre: text({ help: h("Titre", "Titel", "Titel", "Title"), max: 150 }),
  debut: text({ help: h("Jour et heures : 12/10 9h-13h", "Tag und Uhrzeit: 12.10. 9:00-13:00", "Dag en uren: 12/10 9u-13u", "Day and hours: 2027-10-12 9:00-13:00"), max: 80 }),
  lieu: text({ help: h("Lieu", "Ort", "Plaats", "Place"), max: 200 }),
};

/** The words of those options (and of `description` and `commune`, which both commands have). */
export const LOCAL_EVENT_OPTION_WORDS = {
  type: { de: "typ", nl: "type", en: "type" },
  titre: { de: "titel", nl: "titel", en: "title" },
  debut: { de: "beginn", nl: "begin", en: "start" },
  lieu: { de: "ort", nl: "plaats", en: "place" },
  description: { de: "beschreibung", nl: "beschrijving", en: "description" },
  commune: { de: "gemeinde", nl: "gemeente", en: "commune" },
};

/** The form's first four fields: type, title, day and hours, place. */
export function localEventFields(t: Translate) {
  return [
    { name: "type", label: t("ev.local.field.type"), kind: "text" as const, required: true, placeholder: "stand" },
    { name: "titre", label: t("ev.form.titre"), kind: "text" as const, required: true },
    { name: "debut", label: t("ev.local.field.debut"), kind: "text" as const, required: true, placeholder: t("ev.local.example") },
    { name: "lieu", label: t("ev.field.place"), kind: "text" as const, required: true },
  ];
}
