/** `/cdce sondage resultats <réf>`: the live results of a poll. */
import { defineCommand } from "../../src/core/commands.js";
import { choice, text } from "../../src/core/options.js";
import { reply } from "../../src/core/reply.js";
import { can, canModify, PermissionDenied } from "../../src/core/permissions.js";
import { findPoll, pollView } from "../../src/features/polls/service.js";
import { resultsCsv } from "../../src/features/polls/public.js";

export default defineCommand({
  name: "sondage resultats",
  words: { fr: "sondage resultats", de: "umfrage ergebnisse", nl: "peiling resultaten", en: "poll results" },
  intent: "find",
  optionWords: { ref: { de: "ref", nl: "ref", en: "ref" }, format: { de: "format", nl: "formaat", en: "format" } },
  changesState: false,
  aliases: ["poll results", "umfrage ergebnisse", "peiling resultaten"],
  help: { fr: "Résultats d’un sondage", de: "Ergebnisse einer Umfrage", nl: "Resultaten van een peiling", en: "Results of a poll" },
  usage: { fr: "sondage resultats 3f2a9c1b csv", de: "sondage resultats 3f2a9c1b csv", nl: "sondage resultats 3f2a9c1b csv", en: "sondage resultats 3f2a9c1b csv" },
  options: {
    ref: text({ help: { fr: "Référence", de: "Referenz", nl: "Referentie", en: "Reference" }, max: 40 }),
    format: choice({ help: { fr: "csv : les résultats en fichier tableur", de: "csv: die Ergebnisse als Tabellendatei", nl: "csv: de resultaten als rekenbladbestand", en: "csv: the results as a spreadsheet file" }, values: ["csv"] as const }),
  },
  async run({ options: o, t, locale, actor, now, services }) {
    const poll = await findPoll(services, o.ref);
    const blocks = await pollView(services, poll, { locale, zone: actor.timeZone, now, actor });
    if (o.format !== "csv") return reply(locale, blocks);
    // The export is the CoPil's working file: the poll's author, its commune's CoPil (and staff), coordination.
    if (!canModify(actor, poll) && !(poll.communeId && can(actor, "commune.manage", { communeId: poll.communeId }))) throw new PermissionDenied("poll.csv_forbidden", "poll.error.csvForbidden");
    const tally = await services.community.polls.tally(poll.id, poll.choices.length);
    const csv = resultsCsv(poll, tally, { choice: t("poll.csv.choice"), label: t("poll.csv.label"), votes: t("poll.csv.votes"), percent: t("poll.csv.percent"), total: t("poll.csv.total") });
    const name = `sondage-${poll.id.slice(0, 8)}.csv`;
    return { ...reply(locale, [...blocks, { type: "context", text: t("poll.csv.file", { name }) }]), files: [{ name, contentType: "text/csv", data: csv }] };
  },
});
