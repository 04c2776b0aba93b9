/** `/cdce sondage fermer <réf>`: the author (or coordination) closes a poll; results are final. */
import { defineCommand } from "../../src/core/commands.js";
import { text } from "../../src/core/options.js";
import { reply } from "../../src/core/reply.js";
import { canModify, PermissionDenied } from "../../src/core/permissions.js";
import { findPoll, pollView } from "../../src/features/polls/service.js";

export default defineCommand({
  name: "sondage fermer",
  words: { fr: "sondage fermer", de: "umfrage schließen", nl: "peiling sluiten", en: "poll close" },
  intent: "share",
  optionWords: { ref: { de: "ref", nl: "ref", en: "ref" } },
  changesState: true,
  aliases: ["poll close", "umfrage schliessen", "peiling sluiten"],
  help: { fr: "Clore un sondage (auteur ou coordination)", de: "Eine Umfrage schließen (Autor:in oder Koordination)", nl: "Een peiling sluiten (auteur of coördinatie)", en: "Close a poll (author or coordination)" },
  usage: { fr: "sondage fermer 3f2a9c1b", de: "sondage fermer 3f2a9c1b", nl: "sondage fermer 3f2a9c1b", en: "sondage fermer 3f2a9c1b" },
  options: { ref: text({ help: { fr: "Référence", de: "Referenz", nl: "Referentie", en: "Reference" }, max: 40 }) },
  async run({ options: o, t, locale, actor, now, services }) {
    const poll = await findPoll(services, o.ref);
    if (!canModify(actor, poll)) throw new PermissionDenied("poll.forbidden", "poll.error.forbidden");
    const closed = await services.community.polls.close(poll.id, now);
    const blocks = await pollView(services, { ...poll, closedAt: poll.closedAt ?? now }, { locale, zone: actor.timeZone, now, actor });
    return reply(locale, [{ type: "section", text: t(closed ? "poll.closedNow" : "poll.alreadyClosed") }, ...blocks], closed ? "channel" : "ephemeral");
  },
});
