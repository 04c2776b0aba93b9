/**
 * `/cdce parrainage proposer <commune>` (coordination): candidate mentor communes ranked by
 * language, distance, profile and size, Fair-O-Mètre grade and load (at most 2 mentees),
 * with a button to confirm the best ones.
 */
import { defineCommand } from "../../src/core/commands.js";
import { text } from "../../src/core/options.js";
import { CdceError } from "../../src/core/errors.js";
import { communeFor } from "../../src/features/watch/access.js";
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
  permission: "network.admin",
  options: {
    commune: text({ help: { fr: "La commune à accompagner", de: "Die zu begleitende Gemeinde", nl: "De te begeleiden gemeente", en: "The commune to mentor" }, max: 80, rest: true, autocomplete: "commune" }),
  },
  async run({ options, actor, t, locale, now, services }) {
    if (!options.commune) throw new CdceError("watch.commune_needed", "watch.commune.needed", { example: "/cdce parrainage proposer Raeren" });
    const mentee = await communeFor(services.repos, actor, options.commune, "/cdce parrainage proposer Raeren");
    const [scored, pairs] = await Promise.all([scoreAll(services, now), services.watch.mentoring.active()]);
    return proposalReply(locale, t, mentee, rankMentors(mentee, mentorCandidates(scored, pairs)));
  },
});
