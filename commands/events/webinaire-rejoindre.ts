/**
 * `/cdce webinaire rejoindre k3x9q` (the button of an announcement runs it), and
 * `/cdce evenement rejoindre k3x9q creneau:2` for a volunteer slot of a local event.
 * Anyone may register. A full event puts the person on the waitlist.
 */
import { reminderPrefix } from "../../src/features/events/reminders.js";
import { offsetsInWords } from "../../src/core/time/durations.js";
import { defineCommand } from "../../src/core/commands.js";
import { int, text } from "../../src/core/options.js";
import { message, reply } from "../../src/core/reply.js";
import { eventByCode } from "../../src/features/events/lookup.js";
import { eventCard, whenText } from "../../src/features/events/render.js";
import { formatLocalTime } from "../../src/core/time/local.js";

export default defineCommand({
  name: "webinaire rejoindre",
  words: { fr: "webinaire rejoindre", de: "webinar anmelden", nl: "webinar aanmelden", en: "webinar join" },
  intent: "take-part",
  optionWords: { code: { de: "code", nl: "code", en: "code" }, creneau: { de: "zeitfenster", nl: "tijdslot", en: "slot" } },
  changesState: true,
  aliases: ["webinaire inscrire", "webinaire join", "evenement rejoindre", "evenement inscrire", "webinar anmelden", "webinar aanmelden", "webinar join"],
  help: { fr: "M’inscrire à un webinaire, une formation ou un créneau d’évènement", de: "Mich für ein Webinar, eine Schulung oder eine Schicht anmelden", nl: "Me inschrijven voor een webinar, opleiding of shift", en: "Register for a webinar, training or event slot" },
  usage: { fr: "webinaire rejoindre k3x9q", de: "webinaire rejoindre k3x9q", nl: "webinaire rejoindre k3x9q", en: "webinaire rejoindre k3x9q" },
  options: {
    code: text({ help: { fr: "Code", de: "Code", nl: "Code", en: "Code" }, max: 20 }),
    creneau: int({ help: { fr: "Numéro du créneau (évènements locaux)", de: "Nummer der Schicht (lokale Veranstaltungen)", nl: "Nummer van de shift (lokale evenementen)", en: "Slot number (local events)" }, min: 0, max: 50, default: 0 }),
  },
  async run({ options, actor, t, locale, now, actedAt, services }) {
    const event = await eventByCode(services, options.code);
    if (event.state === "cancelled") return message(locale, t("ev.isCancelled", { title: event.title }));
    if (event.startsAt.getTime() <= now.getTime()) return message(locale, t("ev.isOver", { title: event.title }));
    const slots = await services.events.repo.slots(event.id);
    let slotId = "";
    let slotLabel = "";
    if (slots.length) {
      const slot = slots.find((s) => s.position === options.creneau);
      if (!slot) return reply(locale, [{ type: "section", text: t("ev.slot.choose") }, ...eventCard(event, t, locale, { zone: actor.timeZone, slots })]);
      slotId = slot.id;
      slotLabel = `${formatLocalTime(slot.startsAt, event.timeZone)}–${formatLocalTime(slot.endsAt, event.timeZone)}`;
    }
    // When the person clicked, not when this replica got to it: the waitlist follows the clicks.
    const result = await services.events.join(event, actor, slotId, now, actedAt);
    // The event as read at the start of this unit, with the seat just taken when there was one.
    const fresh = result.seatsTaken !== undefined ? { ...event, goingCount: result.seatsTaken } : event;
    const when = slotLabel ? `${whenText(event, actor.timeZone, locale)} (${slotLabel})` : whenText(event, actor.timeZone, locale);
    let text: string;
    switch (result.outcome) {
      case "going":
        // "Reminders planned" only for reminders in the outbox.
        if (services.notifier.queuedUnder(reminderPrefix(event.id, actor.personId)) > 0) {
          text = t("ev.joined", { title: event.title, when, offsets: offsetsInWords(result.offsets ?? (await services.events.offsetsFor(actor.personId, event)).offsets, locale) });
        } else {
          const reachable = await services.notifier.reaches({ kind: "person", personId: actor.personId });
          text = `${t("ev.joined.base", { title: event.title, when })} ${t(reachable ? "ev.joined.noneLeft" : "ev.remind.unreachable")}`;
        }
        break;
      case "already_going":
        text = t("ev.alreadyGoing", { title: event.title });
        break;
      default: {
        const position = result.position ?? (await services.events.repo.waitlistPosition(result.registration));
        // "I will tell you when a seat frees up" only to a person the bot can write to privately.
        const reachable = await services.notifier.reaches({ kind: "person", personId: actor.personId });
        text = reachable
          ? t("ev.waitlisted", { title: event.title, position: Math.max(1, position) })
          : t("ev.waitlisted.unreachable", { title: event.title, position: Math.max(1, position), code: event.code });
      }
    }
    const status = result.outcome === "going" || result.outcome === "already_going" ? "going" : "waitlist";
    return reply(locale, [{ type: "section", text }, ...eventCard(fresh, t, locale, { zone: actor.timeZone, status, slots: slots.length ? await services.events.repo.slots(event.id) : undefined })]);
  },
});
