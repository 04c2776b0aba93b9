/**
 * `/cdce webinaire serie titre:"Cycle de formation" theme:gouvernance quand:"premier mardi 19h-20h30" nombre:10`
 * or `quand:"12/01 19h; 09/02 19h; 09/03 19h"`: coordination plans a series (the yearly
 * training cycle); each session is its own event with its own RSVP, reminders and .ics.
 */
import { defineCommand } from "../../src/core/commands.js";
import { int, text } from "../../src/core/options.js";
import { message, reply } from "../../src/core/reply.js";
import { readWebinar, whenMessage } from "../../src/features/events/validate.js";
import { isDateList, MAX_SESSIONS, occurrences, parseDateList, parseRule } from "../../src/features/events/series.js";
import { parseWhen } from "../../src/core/time/when.js";
import { whenText } from "../../src/features/events/render.js";
import { formatLocalDay, localParts } from "../../src/core/time/local.js";
import { DEFAULT_TIME_ZONE } from "../../src/core/types.js";
import { prefixWithin } from "../../src/core/clip.js";

const h = (fr: string, de: string, nl: string, en: string) => ({ fr, de, nl, en });
const pad = (n: number) => String(n).padStart(2, "0");
/** `2027-01-05 19:00` in the zone: re-read by the date parser without any doubt. */
const isoLocal = (d: Date, zone: string) => {
  const p = localParts(d, zone);
  return `${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}`;
};

