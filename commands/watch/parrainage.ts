/**
 * `/cdce parrainage` (coordination): current mentoring pairs ("commune marraine – commune
 * accompagnée"). `parrainage proposer <commune>` ranks candidate mentors; a button confirms.
 */
import { defineCommand } from "../../src/core/commands.js";
import { pairsReply } from "../../src/features/watch/parrainage-view.js";

export default defineCommand({
  name: "parrainage",
  words: { fr: "parrainage", de: "patenschaft", nl: "meterschap", en: "mentoring" },
  intent: "manage",
  changesState: false,
  aliases: ["mentoring", "patenschaft", "meterschap"],
  help: {
    fr: "Binômes commune marraine – commune accompagnée (coordination)",
    de: "Tandems Patengemeinde – begleitete Gemeinde (Koordination)",
    nl: "Duo’s metergemeente – begeleide gemeente (coördinatie)",
    en: "Mentor – mentee commune pairs (coordination)",
  },
  usage: { fr: "parrainage", de: "parrainage", nl: "parrainage", en: "parrainage" },
  permission: "network.admin",
  options: {},
  async run({ t, locale, services }) {
    const [pairs, communes] = await Promise.all([services.watch.mentoring.active(), services.repos.communes.list()]);
    return pairsReply(locale, t, pairs, new Map(communes.map((c) => [c.id, c])));
  },
});
