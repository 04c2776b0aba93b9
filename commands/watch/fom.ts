/**
 * `/cdce fom [commune]`: the Fair-O-Mètre status of a commune (the caller's by default):
 * due date, grades, and the six criteria with the evidence gathered so far.
 */
import { defineCommand } from "../../src/core/commands.js";
import { communeOption } from "../../src/core/scope.js";
import { can } from "../../src/core/permissions.js";
import { fomStatus } from "../../src/features/watch/fom.js";
import { rosterHealth } from "../../src/features/watch/roster.js";
import { fomStatusReply } from "../../src/features/watch/fom-view.js";
import { fomPartnerLines, kitTips, tally } from "../../src/features/partners/index.js";

/** Evidence read for one cycle: far more than a commune records in two years. */
export const EVIDENCE_LIMIT = 1000;

export default defineCommand({
  name: "fom",
  words: { fr: "fom", de: "fom", nl: "fom", en: "fom" },
  intent: "find",
  optionWords: { commune: { de: "gemeinde", nl: "gemeente", en: "commune" } },
  changesState: false,
  aliases: ["fairometre", "fair-o-metre"],
  help: {
    fr: "Fair-O-Mètre : échéance, notes et preuves des six critères",
    de: "Fair-O-Mètre: Frist, Noten und Nachweise der sechs Kriterien",
    nl: "Fair-O-Mètre: deadline, scores en bewijzen van de zes criteria",
    en: "Fair-O-Mètre: due date, grades and evidence for the six criteria",
  },
  usage: { fr: "fom Namur", de: "fom Eupen", nl: "fom Bruxelles-Ville", en: "fom Namur" },
  // Every commune's status is public; managing it (the buttons) is the CoPil's.
  scope: "commune",
  options: {
    commune: communeOption({ rest: true }),
  },
  async run({ commune, actor, t, locale, now, services }) {
    const [history, members] = await Promise.all([services.repos.communes.fomHistory(commune.id), services.watch.copil.active(commune.id, now)]);
    const status = fomStatus(commune, history, now);
    const events = await services.watch.evidence.since(commune.id, status.cycleStart, now, EVIDENCE_LIMIT);
    // Local partners are evidence of criteria 2, 3 and 6 in their own right.
    const partners = await services.community.partners.list(commune.id);
    return fomStatusReply(locale, t, {
      commune,
      status,
      history,
      events,
      health: rosterHealth(members, now),
      canManage: can(actor, "commune.manage", { communeId: commune.id }),
      partners: fomPartnerLines(t, partners, kitTips(services.kits, tally(partners).missing, locale)),
    });
  },
});
