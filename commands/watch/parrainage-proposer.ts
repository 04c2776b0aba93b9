/**
 * `/cdce parrainage proposer <commune>` (coordination): candidate mentor communes ranked by
 * language, distance, profile and size, Fair-O-Mètre grade and load (at most 2 mentees),
 * with a button to confirm the best ones.
 */
import { defineCommand } from "../../src/core/commands.js";
import { communeOption } from "../../src/core/scope.js";
import { scoreAll } from "../../src/features/watch/scan.js";
import { mentorCandidates, unlinkedCommunes } from "../../src/features/watch/mentoring-flow.js";
import { rankMentors } from "../../src/features/watch/mentoring.js";
import { proposalReply, SHOWN_CANDIDATES } from "../../src/features/watch/parrainage-view.js";

export default defineCommand({
  name: "parrainage proposer",
  words: { fr: "parrainage proposer", de: "patenschaft vorschlagen", nl: "meterschap voorstellen", en: "mentoring propose" },
  intent: "manage",
  optionWords: { commune: { de: "gemeinde", nl: "gemeente", en: "commune" } },
  changesState: false,
  aliases: ["parrainage propose", "mentoring propose"],
  help: {
    fr: "Proposer des communes marraines pour une commune (coordination)",
    de: "Patengemeinden für eine Gemeinde vorschlagen (Koordination)",
    nl: "Metergemeenten voorstellen voor een gemeente (coördinatie)",
    en: "Propose mentor communes for a commune (coordination)",
  },
  usage: { fr: "parrainage proposer Raeren", de: "parrainage proposer Raeren", nl: "parrainage proposer Jette", en: "parrainage proposer Tintigny" },
  // About another commune than one's own: it must be named.
  scope: { commune: "required", fallback: "none" },
  permission: "network.admin",
  options: {
    commune: communeOption({ rest: true, help: { fr: "La commune à accompagner", de: "Die zu begleitende Gemeinde", nl: "De te begeleiden gemeente", en: "The commune to mentor" } }),
  },
  async run({ commune: mentee, t, locale, now, services }) {
    const [scored, pairs] = await Promise.all([scoreAll(services, now), services.watch.mentoring.active()]);
    const ranked = rankMentors(mentee, mentorCandidates(scored, pairs));
    // The hint promises an introduction and monthly check-ins: only to communes whose channels can receive them.
    const unlinked = await unlinkedCommunes(services.notifier, [mentee, ...ranked.slice(0, SHOWN_CANDIDATES).map((r) => r.commune)]);
    return proposalReply(locale, t, mentee, ranked, unlinked);
  },
});
