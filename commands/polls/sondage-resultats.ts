/** `/cdce sondage resultats <réf>`: the live results of a poll. */
import { defineCommand } from "../../src/core/commands.js";
import { text } from "../../src/core/options.js";
import { reply } from "../../src/core/reply.js";
import { findPoll, pollView } from "../../src/features/polls/service.js";

export default defineCommand({
  name: "sondage resultats",
  words: { fr: "sondage resultats", de: "umfrage ergebnisse", nl: "peiling resultaten", en: "poll results" },
  intent: "find",
  optionWords: { ref: { de: "ref", nl: "ref", en: "ref" } },
  changesState: false,
  aliases: ["poll results", "umfrage ergebnisse", "peiling resultaten"],
  help: { fr: "Résultats d’un sondage", de: "Ergebnisse einer Umfrage", nl: "Resultaten van een peiling", en: "Results of a poll" },
  usage: { fr: "sondage resultats 3f2a9c1b", de: "sondage resultats 3f2a9c1b", nl: "sondage resultats 3f2a9c1b", en: "sondage resultats 3f2a9c1b" },
  options: { ref: text({ help: { fr: "Référence", de: "Referenz", nl: "Referentie", en: "Reference" }, max: 40 }) },
  async run({ options: o, locale, actor, now, services }) {
    const poll = await findPoll(services, o.ref);
    return reply(locale, await pollView(services, poll, { locale, zone: actor.timeZone, now, actor }));
  },
});
