/**
 * `/cdce parrainage proposer <commune>` (coordination): candidate mentor communes ranked by
 * language, distance, profile and size, Fair-O-Mètre grade and load (at most 2 mentees),
 * with a button to confirm the best ones.
 */
import { defineCommand } from "../../src/core/commands.js";
import { communeOption } from "../../src/core/scope.js";
import { scoreAll } from "../../src/features/watch/scan.js";
import { mentorCandidates } from "../../src/features/watch/mentoring-flow.js";
import { rankMentors } from "../../src/features/watch/mentoring.js";
import { proposalReply } from "../../src/features/watch/parrainage-view.js";

export default defineCommand({
  name: "parrainage proposer",
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
    return proposalReply(locale, t, mentee, rankMentors(mentee, mentorCandidates(scored, pairs)));
  },
});
