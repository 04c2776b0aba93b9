/**
 * `/cdce webinaire annuler k3x9q [confirmer:oui] [serie:oui]`: cancels a webinar (coordination)
 * or a local event (its commune's CoPil); registered people are told, reminders dropped.
 * Asks for a confirmation click first; `serie:oui` cancels the sessions of the series still ahead.
 */
import { defineCommand } from "../../src/core/commands.js";
import { choice, text } from "../../src/core/options.js";
import { message, reply } from "../../src/core/reply.js";
import { assertCanManage, eventByCode } from "../../src/features/events/lookup.js";
import { commandWord, whenText } from "../../src/features/events/render.js";
import { cancelledPrefix, peopleSentences, reachable } from "../../src/features/events/told.js";

const yes = (raw: string) => (["oui", "yes", "ja", "o", "y", "true"].includes(raw.toLowerCase()) ? "oui" : undefined);

export default defineCommand({
  name: "webinaire annuler",
  words: { fr: "webinaire annuler", de: "webinar absagen", nl: "webinar annuleren", en: "webinar cancel" },
  intent: "manage",
  optionWords: { code: { de: "code", nl: "code", en: "code" }, confirmer: { de: "bestätigen", nl: "bevestigen", en: "confirm" }, serie: { de: "reihe", nl: "reeks", en: "series" } },
  // A first gate for help and the front door; the event's own commune (or the network) is checked on it.
  permission: "commune.manage",
  changesState: true,
  aliases: ["webinaire cancel", "evenement annuler", "webinar absagen", "webinar annuleren"],
  help: { fr: "Annuler un webinaire ou un évènement (les inscrit·es sont prévenu·es)", de: "Ein Webinar oder eine Veranstaltung absagen (Angemeldete werden benachrichtigt)", nl: "Een webinar of evenement annuleren (ingeschrevenen worden verwittigd)", en: "Cancel a webinar or event (registered people are told)" },
  usage: { fr: "webinaire annuler k3x9q", de: "webinaire annuler k3x9q", nl: "webinaire annuler k3x9q", en: "webinaire annuler k3x9q" },
  options: {
    code: text({ help: { fr: "Code", de: "Code", nl: "Code", en: "Code" }, max: 20 }),
    confirmer: choice({ help: { fr: "oui pour confirmer", de: "oui zum Bestätigen", nl: "oui om te bevestigen", en: "oui to confirm" }, values: ["oui"] as const, normalize: yes }),
    serie: choice({ help: { fr: "oui : toute la série à venir", de: "oui: die ganze kommende Reihe", nl: "oui: de hele komende reeks", en: "oui: the whole series ahead" }, values: ["oui"] as const, normalize: yes }),
  },
  async run({ options, actor, t, locale, now, services }) {
    const event = await eventByCode(services, options.code);
    assertCanManage(actor, event, "webinaire annuler");
    const targets = options.serie && event.seriesId
      ? (await services.events.repo.series(event.seriesId)).filter((e) => e.state === "scheduled" && e.startsAt > now)
      : event.state === "scheduled" ? [event] : [];
    if (targets.length === 0) return message(locale, t("ev.cancel.nothing", { title: event.title }));
    if (!options.confirmer) {
      // One notice per person and session, as cancel() queues them; the question promises only those that can go out.
      const perSession = await Promise.all(targets.map(async (e) => [...new Set((await services.events.repo.registrations(e.id, { statuses: ["going", "waitlist"] })).map((x) => x.personId))]));
      const going = perSession.flat();
      const reach = await reachable(services.notifier, going);
      const args = { title: event.title, when: whenText(event, actor.timeZone, locale), sessions: targets.length, people: going.length };
      const question = reach.untold === 0
        ? t("ev.cancel.confirm", args)
        : [t("ev.cancel.confirm.base", args), reach.told ? t("ev.people.willTell", { count: reach.told }) : "", t("ev.people.cannotTell", { count: reach.untold })].filter(Boolean).join(" ");
      const cmd = `${commandWord(event)} annuler ${event.code} confirmer:oui${options.serie ? " serie:oui" : ""}`;
      return reply(locale, [
        { type: "section", text: question },
        { type: "actions", buttons: [{ label: t("ev.cancel.button"), command: cmd, style: "danger" }] },
      ]);
    }
    const reach = { told: 0, untold: 0 };
    for (const e of targets) {
      const people = new Set((await services.events.repo.registrations(e.id, { statuses: ["going", "waitlist"] })).map((x) => x.personId)).size;
      await services.events.cancel(e, now);
      const told = Math.min(people, services.notifier.queuedUnder(cancelledPrefix(e.id)));
      reach.told += told;
      reach.untold += people - told;
    }
    if (reach.untold === 0) return message(locale, t("ev.cancel.done", { title: event.title, sessions: targets.length, people: reach.told }));
    return message(locale, `${t("ev.cancel.done.base", { title: event.title, sessions: targets.length })} ${peopleSentences(t, reach)}`);
  },
});
