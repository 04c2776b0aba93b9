/**
 * `/cdce webinaire deplacer k3x9q debut:"6 avril 19h-20h30"`: moves a webinar or a local
 * event; registered people are told and their reminders planned again for the new time.
 */
import { defineCommand } from "../../src/core/commands.js";
import { choice, text } from "../../src/core/options.js";
import { shiftSession } from "../../src/features/events/series.js";
import { message, reply } from "../../src/core/reply.js";
import type { Block } from "../../src/core/types.js";
import { foldButtons } from "../../src/features/events/when-choices.js";
import { assertCanManage, eventByCode } from "../../src/features/events/lookup.js";
import { whenText } from "../../src/features/events/render.js";
import { addTally, movedPrefix, peopleSentences, tally } from "../../src/features/events/told.js";
import { parseWhen } from "../../src/core/time/when.js";
import { parseDuration } from "../../src/core/time/when-parts.js";
import { whenMessage, MAX_DURATION_MIN } from "../../src/features/events/validate.js";
import { prefixWithin } from "../../src/core/clip.js";

export default defineCommand({
  name: "webinaire deplacer",
  words: { fr: "webinaire deplacer", de: "webinar verschieben", nl: "webinar verplaatsen", en: "webinar move" },
  intent: "manage",
  optionWords: { code: { de: "code", nl: "code", en: "code" }, debut: { de: "beginn", nl: "begin", en: "start" }, duree: { de: "dauer", nl: "duur", en: "duration" }, serie: { de: "reihe", nl: "reeks", en: "series" } },
  // A first gate for help and the front door; the event's own commune (or the network) is checked on it.
  permission: "commune.manage",
  changesState: true,
  aliases: ["webinaire move", "evenement deplacer", "webinar verschieben", "webinar verplaatsen"],
  help: { fr: "Changer la date d’un webinaire ou d’un évènement (les inscrit·es sont prévenu·es)", de: "Den Termin eines Webinars oder einer Veranstaltung ändern (Angemeldete werden benachrichtigt)", nl: "De datum van een webinar of evenement wijzigen (ingeschrevenen worden verwittigd)", en: "Move a webinar or event (registered people are told)" },
  usage: { fr: 'webinaire deplacer k3x9q debut:"6 avril 19h"', de: 'webinaire deplacer k3x9q debut:"6. April 19 Uhr"', nl: 'webinaire deplacer k3x9q debut:"6 april 19u"', en: 'webinaire deplacer k3x9q debut:"6 April 7pm"' },
  options: {
    code: text({ help: { fr: "Code", de: "Code", nl: "Code", en: "Code" }, max: 20 }),
    debut: text({ help: { fr: "Nouvelle date et heure", de: "Neues Datum und Uhrzeit", nl: "Nieuwe datum en uur", en: "New date and time" }, max: 80, rest: true }),
    duree: text({ help: { fr: "Nouvelle durée (sinon la même)", de: "Neue Dauer (sonst dieselbe)", nl: "Nieuwe duur (anders dezelfde)", en: "New duration (else the same)" }, max: 20 }),
    serie: choice({ help: { fr: "oui : déplacer aussi les sessions suivantes de la série", de: "oui: auch die folgenden Sitzungen der Reihe verschieben", nl: "oui: ook de volgende sessies van de reeks verplaatsen", en: "oui: also move the later sessions of the series" }, values: ["oui"] as const, normalize: (r) => (["oui", "yes", "ja"].includes(r.toLowerCase()) ? "oui" : undefined) }),
  },
  async run({ options, actor, t, locale, now, services }) {
    const event = await eventByCode(services, options.code);
    assertCanManage(actor, event, "webinaire deplacer");
    if (event.state !== "scheduled") return message(locale, t("ev.isCancelled", { title: event.title }));
    if (!options.debut) return message(locale, t("ev.when.missing", { field: "debut", example: t("ev.when.example") }));
    const r = parseWhen(options.debut, { locale, zone: event.timeZone, now });
    if (!r.ok) {
      const said = whenMessage(t, r, event.timeZone, locale, "debut");
      // The autumn hour that happens twice: one button per reading runs this move again.
      const choices = foldButtons(t, r, event.timeZone, (typed) => `webinaire deplacer ${event.code} debut:"${typed}"${options.duree ? ` duree:"${options.duree}"` : ""}${options.serie ? " serie:oui" : ""}`);
      const blocks: Block[] = [{ type: "section", text: said }, ...(choices.length ? [{ type: "actions" as const, buttons: choices }] : [])];
      return { ...reply(locale, blocks), fieldErrors: { debut: said } };
    }
    let minutes = (event.endsAt.getTime() - event.startsAt.getTime()) / 60_000;
    if (options.duree) {
      const d = parseDuration(options.duree);
      if (d === null || d < 5 || d > MAX_DURATION_MIN) return message(locale, t("ev.duration.bad", { value: prefixWithin(options.duree, 20), max: MAX_DURATION_MIN / 60 }));
      minutes = d;
    }
    const end = r.end ?? new Date(r.start.getTime() + minutes * 60_000);
    const people = new Set((await services.events.repo.registrations(event.id, { statuses: ["going", "waitlist"] })).map((x) => x.personId)).size;
    const moved = await services.events.move(event, r.start, end, now);
    const reach = tally(services.notifier, movedPrefix(moved.id, moved.sequence), people);
    let later = 0;
    const laterReach = { told: 0, untold: 0 };
    if (options.serie && event.seriesId) {
      // The later sessions keep their spacing in local days, at the new local time.
      for (const s of await services.events.repo.series(event.seriesId)) {
        if (s.id === event.id || s.state !== "scheduled" || s.startsAt <= event.startsAt) continue;
        const to = shiftSession(s, event.startsAt, r.start, event.timeZone);
        const sessionPeople = new Set((await services.events.repo.registrations(s.id, { statuses: ["going", "waitlist"] })).map((x) => x.personId)).size;
        const shifted = await services.events.move(s, to.startsAt, to.endsAt, now);
        addTally(laterReach, tally(services.notifier, movedPrefix(shifted.id, shifted.sequence), sessionPeople));
        later++;
      }
    }
    const when = whenText(moved, actor.timeZone, locale);
    // "Registered people are told" only when every one of them has the notice in the outbox.
    const said = reach.told > 0 && reach.untold === 0 ? t("ev.moved", { title: event.title, when }) : `${t("ev.moved.base", { title: event.title, when })} ${peopleSentences(t, reach)}`;
    // The same for the later sessions: "their registered people are told" only when all are.
    const saidLater = laterReach.told > 0 && laterReach.untold === 0 ? t("ev.moved.series", { count: later }) : `${t("ev.moved.series.base", { count: later })} ${peopleSentences(t, laterReach)}`;
    return message(locale, said + (later ? `\n${saidLater}` : ""));
  },
});
