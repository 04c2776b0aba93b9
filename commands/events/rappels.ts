/**
 * `/cdce rappels 3j 1h` sets when I am reminded of what I registered for; `/cdce rappels
 * defaut` goes back to the defaults; alone, shows them. Queued reminders are planned again.
 */
import { defineCommand } from "../../src/core/commands.js";
import { text } from "../../src/core/options.js";
import { message } from "../../src/core/reply.js";
import { DEFAULT_OFFSETS, MAX_OFFSETS, parseOffsets } from "../../src/features/events/reminders.js";
import { key } from "../../src/features/events/vocabulary.js";
import { prefixWithin } from "../../src/core/clip.js";
import { offsetsInWords } from "../../src/core/time/durations.js";

const RESET = ["defaut", "default", "standard", "standaard", "reset"];

export default defineCommand({
  name: "rappels",
  words: { fr: "rappels", de: "erinnerungen", nl: "herinneringen", en: "reminders" },
  intent: "me",
  optionWords: { quand: { de: "wann", nl: "wanneer", en: "when" } },
  changesState: true,
  aliases: ["erinnerungen", "herinneringen", "reminders"],
  help: { fr: "Quand me rappeler mes webinaires et évènements (ex. 7j 1j 1h)", de: "Wann ich an meine Webinare und Veranstaltungen erinnert werde (z. B. 7t 1t 1h)", nl: "Wanneer ik herinnerd word aan mijn webinars en evenementen (bv. 7d 1d 1u)", en: "When to remind me of my webinars and events (e.g. 7d 1d 1h)" },
  usage: { fr: "rappels 7j 1j 1h", de: "rappels 2t 1h", nl: "rappels 1d 2u", en: "rappels 1d 1h" },
  options: { quand: text({ help: { fr: "Délais : 7j (à 9h), 2h, 30min… ou defaut", de: "Fristen: 7t (um 9 Uhr), 2h, 30min… oder defaut", nl: "Termijnen: 7d (om 9u), 2u, 30min… of defaut", en: "Offsets: 7d (at 9am), 2h, 30min… or defaut" }, max: 80, rest: true }) },
  async run({ options, actor, t, locale, now, services }) {
    const repo = services.events.repo;
    if (!options.quand) {
      const own = await repo.reminderPreference(actor.personId);
      return message(locale, own?.offsets.length
        ? t("ev.remind.current", { offsets: offsetsInWords(own.offsets, locale) })
        : t("ev.remind.default", { network: offsetsInWords(DEFAULT_OFFSETS.network, locale), local: offsetsInWords(DEFAULT_OFFSETS.local, locale) }));
    }
    const reset = RESET.includes(key(options.quand));
    const offsets = reset ? [] : parseOffsets(options.quand);
    if (!offsets) return { ...message(locale, t("ev.remind.bad", { value: prefixWithin(options.quand, 40), max: MAX_OFFSETS })), fieldErrors: { quand: t("ev.remind.bad", { value: prefixWithin(options.quand, 40), max: MAX_OFFSETS }) } };
    await repo.setReminderOffsets(actor.personId, offsets);
    const count = await services.events.replanFor(actor.personId, now);
    const said = reset ? t("ev.remind.reset", { count }) : t("ev.remind.set", { offsets: offsetsInWords(offsets, locale), count });
    // Nothing queued: say why when it is that no reminder can reach the person at all.
    const unreachable = count === 0 && !(await services.notifier.reaches({ kind: "person", personId: actor.personId }));
    return message(locale, unreachable ? `${said} ${t("ev.remind.unreachable")}` : said);
  },
});
