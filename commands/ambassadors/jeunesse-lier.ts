/** `/cdce jeunesse lier <groupe> [commune]`: I go to this youth group (an ambassador who meets young people there). */
import { defineCommand } from "../../src/core/commands.js";
import { text } from "../../src/core/options.js";
import { message } from "../../src/core/reply.js";
import { communeOption } from "../../src/core/scope.js";
import { CdceError } from "../../src/core/errors.js";
import { prefixWithin } from "../../src/core/clip.js";
import { findGroup } from "../../src/features/ambassadors/youth.js";

export default defineCommand({
  name: "jeunesse lier",
  words: { fr: "jeunesse lier", de: "jugend verbinden", nl: "jeugd koppelen", en: "youth link" },
  intent: "me",
  optionWords: { groupe: { de: "gruppe", nl: "groep", en: "group" }, commune: { de: "gemeinde", nl: "gemeente", en: "commune" } },
  changesState: true,
  aliases: ["jugend verbinden", "jeugd koppelen", "youth link"],
  help: { fr: "Dire que je vais dans un groupe de jeunes de ma commune", de: "Angeben, dass ich zu einer Jugendgruppe meiner Gemeinde gehe", nl: "Aangeven dat ik naar een jeugdgroep van mijn gemeente ga", en: "Say I go to a youth group of my commune" },
  usage: { fr: 'jeunesse lier "MJ Le Prisme"', de: 'jugend verbinden "Jugendtreff Eupen"', nl: 'jeugd koppelen "Jeugdhuis De Branding"', en: 'youth link "Youth centre"' },
  scope: "commune",
  permission: "commune.contribute",
  refusal: "youth.notMember",
  options: {
    groupe: text({ help: { fr: "Nom du groupe", de: "Name der Gruppe", nl: "Naam van de groep", en: "Name of the group" }, max: 120, rest: true }),
    commune: communeOption(),
  },
  async run({ options, commune, actor, t, locale, services }) {
    const groups = await services.ambassadorNetwork.youth.ofCommune(commune.id);
    const typed = options.groupe?.trim() ?? "";
    const group = typed ? findGroup(groups, typed) : undefined;
    if (!group) throw new CdceError("youth.unknown", "youth.unknown", { commune: commune.name, name: prefixWithin(typed, 60) || "?", names: groups.map((g) => g.name).join(", ") || "—" });
    const linked = await services.ambassadorNetwork.youth.link(group.id, actor.personId);
    return message(locale, t(linked ? "youth.linked" : "youth.alreadyLinked", { name: group.name, commune: commune.name }));
  },
});
