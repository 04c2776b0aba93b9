/**
 * `/cdce copil interesse <appel>` (the "Je suis intéressé·e" button of a recruitment call):
 * anyone says they are interested; the CoPil sees them in `copil candidats`. Once per call.
 */
import { defineCommand } from "../../src/core/commands.js";
import { text } from "../../src/core/options.js";
import { message } from "../../src/core/reply.js";
import { CdceError } from "../../src/core/errors.js";
import { prefixWithin } from "../../src/core/clip.js";

export default defineCommand({
  name: "copil interesse",
  words: { fr: "copil interesse", de: "copil interessiert", nl: "copil interesse", en: "copil interested" },
  intent: "take-part",
  optionWords: { ref: { de: "ref", nl: "ref", en: "ref" } },
  changesState: true,
  aliases: ["copil interested", "copil candidat"],
  help: { fr: "Dire mon intérêt pour un appel du CoPil", de: "Mich auf einen Aufruf der Steuerungsgruppe melden", nl: "Mijn interesse tonen voor een oproep van de stuurgroep", en: "Say I am interested in a CoPil’s call" },
  usage: { fr: "copil interesse 3f2a9c1b", de: "copil interesse 3f2a9c1b", nl: "copil interesse 3f2a9c1b", en: "copil interesse 3f2a9c1b" },
  options: {
    ref: text({ help: { fr: "Référence de l’appel", de: "Referenz des Aufrufs", nl: "Referentie van de oproep", en: "Call reference" }, max: 40 }),
  },
  async run({ options, actor, t, locale, now, services }) {
    const r = (options.ref ?? "").trim();
    const calls = r ? await services.joining.recruit.findCall(r) : [];
    if (calls.length !== 1) throw new CdceError("recruit.not_found", "recruit.notFound", { ref: prefixWithin(r, 40) || "?" });
    const call = calls[0]!;
    const commune = await services.repos.communes.get(call.communeId);
    const { created } = await services.joining.recruit.answer(call.id, actor.personId, now);
    return message(locale, t(created ? "recruit.thanks" : "recruit.already", { commune: commune?.name ?? "?" }));
  },
});
