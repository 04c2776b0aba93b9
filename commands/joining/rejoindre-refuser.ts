/**
 * `/cdce rejoindre refuser <réf> [motif]` (the "Refuser" button under a request): the
 * commune's CoPil (or coordination) refuses; the person is told, with the reason if given.
 */
import { defineCommand } from "../../src/core/commands.js";
import { text } from "../../src/core/options.js";
import { decide } from "../../src/features/joining/decide.js";

export default defineCommand({
  name: "rejoindre refuser",
  words: { fr: "rejoindre refuser", de: "beitreten ablehnen", nl: "aansluiten weigeren", en: "join refuse" },
  intent: "manage",
  optionWords: { ref: { de: "ref", nl: "ref", en: "ref" }, motif: { de: "grund", nl: "reden", en: "reason" } },
  changesState: true,
  aliases: ["join refuse", "join decline"],
  help: { fr: "Refuser une demande pour rejoindre la commune (CoPil)", de: "Eine Beitrittsanfrage ablehnen (Steuerungsgruppe)", nl: "Een aanvraag om aan te sluiten weigeren (stuurgroep)", en: "Refuse a request to join the commune (CoPil)" },
  usage: { fr: "rejoindre refuser 3f2a9c1b Le CoPil est complet", de: "rejoindre refuser 3f2a9c1b Die Gruppe ist voll", nl: "rejoindre refuser 3f2a9c1b De stuurgroep is volzet", en: "rejoindre refuser 3f2a9c1b The CoPil is full" },
  permission: "copil.manage",
  options: {
    ref: text({ help: { fr: "Référence de la demande", de: "Referenz der Anfrage", nl: "Referentie van de aanvraag", en: "Request reference" }, max: 40 }),
    motif: text({ help: { fr: "Un mot pour la personne", de: "Ein Wort für die Person", nl: "Een woord voor de persoon", en: "A word for the person" }, max: 500, rest: true }),
  },
  run: (ctx) => decide(ctx, ctx.options.ref, "refused", ctx.options.motif ?? null),
});
