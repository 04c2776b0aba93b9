/**
 * `/cdce parrainage confirmer <commune accompagnée> <commune marraine>` (coordination; the
 * proposal's buttons run it): records the pair; both CoPils get an introduction, then
 * monthly check-ins (the daily watch).
 */
import { defineCommand } from "../../src/core/commands.js";
import { text } from "../../src/core/options.js";
import { message } from "../../src/core/reply.js";
import { CdceError } from "../../src/core/errors.js";
import { findCommune } from "../../src/core/scope.js";
import { scoreAll } from "../../src/features/watch/scan.js";
import { confirmPair, introduced } from "../../src/features/watch/mentoring-flow.js";

export default defineCommand({
  name: "parrainage confirmer",
  words: { fr: "parrainage confirmer", de: "patenschaft bestätigen", nl: "meterschap bevestigen", en: "mentoring confirm" },
  intent: "manage",
  optionWords: { accompagnee: { de: "begleitet", nl: "begeleid", en: "mentored" }, marraine: { de: "patin", nl: "meter", en: "mentor" } },
  changesState: true,
  aliases: ["parrainage confirm"],
  help: {
    fr: "Confirmer un binôme : commune accompagnée puis marraine (coordination)",
    de: "Ein Tandem bestätigen: begleitete Gemeinde, dann Patin (Koordination)",
    nl: "Een duo bevestigen: begeleide gemeente, dan meter (coördinatie)",
    en: "Confirm a pair: mentee commune, then mentor (coordination)",
  },
  usage: { fr: "parrainage confirmer raeren eupen", de: "parrainage confirmer raeren eupen", nl: "parrainage confirmer jette uccle", en: "parrainage confirmer tintigny habay" },
  permission: "network.admin",
  hidden: true,
  options: {
    accompagnee: text({ help: { fr: "Commune accompagnée", de: "Begleitete Gemeinde", nl: "Begeleide gemeente", en: "Mentee commune" }, max: 80, autocomplete: "commune" }),
    marraine: text({ help: { fr: "Commune marraine", de: "Patengemeinde", nl: "Metergemeente", en: "Mentor commune" }, max: 80, autocomplete: "commune" }),
  },
  // Two communes, not one scope: both must be named.
  async run({ options, t, locale, now, services }) {
    if (!options.accompagnee || !options.marraine) throw new CdceError("commune.needed", "commune.needed", { example: "/cdce parrainage confirmer raeren eupen" });
    const mentee = await findCommune(services.repos, options.accompagnee);
    const mentor = await findCommune(services.repos, options.marraine);
    const pair = await confirmPair(services, mentee, mentor, await scoreAll(services, now), now);
    services.logger.info({ pair: pair.id, mentor: mentor.slug, mentee: mentee.slug }, "mentoring pair confirmed");
    // "Both CoPils get an introduction" only when both are in the outbox; else each side is named, with the fix.
    const sent = introduced(services.notifier, pair);
    if (sent.mentor && sent.mentee) return message(locale, t("parrainage.confirmed", { mentor: mentor.name, mentee: mentee.name }), "channel");
    const side = (c: typeof mentor, ok: boolean) => (ok ? t("parrainage.introduced", { commune: c.name }) : t("parrainage.unlinked", { commune: c.name, slug: c.slug }));
    return message(locale, [t("parrainage.confirmed.base", { mentor: mentor.name, mentee: mentee.name }), side(mentor, sent.mentor), side(mentee, sent.mentee)].join(" "), "channel");
  },
});
