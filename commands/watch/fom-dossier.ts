/**
 * `/cdce fom dossier [commune]`: the pre-filled evidence summary for the Fair-O-Mètre
 * questionnaire, criterion by criterion, to paste, and as a Markdown file to download.
 */
import { defineCommand } from "../../src/core/commands.js";
import { communeOption } from "../../src/core/scope.js";
import { fomStatus } from "../../src/features/watch/fom.js";
import { rosterHealth } from "../../src/features/watch/roster.js";
import { dossierReply } from "../../src/features/watch/fom-view.js";
import { EVIDENCE_LIMIT } from "./fom.js";
import { dossierPartnerLines } from "../../src/features/partners/index.js";

export default defineCommand({
  name: "fom dossier",
  words: { fr: "fom dossier", de: "fom dossier", nl: "fom dossier", en: "fom file" },
  intent: "manage",
  optionWords: { commune: { de: "gemeinde", nl: "gemeente", en: "commune" } },
  changesState: false,
  aliases: ["fom dossiers"],
  help: {
    fr: "Dossier pré-rempli du Fair-O-Mètre, à coller ou télécharger",
    de: "Vorausgefülltes Fair-O-Mètre-Dossier zum Einfügen oder Herunterladen",
    nl: "Vooraf ingevuld Fair-O-Mètre-dossier om te plakken of te downloaden",
    en: "Pre-filled Fair-O-Mètre dossier, to paste or download",
  },
  usage: { fr: "fom dossier", de: "fom dossier Eupen", nl: "fom dossier", en: "fom dossier Namur" },
  scope: "commune",
  permission: "commune.view",
  options: {
    commune: communeOption({ rest: true }),
  },
  async run({ commune, t, locale, now, services }) {
    const [history, members] = await Promise.all([services.repos.communes.fomHistory(commune.id), services.watch.copil.active(commune.id, now)]);
    const status = fomStatus(commune, history, now);
    const events = await services.watch.evidence.since(commune.id, status.cycleStart, now, EVIDENCE_LIMIT);
    // Local partners are evidence of criteria 2, 3 and 6 (and media of 4): listed under them, without contacts.
    const partners = dossierPartnerLines(t, await services.community.partners.list(commune.id));
    return dossierReply(locale, t, { commune, from: status.cycleStart, to: now, events, members, health: rosterHealth(members, now), partners });
  },
});
