/**
 * `/cdce sondage voter <réf> <n>`: a vote button. One vote per person and poll (a later
 * click changes it); answers the voter with the live results.
 */
import { defineCommand } from "../../src/core/commands.js";
import { int, text } from "../../src/core/options.js";
import { reply } from "../../src/core/reply.js";
import { CdceError } from "../../src/core/errors.js";
import { findPoll, pollView } from "../../src/features/polls/service.js";
import { isOpen } from "../../src/features/polls/render.js";
import { prefixWithin } from "../../src/core/clip.js";

export default defineCommand({
  name: "sondage voter",
  words: { fr: "sondage voter", de: "umfrage abstimmen", nl: "peiling stemmen", en: "poll vote" },
  intent: "take-part",
  optionWords: { ref: { de: "ref", nl: "ref", en: "ref" }, choix: { de: "auswahl", nl: "keuze", en: "choices" } },
  changesState: true,
  aliases: ["poll vote"],
  hidden: true,
  help: { fr: "Voter à un sondage", de: "Bei einer Umfrage abstimmen", nl: "Stemmen in een peiling", en: "Vote in a poll" },
  usage: { fr: "sondage voter 3f2a9c1b 2", de: "sondage voter 3f2a9c1b 2", nl: "sondage voter 3f2a9c1b 2", en: "sondage voter 3f2a9c1b 2" },
  options: {
    ref: text({ help: { fr: "Référence", de: "Referenz", nl: "Referentie", en: "Reference" }, max: 40 }),
    choix: int({ help: { fr: "Numéro du choix", de: "Nummer der Option", nl: "Nummer van de keuze", en: "Choice number" }, min: 1, max: 10, default: 0 }),
  },
  async run({ options: o, t, locale, actor, now, services }) {
    const poll = await findPoll(services, o.ref);
    if (!isOpen(poll, now)) throw new CdceError("poll.closed", "poll.error.closed", { question: prefixWithin(poll.question, 80) });
    const label = poll.choices[o.choix - 1];
    if (!label) throw new CdceError("poll.bad_choice", "poll.error.badChoice", { max: poll.choices.length });
    const outcome = await services.community.polls.vote(poll.id, actor.personId, o.choix - 1, now);
    const head = t(outcome === "created" ? "poll.voted" : outcome === "changed" ? "poll.changed" : "poll.same", { choice: label });
    return reply(locale, [{ type: "section", text: head }, ...(await pollView(services, poll, { locale, zone: actor.timeZone, now, actor }))]);
  },
});
