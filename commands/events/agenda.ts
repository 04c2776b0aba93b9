/**
 * `/cdce agenda` lists what I registered for; `/cdce agenda ics` gives it all as one
 * calendar (text to save as .ics, to import or subscribe to in any calendar application).
 */
import { defineCommand } from "../../src/core/commands.js";
import { choice } from "../../src/core/options.js";
import { message, reply } from "../../src/core/reply.js";
import { buildIcs } from "../../src/features/events/ics.js";
import { commandWord, whenText } from "../../src/features/events/render.js";
import type { Block } from "../../src/core/types.js";

/** Slack section texts stop near 3,000 characters: the feed keeps under it. */
const MAX_ICS_CHARS = 2800;

export default defineCommand({
  name: "agenda",
  words: { fr: "agenda", de: "termine", nl: "agenda", en: "agenda" },
  intent: "take-part",
  optionWords: { format: { de: "format", nl: "formaat", en: "format" } },
  changesState: false,
  aliases: ["mon agenda", "termine", "mijn agenda", "my agenda"],
  help: { fr: "Mon agenda : webinaires, formations et créneaux où je suis inscrit·e (.ics)", de: "Mein Kalender: Webinare, Schulungen und Schichten, für die ich angemeldet bin (.ics)", nl: "Mijn agenda: webinars, opleidingen en shifts waarvoor ik ingeschreven ben (.ics)", en: "My agenda: webinars, trainings and slots I registered for (.ics)" },
  usage: { fr: "agenda ics", de: "agenda ics", nl: "agenda ics", en: "agenda ics" },
  options: { format: choice({ help: { fr: "ics : le fichier agenda", de: "ics: die Kalenderdatei", nl: "ics: het agendabestand", en: "ics: the calendar file" }, values: ["ics"] as const }) },
  async run({ options, actor, t, locale, now, services }) {
    const mine = await services.events.repo.forPerson(actor.personId, now);
    if (mine.length === 0) return message(locale, t("ev.agenda.none"));
    if (options.format === "ics") {
      const going = [...new Map(mine.filter((m) => m.registration.status === "going").map((m) => [m.event.id, m.event])).values()];
      let shown = going;
      let ics = buildIcs(shown, { calendarName: t("ev.agenda.calendarName") });
      while (ics.length > MAX_ICS_CHARS && shown.length > 1) {
        shown = shown.slice(0, -1);
        ics = buildIcs(shown, { calendarName: t("ev.agenda.calendarName") });
      }
      const blocks: Block[] = [
        { type: "section", text: t("ev.agenda.icsIntro", { count: shown.length }) },
        { type: "section", text: "```\n" + ics.replace(/\r\n/g, "\n") + "```" },
      ];
      if (shown.length < going.length) blocks.push({ type: "context", text: t("ev.agenda.truncated", { shown: shown.length, total: going.length }) });
      return { ...reply(locale, blocks), files: [{ name: "cdce-agenda.ics", contentType: "text/calendar", data: buildIcs(going, { calendarName: t("ev.agenda.calendarName") }) }] };
    }
    const blocks: Block[] = [{ type: "header", text: t("ev.agenda.title", { count: mine.length }) }];
    for (const { event, registration } of mine.slice(0, 20)) {
      const status = t(registration.status === "going" ? "ev.you.going" : "ev.you.waitlist");
      blocks.push({ type: "section", text: `**${event.title}** · \`${event.code}\`\n${whenText(event, actor.timeZone, locale)} · ${status}` });
    }
    // The file is a copy of today; the subscription follows moves and cancellations.
    blocks.push({ type: "actions", buttons: [{ label: t("ev.agenda.icsButton"), command: "agenda ics" }, { label: t("feeds.button"), command: "agenda lien" }, ...mine.slice(0, 1).map((m) => ({ label: t("ev.button.details"), command: `${commandWord(m.event)} ${m.event.code}` }))] });
    return reply(locale, blocks);
  },
});
