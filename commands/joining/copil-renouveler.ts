/**
 * `/cdce copil renouveler [commune]`: the CoPil notes a new mandate (after the communal
 * elections of 13 October 2030, say): every member the bot knows (the CoPil role in the
 * commune, or a roster seat linked to a person) starts their welcome journey again, in its
 * new version. For the commune's CoPil and coordination.
 */
import { defineCommand } from "../../src/core/commands.js";
import { communeOption } from "../../src/core/scope.js";
import { message } from "../../src/core/reply.js";
import { startJourney } from "../../src/features/joining/journey.js";

/** A journey restarted less than this long ago is not restarted again (a double click). */
const AGAIN_AFTER_MS = 7 * 24 * 60 * 60 * 1000;

export default defineCommand({
  name: "copil renouveler",
  words: { fr: "copil renouveler", de: "copil erneuern", nl: "copil vernieuwen", en: "copil renew" },
  intent: "manage",
  optionWords: { commune: { de: "gemeinde", nl: "gemeente", en: "commune" } },
  changesState: true,
  aliases: ["copil renew", "copil nouveau mandat"],
  help: { fr: "Noter un nouveau mandat du CoPil : ses membres recommencent le parcours d’accueil", de: "Ein neues Mandat der Steuerungsgruppe vermerken: ihre Mitglieder beginnen die Willkommensbegleitung neu", nl: "Een nieuw mandaat van de stuurgroep noteren: haar leden beginnen het onthaaltraject opnieuw", en: "Note a new CoPil mandate: its members start the welcome journey again" },
  usage: { fr: "copil renouveler", de: "copil renouveler Eupen", nl: "copil renouveler", en: "copil renouveler Namur" },
  scope: "commune",
  permission: "copil.manage",
  activity: { kind: "copil_change", data: () => ({ change: "renewed" }) },
  options: {
    commune: communeOption({ rest: true }),
  },
  async run({ commune, t, locale, now, services }) {
    const [seats, roles] = await Promise.all([services.watch.copil.active(commune.id, now), services.repos.memberships.activeInCommune(commune.id, now)]);
    const people = new Set([...roles.filter((m) => m.role === "copil").map((m) => m.personId), ...seats.flatMap((s) => (s.personId ? [s.personId] : []))]);
    let started = 0;
    for (const personId of people) {
      const last = await services.joining.welcome.latest(personId, commune.id, "copil", "renewed");
      if (last && now.getTime() - last.startedAt.getTime() < AGAIN_AFTER_MS) continue;
      if (await startJourney(services, { personId, communeId: commune.id, role: "copil", reason: "renewed" }, now)) started++;
    }
    return message(locale, t("journey.renewed", { count: started, commune: commune.name }));
  },
});
