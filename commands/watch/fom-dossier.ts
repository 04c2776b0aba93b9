/**
 * `/cdce fom dossier [commune]`: the pre-filled evidence summary for the Fair-O-Mètre
 * questionnaire, criterion by criterion, to paste, and as a Markdown file to download.
 */
import { defineCommand } from "../../src/core/commands.js";
import { text } from "../../src/core/options.js";
import { communeFor, requireCommune } from "../../src/features/watch/access.js";
import { fomStatus } from "../../src/features/watch/fom.js";
import { rosterHealth } from "../../src/features/watch/roster.js";
import { dossierReply } from "../../src/features/watch/fom-view.js";
import { EVIDENCE_LIMIT } from "./fom.js";

export default defineCommand({
  name: "fom dossier",
  changesState: false,
  aliases: ["fom dossiers"],
  help: {
    fr: "Dossier pré-rempli du Fair-O-Mètre, à coller ou télécharger",
    de: "Vorausgefülltes Fair-O-Mètre-Dossier zum Einfügen oder Herunterladen",
    nl: "Vooraf ingevuld Fair-O-Mètre-dossier om te plakken of te downloaden",
    en: "Pre-filled Fair-O-Mètre dossier, to paste or download",
  },
  usage: { fr: "fom dossier", de: "fom dossier Eupen", nl: "fom dossier", en: "fom dossier Namur" },
  options: {
    commune: text({ help: { fr: "Commune (la vôtre par défaut)", de: "Gemeinde (standardmäßig Ihre)", nl: "Gemeente (standaard de uwe)", en: "Commune (yours by default)" }, max: 80, rest: true, autocomplete: "commune" }),
  },
  async run({ options, actor, t, locale, now, services }) {
    const commune = await communeFor(services.repos, actor, options.commune, "/cdce fom dossier Namur");
    requireCommune(actor, commune);
    const [history, members] = await Promise.all([services.repos.communes.fomHistory(commune.id), services.watch.copil.active(commune.id, now)]);
    const status = fomStatus(commune, history, now);
    const events = await services.watch.evidence.since(commune.id, status.cycleStart, now, EVIDENCE_LIMIT);
    return dossierReply(locale, t, { commune, from: status.cycleStart, to: now, events, members, health: rosterHealth(members, now) });
  },
});
