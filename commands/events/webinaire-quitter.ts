/** `/cdce webinaire quitter k3x9q [creneau:2]`: gives my seat (or waitlist place) back. */
import { defineCommand } from "../../src/core/commands.js";
import { int, text } from "../../src/core/options.js";
import { message } from "../../src/core/reply.js";
import { eventByCode } from "../../src/features/events/lookup.js";

export default defineCommand({
  name: "webinaire quitter",
  words: { fr: "webinaire quitter", de: "webinar abmelden", nl: "webinar afmelden", en: "webinar leave" },
  intent: "take-part",
  optionWords: { code: { de: "code", nl: "code", en: "code" }, creneau: { de: "zeitfenster", nl: "tijdslot", en: "slot" } },
  changesState: true,
  aliases: ["webinaire desinscrire", "webinaire leave", "evenement quitter", "evenement desinscrire", "webinar abmelden", "webinar afmelden", "webinar leave"],
  help: { fr: "Me désinscrire (ma place va au premier de la liste d’attente)", de: "Mich abmelden (mein Platz geht an die erste Person der Warteliste)", nl: "Me uitschrijven (mijn plaats gaat naar de eerste op de wachtlijst)", en: "Unregister (my seat goes to the first on the waitlist)" },
  usage: { fr: "webinaire quitter k3x9q", de: "webinaire quitter k3x9q", nl: "webinaire quitter k3x9q", en: "webinaire quitter k3x9q" },
  options: {
    code: text({ help: { fr: "Code", de: "Code", nl: "Code", en: "Code" }, max: 20 }),
    creneau: int({ help: { fr: "Numéro du créneau", de: "Nummer der Schicht", nl: "Nummer van de shift", en: "Slot number" }, min: 0, max: 50, default: 0 }),
  },
  async run({ options, actor, t, locale, now, services }) {
    const event = await eventByCode(services, options.code);
    const slots = await services.events.repo.slots(event.id);
    let slotId = "";
    if (slots.length) {
      const mine = await services.events.repo.registrations(event.id, { statuses: ["going", "waitlist"] });
      const held = mine.filter((r) => r.personId === actor.personId);
      const chosen = options.creneau ? slots.find((s) => s.position === options.creneau) : held.length === 1 ? slots.find((s) => s.id === held[0]!.slotId) : undefined;
      if (!chosen) return message(locale, t("ev.slot.which", { code: event.code }));
      slotId = chosen.id;
    }
    const result = await services.events.leave(event, actor, slotId, now);
    if (!result.left) return message(locale, t("ev.notRegistered", { title: event.title }));
    return message(locale, t("ev.left", { title: event.title, promoted: result.promoted.length }));
  },
});