export default defineCommand({
  name: "webinaire serie",
  words: { fr: "webinaire serie", de: "webinar reihe", nl: "webinar reeks", en: "webinar series" },
  intent: "manage",
  optionWords: { titre: { de: "titel", nl: "titel", en: "title" }, theme: { de: "thema", nl: "thema", en: "theme" }, quand: { de: "wann", nl: "wanneer", en: "when" }, nombre: { de: "anzahl", nl: "aantal", en: "count" }, depuis: { de: "ab", nl: "vanaf", en: "from" }, duree: { de: "dauer", nl: "duur", en: "duration" }, lien: { de: "link", nl: "link", en: "link" }, capacite: { de: "plätze", nl: "plaatsen", en: "capacity" }, langue: { de: "sprache", nl: "taal", en: "language" }, public: { de: "zielgruppe", nl: "doelgroep", en: "audience" }, details: { de: "details", nl: "details", en: "details" } },
  changesState: true,
  aliases: ["webinaire cycle", "webinar reihe", "webinar reeks", "webinar series"],
  help: h("Planifier une série (cycle de formation) : une règle mensuelle ou une liste de dates (coordination)", "Eine Reihe planen (Schulungszyklus): monatliche Regel oder Liste von Terminen (Koordination)", "Een reeks plannen (opleidingscyclus): maandelijkse regel of lijst van data (coördinatie)", "Plan a series (training cycle): a monthly rule or a list of dates (coordination)"),
  usage: {
    fr: 'webinaire serie titre:"Cycle gouvernance" theme:gouvernance quand:"premier mardi 19h-20h30" nombre:10',
    de: 'webinaire serie titre:"Governance-Zyklus" theme:gouvernance quand:"erster Dienstag 19:00-20:30" langue:de',
    nl: 'webinaire serie titre:"Cyclus bestuur" theme:gouvernance quand:"eerste dinsdag 19u-20u30" langue:nl',
    en: 'webinaire serie titre:"Governance cycle" theme:gouvernance quand:"12/01 19:00; 09/02 19:00" langue:en',
  },
  permission: "network.admin",
  options: {
    titre: text({ help: h("Titre", "Titel", "Titel", "Title"), max: 150 }),
    theme: text({ help: h("Thème", "Thema", "Thema", "Theme"), max: 60 }),
    quand: text({ help: h("« premier mardi 19h-20h30 » ou « 12/01 19h; 09/02 19h »", "„erster Dienstag 19-20:30 Uhr“ oder „12.01. 19:00; 09.02. 19:00“", "‘eerste dinsdag 19u-20u30’ of ‘12/01 19u; 09/02 19u’", "“first Tuesday 7pm” or “12/01 19:00; 09/02 19:00”"), max: 600 }),
    nombre: int({ help: h("Nombre de sessions (règle mensuelle)", "Anzahl der Sitzungen (monatliche Regel)", "Aantal sessies (maandelijkse regel)", "Number of sessions (monthly rule)"), min: 1, max: MAX_SESSIONS, default: 10 }),
    depuis: text({ help: h("À partir de (ex. 01/09/2027)", "Ab (z. B. 01.09.2027)", "Vanaf (bv. 01/09/2027)", "From (e.g. 2027-09-01)"), max: 40 }),
    duree: text({ help: h("Durée", "Dauer", "Duur", "Duration"), max: 20 }),
    lien: text({ help: h("Lien de la visio", "Link zur Videokonferenz", "Link naar de videocall", "Video link"), max: 500 }),
    capacite: text({ help: h("Places par session", "Plätze pro Sitzung", "Plaatsen per sessie", "Seats per session"), max: 20 }),
    langue: text({ help: h("Langue", "Sprache", "Taal", "Language"), max: 20 }),
    public: text({ help: h("Publics", "Zielgruppen", "Doelgroepen", "Audiences"), max: 200 }),
    details: text({ help: h("Places, langue, publics, durée", "Plätze, Sprache, Zielgruppen, Dauer", "Plaatsen, taal, doelgroepen, duur", "Seats, language, audiences, duration"), max: 300 }),
  },
  form: ({ t }) => ({
    title: t("ev.series.formTitle"),
    submitCommand: "webinaire serie",
    submitLabel: t("form.submit"),
    fields: [
      { name: "titre", label: t("ev.form.titre"), kind: "text", required: true },
      { name: "theme", label: t("ev.form.theme"), kind: "text", required: true, placeholder: "gouvernance" },
      { name: "quand", label: t("ev.series.field.when"), kind: "textarea", required: true, placeholder: t("ev.series.example") },
      { name: "lien", label: t("ev.form.lien"), kind: "text", required: false, placeholder: "https://" },
      { name: "details", label: t("ev.form.details"), kind: "text", required: false, placeholder: t("ev.form.detailsPlaceholder") },
    ],
  }),
  async run({ options: o, actor, t, locale, now, services }) {
    const zone = DEFAULT_TIME_ZONE;
    if (!o.quand) return message(locale, t("ev.series.bad", { value: "", example: t("ev.series.example") }));
    let from = now;
    if (o.depuis) {
      const r = parseWhen(o.depuis, { locale, zone, now, dateOnly: true });
      if (!r.ok) return message(locale, whenMessage(t, r, zone, locale, "depuis"));
      from = r.start;
    }
    let sessions: { start: Date; end?: Date }[] = [];
    if (isDateList(o.quand)) {
      const items = parseDateList(o.quand, { locale, zone, now });
      const bad = items.filter((i) => !i.result.ok);
      if (bad.length) {
        const lines = bad.slice(0, 5).map((i) => t("ev.series.item", { n: i.index, message: i.result.ok ? "" : whenMessage(t, i.result, zone, locale, "quand") }));
        if (items.length === 1) lines.push(t("ev.series.bad", { value: prefixWithin(o.quand, 40), example: t("ev.series.example") }));
        return { ...message(locale, lines.join("\n")), fieldErrors: { quand: lines.join("\n") } };
      }
      sessions = items.flatMap((i) => (i.result.ok ? [{ start: i.result.start, end: i.result.end }] : [])).sort((a, b) => a.start.getTime() - b.start.getTime());
    } else {
      const planned = occurrences(parseRule(o.quand)!, from, o.nombre, zone);
      const unclear = planned.unclear[0];
      if (unclear) {
        // Never a session skipped or an hour guessed: the person picks another hour.
        const text = t(unclear.kind === "gap" ? "ev.series.dstGap" : "ev.series.dstFold", { day: formatLocalDay(unclear.day, zone, locale), value: prefixWithin(o.quand, 40) });
        return { ...message(locale, text), fieldErrors: { quand: text } };
      }
      sessions = planned.sessions;
    }
    if (sessions.length === 0 || sessions.length > MAX_SESSIONS) return message(locale, t("ev.series.count", { max: MAX_SESSIONS }));
    const first = sessions[0]!;
    const read = readWebinar({ ...o, debut: isoLocal(first.start, zone), type: "formation" }, { t, locale, zone, now, personId: actor.personId });
    if (!read.ok) return { ...message(locale, Object.values(read.errors).join("\n")), fieldErrors: read.errors };
    const minutes = (read.event.endsAt.getTime() - read.event.startsAt.getTime()) / 60_000;
    const seriesId = globalThis.crypto.randomUUID();
    const created = await services.events.createSeries(
      sessions.map((s) => ({ ...read.event, startsAt: s.start, endsAt: s.end ?? new Date(s.start.getTime() + minutes * 60_000), seriesId })),
      now,
    );
    const lines = created.map((e, i) => `${i + 1}. ${whenText(e, actor.timeZone, locale)} · \`${e.code}\``);
    // Say "announced" only if the announcement is in the outbox.
    const said = t(services.notifier.queuedUnder(`series:${seriesId}:announce`) > 0 ? "ev.series.created" : "ev.series.createdNotAnnounced", { count: created.length });
    return reply(locale, [{ type: "section", text: said }, { type: "section", text: prefixWithin(lines.join("\n"), 2900) }]);
  },
});
