/**
 * `/cdce copil reunion 12/03 8 présents "décisions…" [commune:Namur]`: logs a CoPil meeting
 * in one line (CoPil members of the commune, or coordination). It lands in the activity log
 * as a `copil_meeting`, which the momentum score counts as an action of the commune.
 */
import { defineCommand } from "../../src/core/commands.js";
import { text } from "../../src/core/options.js";
import { message } from "../../src/core/reply.js";
import { CdceError } from "../../src/core/errors.js";
import { communeOption } from "../../src/core/scope.js";
import { prefixWithin } from "../../src/core/clip.js";
import { meetingInstant, readMeeting } from "../../src/features/watch/meeting.js";
import { formatDay } from "../../src/features/watch/format.js";

export default defineCommand({
  name: "copil reunion",
  words: { fr: "copil reunion", de: "copil sitzung", nl: "copil vergadering", en: "copil meeting" },
  intent: "manage",
  optionWords: { commune: { de: "gemeinde", nl: "gemeente", en: "commune" }, date: { de: "datum", nl: "datum", en: "date" }, presents: { de: "anwesend", nl: "aanwezig", en: "present" }, decisions: { de: "beschlüsse", nl: "beslissingen", en: "decisions" } },
  changesState: true,
  aliases: ["copil réunion", "copil sitzung", "copil vergadering", "copil meeting"],
  help: {
    fr: "Noter une réunion du CoPil : date, présents, décisions (CoPil ou coordination)",
    de: "Eine CoPil-Sitzung eintragen: Datum, Anwesende, Beschlüsse (CoPil oder Koordination)",
    nl: "Een CoPil-vergadering noteren: datum, aanwezigen, beslissingen (CoPil of coördinatie)",
    en: "Log a CoPil meeting: date, people present, decisions (CoPil or coordination)",
  },
  usage: {
    fr: "copil reunion 12/03 8 présents \"Stand au marché de Pâques\"",
    de: "copil sitzung 12.03 6 anwesend \"Stand auf dem Ostermarkt\"",
    nl: "copil vergadering 12/03 7 aanwezig \"Stand op de paasmarkt\"",
    en: "copil meeting 12/03 8 present \"Stall at the Easter market\"",
  },
  scope: "commune",
  permission: "copil.manage",
  options: {
    date: text({ help: { fr: "Date de la réunion (12/03 ou 12/03/2027)", de: "Datum der Sitzung (12.03 oder 12.03.2027)", nl: "Datum van de vergadering (12/03 of 12/03/2027)", en: "Date of the meeting (12/03 or 12/03/2027)" }, max: 20 }),
    presents: text({ help: { fr: "Nombre de présents", de: "Zahl der Anwesenden", nl: "Aantal aanwezigen", en: "Number of people present" }, max: 10 }),
    decisions: text({ help: { fr: "Décisions prises", de: "Gefasste Beschlüsse", nl: "Genomen beslissingen", en: "Decisions taken" }, max: 500, rest: true }),
    commune: communeOption(),
  },
  form: ({ t }) => ({
    title: t("copil.meeting.form.title"),
    submitCommand: "copil reunion",
    submitLabel: t("form.submit"),
    fields: [
      { name: "date", label: t("copil.meeting.form.date"), kind: "text", required: true, placeholder: "12/03" },
      { name: "presents", label: t("copil.meeting.form.present"), kind: "text", required: true, placeholder: "8" },
      { name: "decisions", label: t("copil.meeting.form.decisions"), kind: "text", required: false },
    ],
  }),
  async run({ options, commune, actor, t, locale, now, services }) {
    const meeting = readMeeting({ date: options.date, present: options.presents, rest: options.decisions }, now, commune.timeZone);
    if (meeting === "badDay") throw new CdceError("copil.meeting.bad_day", "copil.meeting.badDay", { value: prefixWithin(options.date ?? "", 20) });
    if (meeting === "futureDay") throw new CdceError("copil.meeting.future_day", "copil.meeting.futureDay", { value: prefixWithin(options.date ?? "", 20) });
    if (meeting === "badCount") throw new CdceError("copil.meeting.bad_count", "copil.meeting.badCount", { value: prefixWithin(options.presents ?? "", 10) });
    await services.repos.activity.record({
      communeId: commune.id,
      personId: actor.personId,
      kind: "copil_meeting",
      at: meetingInstant(meeting.day, now, commune.timeZone),
      data: { present: meeting.present, decisions: meeting.decisions, title: meeting.decisions },
    });
    const decisions = meeting.decisions || t("copil.meeting.noDecisions");
    return message(locale, t("copil.meeting.logged", { commune: commune.name, date: formatDay(locale, meeting.day), present: meeting.present, decisions }));
  },
});
