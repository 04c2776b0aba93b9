/**
 * `/cdce parcours stop [réf]` (the "Stop" button under each welcome message): the person
 * stops their welcome journey (that one, or all of theirs); nothing more is sent, even
 * what was already queued.
 */
import { defineCommand } from "../../src/core/commands.js";
import { text } from "../../src/core/options.js";
import { message } from "../../src/core/reply.js";
import { stopJourney } from "../../src/features/joining/journey.js";

export default defineCommand({
  name: "parcours stop",
  words: { fr: "parcours stop", de: "begleitung stopp", nl: "onthaal stop", en: "onboarding stop" },
  intent: "me",
  optionWords: { ref: { de: "ref", nl: "ref", en: "ref" } },
  changesState: true,
  aliases: ["parcours arreter", "onboarding stop"],
  help: { fr: "Arrêter mon parcours d’accueil (plus de messages)", de: "Meine Willkommensbegleitung beenden (keine Nachrichten mehr)", nl: "Mijn onthaaltraject stoppen (geen berichten meer)", en: "Stop my welcome journey (no more messages)" },
  usage: { fr: "parcours stop", de: "parcours stop", nl: "parcours stop", en: "parcours stop" },
  options: {
    ref: text({ help: { fr: "Référence du parcours (tous par défaut)", de: "Referenz der Begleitung (standardmäßig alle)", nl: "Referentie van het traject (standaard alle)", en: "Journey reference (all by default)" }, max: 40 }),
  },
  async run({ options, actor, t, locale, now, services }) {
    // Only one's own journeys: a reference of someone else's finds nothing here.
    const mine = await services.joining.welcome.runningFor(actor.personId);
    const ref = options.ref?.trim().toLowerCase();
    const chosen = ref ? mine.filter((j) => j.id.startsWith(ref)) : mine;
    let stopped = 0;
    for (const j of chosen) if (await stopJourney(services, j, now)) stopped++;
    if (stopped === 0) return message(locale, t("journey.notRunning"));
    return message(locale, stopped === 1 ? t("journey.stopped") : t("journey.stoppedMany", { count: stopped }));
  },
});
