/**
 * `/cdce parrainage terminer <commune> [resultat:"…"]` (coordination): ends the commune's
 * current pair, records its outcome, and cancels the check-ins not sent yet.
 */
import { defineCommand } from "../../src/core/commands.js";
import { text } from "../../src/core/options.js";
import { communeOption } from "../../src/core/scope.js";
import { message } from "../../src/core/reply.js";
import { CdceError } from "../../src/core/errors.js";

export default defineCommand({
  name: "parrainage terminer",
  words: { fr: "parrainage terminer", de: "patenschaft beenden", nl: "meterschap beeindigen", en: "mentoring end" },
  intent: "manage",
  optionWords: { commune: { de: "gemeinde", nl: "gemeente", en: "commune" }, resultat: { de: "ergebnis", nl: "resultaat", en: "result" } },
  changesState: true,
  aliases: ["parrainage end"],
  help: {
    fr: "Clore un binôme et noter son résultat (coordination)",
    de: "Ein Tandem beenden und sein Ergebnis festhalten (Koordination)",
    nl: "Een duo afsluiten en het resultaat noteren (coördinatie)",
    en: "End a pair and record its outcome (coordination)",
  },
  usage: { fr: 'parrainage terminer Raeren resultat:"CoPil relancé, 3 actions"', de: 'parrainage terminer Raeren resultat:"CoPil neu belebt"', nl: 'parrainage terminer Jette resultat:"CoPil herlanceerd"', en: 'parrainage terminer Tintigny resultat:"CoPil relaunched"' },
  // About another commune than one's own: it must be named.
  scope: { commune: "required", fallback: "none" },
  permission: "network.admin",
  options: {
    commune: communeOption({ rest: true, help: { fr: "Commune accompagnée (ou marraine)", de: "Begleitete Gemeinde (oder Patin)", nl: "Begeleide gemeente (of meter)", en: "Mentee (or mentor) commune" } }),
    resultat: text({ help: { fr: "Résultat du binôme", de: "Ergebnis des Tandems", nl: "Resultaat van het duo", en: "Outcome of the pair" }, max: 500 }),
  },
  async run({ options, commune, t, locale, now, services }) {
    const pairs = await services.watch.mentoring.active();
    const pair = pairs.find((p) => p.menteeId === commune.id) ?? (pairs.filter((p) => p.mentorId === commune.id).length === 1 ? pairs.find((p) => p.mentorId === commune.id) : undefined);
    if (!pair) throw new CdceError("mentoring.not_found", "parrainage.notFound", { commune: commune.name });
    await services.watch.mentoring.end(pair.id, now, options.resultat ?? null);
    await services.notifier.cancel(`mentor:${pair.id}:`);
    const [mentor, mentee] = await Promise.all([services.repos.communes.get(pair.mentorId), services.repos.communes.get(pair.menteeId)]);
    return message(locale, t("parrainage.ended", { mentor: mentor?.name ?? "?", mentee: mentee?.name ?? "?", outcome: options.resultat ?? "—" }));
  },
});
