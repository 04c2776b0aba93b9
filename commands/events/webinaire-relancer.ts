/**
 * `/cdce webinaire relancer k3x9q`: coordination reminds the CoPils whose commune has
 * nobody registered yet that there is still room (through each commune's channels).
 */
import { defineCommand } from "../../src/core/commands.js";
import { text } from "../../src/core/options.js";
import { message } from "../../src/core/reply.js";
import { eventByCode } from "../../src/features/events/lookup.js";
import { nudgeCommunes } from "../../src/features/events/attendance.js";

/** At most 30 names in a reply (a network has a few dozen communes); the count says the rest. */
const listed = (names: string[]) => names.slice(0, 30).join(", ") + (names.length > 30 ? ", …" : "");

export default defineCommand({
  name: "webinaire relancer",
  words: { fr: "webinaire relancer", de: "webinar erinnern", nl: "webinar herinneren", en: "webinar nudge" },
  intent: "manage",
  optionWords: { code: { de: "code", nl: "code", en: "code" } },
  changesState: true,
  aliases: ["webinaire nudge", "webinar erinnern", "webinar herinneren"],
  help: { fr: "Relancer les CoPil dont personne n’est inscrit (coordination)", de: "Steuerungsgruppen ohne Anmeldung erinnern (Koordination)", nl: "Stuurgroepen zonder inschrijving herinneren (coördinatie)", en: "Nudge CoPils with nobody registered (coordination)" },
  usage: { fr: "webinaire relancer k3x9q", de: "webinaire relancer k3x9q", nl: "webinaire relancer k3x9q", en: "webinaire relancer k3x9q" },
  permission: "network.admin",
  options: { code: text({ help: { fr: "Code", de: "Code", nl: "Code", en: "Code" }, max: 20 }) },
  async run({ options, t, locale, now, services }) {
    const event = await eventByCode(services, options.code);
    if (event.state !== "scheduled" || event.startsAt <= now) return message(locale, t("ev.isOver", { title: event.title }));
    const { nudged, unreached } = await nudgeCommunes({ repo: services.events.repo, repos: services.repos, notifier: services.notifier }, event, now);
    if (nudged.length + unreached.length === 0) return message(locale, t("ev.nudge.none"));
    // "Sent" only for the communes whose message is in the outbox; the others are named, with the fix.
    const said = [
      nudged.length ? t("ev.nudge.done", { count: nudged.length, communes: listed(nudged) }) : "",
      unreached.length ? t("ev.nudge.unreached", { count: unreached.length, communes: listed(unreached) }) : "",
    ];
    return message(locale, said.filter(Boolean).join("\n"));
  },
});
