/**
 * `/cdce copil retirer Marie Dupont [commune:Namur]`: a member leaves the CoPil (kept in
 * the history for the size trend). CoPil members of the commune, or coordination.
 */
import { defineCommand } from "../../src/core/commands.js";
import { text } from "../../src/core/options.js";
import { communeOption } from "../../src/core/scope.js";
import { message } from "../../src/core/reply.js";
import { CdceError } from "../../src/core/errors.js";
import { matchByName } from "../../src/features/watch/input.js";

export default defineCommand({
  name: "copil retirer",
  words: { fr: "copil retirer", de: "copil entfernen", nl: "copil verwijderen", en: "copil remove" },
  intent: "manage",
  optionWords: { nom: { de: "name", nl: "naam", en: "name" }, commune: { de: "gemeinde", nl: "gemeente", en: "commune" } },
  changesState: true,
  aliases: ["copil remove"],
  help: {
    fr: "Retirer un membre du CoPil (CoPil ou coordination)",
    de: "Ein Mitglied aus dem CoPil entfernen (CoPil oder Koordination)",
    nl: "Een lid uit de CoPil verwijderen (CoPil of coördinatie)",
    en: "Remove a member from the CoPil (CoPil or coordination)",
  },
  usage: { fr: "copil retirer Marie Dupont", de: "copil retirer Maria Schmitz", nl: "copil retirer Marie Peeters", en: "copil retirer Mary Smith" },
  scope: "commune",
  permission: "copil.manage",
  // Its details (the role that left) are known once the member is found: run sets them.
  activity: "copil_change",
  options: {
    nom: text({ help: { fr: "Nom du membre", de: "Name des Mitglieds", nl: "Naam van het lid", en: "Member's name" }, max: 120, rest: true }),
    commune: communeOption(),
  },
  async run({ options, commune, activity, t, locale, now, services }) {
    if (!options.nom) throw new CdceError("copil.no_name", "copil.needName");
    const found = matchByName(await services.watch.copil.active(commune.id, now), options.nom);
    if (found.length === 0) throw new CdceError("copil.not_found", "copil.notFound", { name: options.nom, commune: commune.name });
    if (found.length > 1) throw new CdceError("copil.ambiguous", "copil.ambiguous", { name: options.nom, list: found.map((m) => m.name).join(", ") });
    const member = found[0]!;
    await services.watch.copil.remove(member.id, now);
    activity.set({ change: "removed", kind: member.kind });
    return message(locale, t("copil.removed", { name: member.name, commune: commune.name }));
  },
});
