/**
 * `/cdce fom soumis [A-E] [commune]`: records that the Fair-O-Mètre was submitted (with its
 * grade when known): the due date moves two years on and this cycle's reminders stop.
 * Run again later in the same cycle, it only records the grade.
 */
import { defineCommand } from "../../src/core/commands.js";
import { choice, text } from "../../src/core/options.js";
import { message } from "../../src/core/reply.js";
import type { FomGrade } from "../../src/core/ports.js";
import { ladderPrefix, planSubmission } from "../../src/features/watch/fom.js";
import { formatDay } from "../../src/features/watch/format.js";
import { isoDay } from "../../src/core/time/local.js";

const GRADES = ["A", "B", "C", "D", "E"] as const;

/** `B Namur` -> grade B, commune Namur; `B` alone -> grade B. */
function splitGrade(words: string | undefined): { grade?: FomGrade; commune?: string } {
  const m = /^([a-e])(?:\s+(.+))?$/i.exec((words ?? "").trim());
  if (m) return { grade: m[1]!.toUpperCase() as FomGrade, commune: m[2] };
  return { commune: words };
}

/** The grade given as an option, else typed before the commune; null when unknown. */
function gradeOf(options: { commune?: string; note?: FomGrade }): FomGrade | null {
  return options.note ?? splitGrade(options.commune).grade ?? null;
}

export default defineCommand({
  name: "fom soumis",
  words: { fr: "fom soumis", de: "fom eingereicht", nl: "fom ingediend", en: "fom submitted" },
  intent: "manage",
  optionWords: { commune: { de: "gemeinde", nl: "gemeente", en: "commune" }, note: { de: "notiz", nl: "notitie", en: "note" } },
  changesState: true,
  aliases: ["fom envoye", "fom submitted"],
  help: {
    fr: "Enregistrer l’envoi du Fair-O-Mètre (et sa note) : les rappels s’arrêtent",
    de: "Die Einreichung des Fair-O-Mètre (und seine Note) erfassen: die Erinnerungen hören auf",
    nl: "De indiening van de Fair-O-Mètre (en de score) registreren: de herinneringen stoppen",
    en: "Record the Fair-O-Mètre as submitted (and its grade): reminders stop",
  },
  usage: { fr: "fom soumis B", de: "fom soumis A Eupen", nl: "fom soumis", en: "fom soumis B Namur" },
  // The commune is typed after the grade (`B Namur`): the scope reads it from the split.
  scope: { commune: "required", option: (options: { commune?: string }) => splitGrade(options.commune).commune },
  permission: "commune.manage",
  activity: { kind: "fom_submitted", data: ({ options }) => ({ grade: gradeOf(options) }) },
  options: {
    commune: text({ help: { fr: "Note (A à E) puis commune", de: "Note (A bis E), dann Gemeinde", nl: "Score (A tot E), dan gemeente", en: "Grade (A to E), then commune" }, max: 80, rest: true, autocomplete: "commune" }),
    note: choice({ help: { fr: "Note reçue (A à E)", de: "Erhaltene Note (A bis E)", nl: "Ontvangen score (A tot E)", en: "Grade received (A to E)" }, values: GRADES, normalize: (s) => GRADES.find((g) => g === s.trim().toUpperCase()) }),
  },
  async run({ options, commune, activity, t, locale, now, services }) {
    const grade = gradeOf(options);
    const plan = planSubmission(commune.fomDueOn, now, commune.timeZone);
    if (!plan.nextDue) {
      // This cycle was already submitted: only its grade changes.
      const history = await services.repos.communes.fomHistory(commune.id);
      const last = history.at(-1);
      const on = last?.on ?? plan.on;
      await services.repos.communes.addFomRecord({ communeId: commune.id, on, grade: grade ?? last?.grade ?? null });
      // A correction, not a new submission: nothing for the commune's activity.
      activity.skip();
      return message(locale, t("fom.graded", { grade: grade ?? t("fom.ungraded"), commune: commune.name, on: formatDay(locale, on) }));
    }
    await services.repos.communes.addFomRecord({ communeId: commune.id, on: plan.on, grade });
    const { id: _id, ...rest } = commune;
    await services.repos.communes.upsert({ ...rest, fomDueOn: plan.nextDue });
    if (commune.fomDueOn) await services.notifier.cancel(ladderPrefix(commune.id, commune.fomDueOn));
    services.logger.info({ commune: commune.slug, grade, nextDue: isoDay(plan.nextDue) }, "fom submitted");
    return message(locale, t("fom.submitted", { commune: commune.name, on: formatDay(locale, plan.on), grade: grade ?? "none", next: formatDay(locale, plan.nextDue) }), "channel");
  },
});
