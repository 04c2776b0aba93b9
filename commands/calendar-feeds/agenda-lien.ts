/**
 * `/cdce agenda lien`: my private calendar address, to subscribe to in any calendar
 * application (it follows moves and cancellations, unlike the one-off .ics file). Made on the
 * first ask and shown that once: only a hash of it is kept. `/cdce agenda lien renouveler`
 * gives a new one; the old one stops working at once (lost, or shared by mistake).
 */
import { defineCommand } from "../../src/core/commands.js";
import { fold } from "../../src/core/fold.js";
import { choice } from "../../src/core/options.js";
import { linkReply } from "../../src/features/calendar-feeds/link-reply.js";

/** "renouveler" in the four languages (and a few words people use for it). */
const RENEW = new Set(["renouveler", "nouveau", "nouvelle", "erneuern", "neu", "vernieuwen", "nieuw", "renew", "new", "reset"]);

export default defineCommand({
  name: "agenda lien",
  words: { fr: "agenda lien", de: "termine link", nl: "agenda link", en: "agenda link" },
  intent: "me",
  optionWords: { action: { de: "aktion", nl: "actie", en: "action" } },
  // Writes the address (a hash of it) on the first ask and on renewal.
  changesState: true,
  aliases: ["agenda abonnement", "termine abonnieren", "agenda abonneren", "agenda subscribe"],
  help: { fr: "L’adresse privée de mon agenda, à laquelle m’abonner (suit les changements)", de: "Die private Adresse meines Kalenders zum Abonnieren (folgt den Änderungen)", nl: "Het privéadres van mijn agenda om op te abonneren (volgt de wijzigingen)", en: "The private address of my agenda, to subscribe to (follows changes)" },
  usage: { fr: "agenda lien", de: "agenda lien", nl: "agenda lien", en: "agenda lien" },
  options: {
    action: choice({
      help: { fr: "renouveler : une nouvelle adresse, l’ancienne cesse de fonctionner", de: "erneuern: eine neue Adresse, die alte funktioniert nicht mehr", nl: "vernieuwen: een nieuw adres, het oude werkt niet meer", en: "renew: a new address, the old one stops working" },
      values: ["renouveler"] as const,
      normalize: (raw) => (RENEW.has(fold(raw)) ? "renouveler" : undefined),
    }),
  },
  async run({ options, actor, t, locale, now, services }) {
    const issued = await services.calendarFeeds.issue(actor.personId, now, { renew: options.action === "renouveler" });
    return linkReply(issued, { actor, t, locale, services });
  },
});
