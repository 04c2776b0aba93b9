/**
 * `/cdce parcours modifier <role> <étape> [delai:<jours>] [langue:de] [texte:…]`:
 * coordination changes one step of a welcome journey (its day, or its text in one
 * language). Journeys are data: the next messages use the new text.
 */
import { defineCommand } from "../../src/core/commands.js";
import { choice, int, text } from "../../src/core/options.js";
import { message } from "../../src/core/reply.js";
import { CdceError } from "../../src/core/errors.js";
import { LOCALES } from "../../src/core/types.js";
import { allSteps, stepsOf } from "../../src/features/joining/journey.js";
import { readRole, roleLabel } from "../../src/features/joining/roles.js";

export default defineCommand({
  name: "parcours modifier",
  words: { fr: "parcours modifier", de: "begleitung ändern", nl: "onthaal wijzigen", en: "onboarding edit" },
  intent: "manage",
  optionWords: { role: { de: "rolle", nl: "rol", en: "role" }, etape: { de: "schritt", nl: "stap", en: "step" }, delai: { de: "frist", nl: "termijn", en: "delay" }, langue: { de: "sprache", nl: "taal", en: "language" }, texte: { de: "text", nl: "tekst", en: "text" } },
  changesState: true,
  aliases: ["onboarding edit"],
  help: { fr: "Changer le texte ou le délai d’une étape d’un parcours d’accueil (coordination)", de: "Text oder Frist eines Schritts der Willkommensbegleitung ändern (Koordination)", nl: "Tekst of termijn van een stap van een onthaaltraject wijzigen (coördinatie)", en: "Change the text or delay of a welcome journey step (coordination)" },
  usage: { fr: "parcours modifier benevole 2 delai:4", de: "parcours modifier benevole 2 langue:de texte:\"Drei Kits für Sie:\"", nl: "parcours modifier benevole 2 langue:nl texte:\"Drie kits voor u:\"", en: "parcours modifier benevole 2 langue:en texte:\"Three kits for you:\"" },
  permission: "network.admin",
  options: {
    role: text({ help: { fr: "benevole, ambassadeur, copil, elu, agent", de: "benevole, ambassadeur, copil, elu, agent", nl: "benevole, ambassadeur, copil, elu, agent", en: "benevole, ambassadeur, copil, elu, agent" }, max: 40 }),
    etape: int({ help: { fr: "Numéro de l’étape", de: "Nummer des Schritts", nl: "Nummer van de stap", en: "Step number" }, min: 0, max: 50, default: 0 }),
    delai: int({ help: { fr: "Jours après l’arrivée", de: "Tage nach der Ankunft", nl: "Dagen na de aankomst", en: "Days after arriving" }, min: -1, max: 60, default: -1 }),
    langue: choice({ help: { fr: "Langue du texte (fr par défaut)", de: "Sprache des Textes (standardmäßig fr)", nl: "Taal van de tekst (standaard fr)", en: "Language of the text (fr by default)" }, values: LOCALES }),
    texte: text({ help: { fr: "Nouveau texte ({name} et {commune} sont remplacés)", de: "Neuer Text ({name} und {commune} werden ersetzt)", nl: "Nieuwe tekst ({name} en {commune} worden vervangen)", en: "New text ({name} and {commune} are replaced)" }, max: 1500, rest: true }),
  },
  async run({ options: o, t, locale, services }) {
    const role = o.role ? readRole(o.role)?.role : undefined;
    if (!role) throw new CdceError("journey.no_role", "journey.noRole");
    if (o.delai < 0 && !o.texte) throw new CdceError("journey.no_change", "journey.needChange");
    const step = stepsOf(await allSteps(services), role).find((s) => s.position === o.etape);
    if (!step) throw new CdceError("journey.no_step", "journey.noStep", { role: roleLabel(t, role), n: o.etape });
    const text = o.texte ? { ...step.text, [o.langue ?? "fr"]: o.texte } : undefined;
    await services.joining.welcome.updateStep(role, step.position, { ...(o.delai >= 0 ? { delayDays: o.delai } : {}), ...(text ? { text } : {}) });
    return message(locale, t("journey.updated", { n: step.position, role: roleLabel(t, role) }));
  },
});
