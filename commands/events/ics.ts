/**
 * `/cdce ics k3x9q`: the calendar file of one event (text to save as .ics), with its
 * "add to Google Calendar" link.
 */
import { defineCommand } from "../../src/core/commands.js";
import { text } from "../../src/core/options.js";
import { reply } from "../../src/core/reply.js";
import { eventByCode } from "../../src/features/events/lookup.js";
import { buildIcs, googleCalendarLink } from "../../src/features/events/ics.js";

export default defineCommand({
  name: "ics",
  words: { fr: "ics", de: "ics", nl: "ics", en: "ics" },
  intent: "take-part",
  optionWords: { code: { de: "code", nl: "code", en: "code" } },
  changesState: false,
  aliases: ["calendrier", "kalender", "calendar"],
  help: { fr: "Le fichier agenda (.ics) d’un webinaire ou d’un évènement", de: "Die Kalenderdatei (.ics) eines Webinars oder einer Veranstaltung", nl: "Het agendabestand (.ics) van een webinar of evenement", en: "The calendar file (.ics) of a webinar or event" },
  usage: { fr: "ics k3x9q", de: "ics k3x9q", nl: "ics k3x9q", en: "ics k3x9q" },
  options: { code: text({ help: { fr: "Code", de: "Code", nl: "Code", en: "Code" }, max: 20 }) },
  async run({ options, t, locale, services }) {
    const event = await eventByCode(services, options.code);
    const ics = buildIcs([event], { describe: (e) => [e.link ?? "", `/cdce webinaire ${e.code}`].filter(Boolean).join("\n") });
    // The file too: the terminal writes it to ./data/exports/, platforms may upload it;
    // the text block keeps the reply complete where they do not.
    return {
      ...reply(locale, [
        { type: "section", text: t("ev.ics.intro", { title: event.title, file: `${event.code}.ics` }) },
        { type: "section", text: "```\n" + ics.replace(/\r\n/g, "\n") + "```" },
        { type: "context", text: `[${t("ev.google")}](${googleCalendarLink(event)})` },
      ]),
      files: [{ name: `cdce-${event.code}.ics`, contentType: "text/calendar", data: ics }],
    };
  },
});
