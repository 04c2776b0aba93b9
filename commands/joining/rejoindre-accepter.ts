/**
 * `/cdce rejoindre accepter <réf>` (the "Accepter" button under a request): the commune's
 * CoPil (or coordination) accepts; the person gets the role, is told, and their welcome
 * journey starts.
 */
import { defineCommand } from "../../src/core/commands.js";
import { text } from "../../src/core/options.js";
import { decide } from "../../src/features/joining/decide.js";

export default defineCommand({
  name: "rejoindre accepter",
  words: { fr: "rejoindre accepter", de: "beitreten annehmen", nl: "aansluiten aanvaarden", en: "join accept" },
  intent: "manage",
  optionWords: { ref: { de: "ref", nl: "ref", en: "ref" } },
  changesState: true,
  aliases: ["join accept"],
  help: { fr: "Accepter une demande pour rejoindre la commune (CoPil)", de: "Eine Beitrittsanfrage annehmen (Steuerungsgruppe)", nl: "Een aanvraag om aan te sluiten aanvaarden (stuurgroep)", en: "Accept a request to join the commune (CoPil)" },
  usage: { fr: "rejoindre accepter 3f2a9c1b", de: "rejoindre accepter 3f2a9c1b", nl: "rejoindre accepter 3f2a9c1b", en: "rejoindre accepter 3f2a9c1b" },
  // The request's commune decides who may answer: checked on it in `decide`.
  permission: "copil.manage",
  options: {
    ref: text({ help: { fr: "Référence de la demande", de: "Referenz der Anfrage", nl: "Referentie van de aanvraag", en: "Request reference" }, max: 40 }),
  },
  run: (ctx) => decide(ctx, ctx.options.ref, "accepted", null),
});
