/**
 * `/cdce webinaire modifier k3x9q capacite:40 lien:https://… titre:"…"`: coordination (or
 * the CoPil, for a local event) changes a session. More seats go to the waitlist at once
 * (each person told, or the reply says who could not be); a new link or title reaches the
 * reminders still to come.
 */
import { defineCommand } from "../../src/core/commands.js";
import { text } from "../../src/core/options.js";
import { message } from "../../src/core/reply.js";
import { assertCanManage, eventByCode } from "../../src/features/events/lookup.js";
import { isUnlimitedWord } from "../../src/features/events/vocabulary.js";
import { MAX_CAPACITY } from "../../src/features/events/validate.js";
import { inRange, parseDecimalInt } from "../../src/core/numbers.js";
import { prefixWithin } from "../../src/core/clip.js";
import { promotedPrefix, tally } from "../../src/features/events/told.js";

export default defineCommand({
  name: "webinaire modifier",
  words: { fr: "webinaire modifier", de: "webinar bearbeiten", nl: "webinar wijzigen", en: "webinar edit" },
  intent: "manage",
  optionWords: { code: { de: "code", nl: "code", en: "code" }, capacite: { de: "plätze", nl: "plaatsen", en: "capacity" }, lien: { de: "link", nl: "link", en: "link" }, titre: { de: "titel", nl: "titel", en: "title" } },
  // A first gate for help and the front door; the event's own commune (or the network) is checked on it.
  permission: "commune.manage",
  changesState: true,
  aliases: ["webinaire edit", "evenement modifier", "webinar bearbeiten", "webinar wijzigen"],
  help: { fr: "Changer le titre, le lien ou le nombre de places d’un webinaire", de: "Titel, Link oder Platzzahl eines Webinars ändern", nl: "Titel, link of aantal plaatsen van een webinar wijzigen", en: "Change a webinar’s title, link or number of seats" },
  usage: { fr: "webinaire modifier k3x9q capacite:40", de: "webinaire modifier k3x9q capacite:40", nl: "webinaire modifier k3x9q capacite:40", en: "webinaire modifier k3x9q lien:https://meet.example.org/new" },
  options: {
    code: text({ help: { fr: "Code", de: "Code", nl: "Code", en: "Code" }, max: 20 }),
    capacite: text({ help: { fr: "Nombre de places, ou illimité", de: "Platzzahl oder unbegrenzt", nl: "Aantal plaatsen of onbeperkt", en: "Seats, or unlimited" }, max: 20 }),
    lien: text({ help: { fr: "Nouveau lien de la visio", de: "Neuer Link zur Videokonferenz", nl: "Nieuwe link naar de videocall", en: "New video link" }, max: 500 }),
    titre: text({ help: { fr: "Nouveau titre", de: "Neuer Titel", nl: "Nieuwe titel", en: "New title" }, max: 150 }),
  },
  async run({ options: o, actor, t, locale, now, services }) {
    const event = await eventByCode(services, o.code);
    assertCanManage(actor, event, "webinaire modifier");
    if (event.state !== "scheduled" || event.endsAt <= now) return message(locale, t("ev.isOver", { title: event.title }));
    if (!o.capacite && !o.lien && !o.titre) return message(locale, t("ev.edit.nothing", { code: event.code }));
    if (o.lien && !/^https:\/\/\S+$/.test(o.lien)) return message(locale, t("ev.link.bad"));
    let capacity: number | null | undefined;
    if (o.capacite) {
      if (isUnlimitedWord(o.capacite)) capacity = null;
      else {
        const n = parseDecimalInt(o.capacite);
        if (!inRange(n, 1, MAX_CAPACITY)) return message(locale, t("ev.capacity.bad", { value: prefixWithin(o.capacite, 20), max: MAX_CAPACITY }));
        if (n < event.goingCount) return message(locale, t("ev.edit.belowGoing", { going: event.goingCount }));
        capacity = n;
      }
    }
    const { promoted } = await services.events.edit(event, { title: o.titre, link: o.lien, capacity }, now);
    // Promoted people "are told" only as far as their notice is in the outbox.
    const reach = tally(services.notifier, promotedPrefix(event.id), new Set(promoted.map((r) => r.personId)).size);
    const title = o.titre ?? event.title;
    if (reach.untold === 0) return message(locale, t("ev.edit.done", { title, promoted: reach.told }));
    const told = reach.told > 0 ? ` ${t("ev.promoted.told", { count: reach.told })}` : "";
    return message(locale, `${t("ev.edit.done", { title, promoted: 0 })}${told} ${t("ev.promoted.untold", { count: reach.untold })}`);
  },
});
