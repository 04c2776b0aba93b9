/**
 * `/cdce commune fusionner Bertogne Bastogne [le:2024-12-02]` (coordination): a commune
 * joins another. Its history (activity, local events, evidence, Fair-O-Mètre records, CoPil
 * roster, memberships, initiatives, channels...) moves to the commune it joined, in one
 * transaction with the command; it leaves the watch and the reminders.
 */
import { defineCommand } from "../../src/core/commands.js";
import { text } from "../../src/core/options.js";
import { message } from "../../src/core/reply.js";
import { CdceError } from "../../src/core/errors.js";
import { findCommune } from "../../src/core/scope.js";
import { isFollowed } from "../../src/core/ports.js";
import { localDay } from "../../src/core/time/local.js";
import { prefixWithin } from "../../src/core/clip.js";
import { mergerTarget } from "../../src/features/network/communes.js";
import { formatDay, parseDay } from "../../src/features/watch/index.js";

export default defineCommand({
  name: "commune fusionner",
  words: { fr: "commune fusionner", de: "gemeinde fusionieren", nl: "gemeente fuseren", en: "commune merge" },
  intent: "manage",
  optionWords: { source: { de: "von", nl: "van", en: "from" }, dans: { de: "in", nl: "in", en: "into" }, le: { de: "am", nl: "op", en: "on" } },
  changesState: true,
  aliases: ["commune merge", "commune fusionieren", "commune fuseren", "gemeinde fusionieren", "gemeente fuseren"],
  help: {
    fr: "Fusionner une commune dans une autre : son historique passe à celle qu’elle rejoint (coordination)",
    de: "Eine Gemeinde mit einer anderen fusionieren: ihr Verlauf geht an die neue Gemeinde (Koordination)",
    nl: "Een gemeente laten fuseren met een andere: haar geschiedenis gaat naar de nieuwe gemeente (coördinatie)",
    en: "Merge a commune into another: its history moves to the commune it joins (coordination)",
  },
  usage: { fr: "commune fusionner Bertogne Bastogne le:2024-12-02", de: "commune fusionieren Bertogne Bastogne le:2024-12-02", nl: "commune fuseren Bertogne Bastogne le:2024-12-02", en: "commune merge Bertogne Bastogne le:2024-12-02" },
  permission: "network.admin",
  options: {
    source: text({ help: { fr: "La commune qui fusionne", de: "Die Gemeinde, die fusioniert", nl: "De gemeente die fuseert", en: "The commune that merges" }, max: 80, required: true, autocomplete: "commune" }),
    dans: text({ help: { fr: "La commune qu’elle rejoint", de: "Die Gemeinde, der sie beitritt", nl: "De gemeente waarbij ze komt", en: "The commune it joins" }, max: 80, rest: true, autocomplete: "commune" }),
    le: text({ help: { fr: "Date de la fusion (AAAA-MM-JJ), aujourd’hui par défaut", de: "Datum der Fusion (JJJJ-MM-TT), sonst heute", nl: "Datum van de fusie (JJJJ-MM-DD), anders vandaag", en: "Date of the merger (YYYY-MM-DD), today by default" }, max: 20 }),
  },
  async run({ options, t, locale, now, services }) {
    if (!options.dans) throw new CdceError("commune.merge_no_target", "commune.merge.noTarget");
    const [from, into] = [await findCommune(services.repos, options.source), await findCommune(services.repos, mergerTarget(options.dans))];
    if (from.id === into.id) throw new CdceError("commune.merge_self", "commune.merge.self", { commune: from.name });
    if (from.status === "merged") {
      const joined = from.mergedIntoId ? await services.repos.communes.get(from.mergedIntoId) : null;
      throw new CdceError("commune.merge_already", "commune.merge.already", { commune: from.name, into: joined?.name ?? "?" });
    }
    if (!isFollowed(into)) throw new CdceError("commune.merge_target_out", "commune.merge.targetOut", { commune: into.name });
    const on = options.le ? parseDay(options.le) : localDay(now, from.timeZone);
    if (!on) throw new CdceError("commune.bad_date", "commune.badDate", { value: prefixWithin(options.le ?? "", 20) });
    const moved = await services.repos.communes.merge(from.id, into.id, on);
    // Fair-O-Mètre reminders still queued for the merged commune would speak of a questionnaire it no longer owes.
    await services.notifier.cancel(`fom:${from.id}:`);
    services.logger.info({ from: from.slug, into: into.slug, moved }, "communes merged");
    return message(
      locale,
      t("commune.merge.done", {
        commune: from.name,
        into: into.name,
        date: formatDay(locale, on),
        activities: moved.activities,
        members: moved.copilMembers,
        records: moved.fomRecords,
        other: moved.events + moved.memberships + moved.initiatives + moved.channels + moved.other,
      }),
    );
  },
});
