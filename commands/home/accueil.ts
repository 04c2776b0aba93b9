/**
 * `/cdce accueil`: the person's home, as Slack shows it in the App Home tab (published there
 * when the tab is opened, and refreshed after each change that concerns them): their
 * communes with the Fair-O-Mètre countdown, criteria and momentum, coordination's view of the
 * network, their registrations, the next events, the latest initiatives and their actions.
 */
import { defineCommand } from "../../src/core/commands.js";
import { isCoordination } from "../../src/core/permissions.js";
import { actionButtons, gatherHome, homeReply } from "../../src/features/home/index.js";

export default defineCommand({
  name: "accueil",
  words: { fr: "accueil", de: "startseite", nl: "startpagina", en: "home" },
  intent: "me",
  changesState: false,
  aliases: ["home", "startseite", "startpagina"],
  help: { fr: "Votre accueil : communes, échéances, inscriptions, actions", de: "Ihre Startseite: Gemeinden, Fristen, Anmeldungen, Aktionen", nl: "Uw startpagina: gemeenten, deadlines, inschrijvingen, acties", en: "Your home: communes, deadlines, registrations, actions" },
  usage: { fr: "accueil", de: "accueil", nl: "accueil", en: "accueil" },
  options: {},
  async run({ actor, t, locale, now, services, registry }) {
    // From now on their home is kept current after each change that concerns them.
    await services.homeVisits.markOpened(actor.personId, now);
    const coordination = isCoordination(actor);
    const data = await gatherHome(services, { personId: actor.personId, communeIds: actor.communeIds, coordination }, now);
    return homeReply(locale, t, data, {
      title: t("home.title", { name: actor.name }),
      now,
      timeZone: actor.timeZone,
      actions: actionButtons(t, registry, actor),
      noCommune: actor.communeIds.length === 0 && !coordination,
    });
  },
});
