/**
 * `/cdce diagnostic envoyer <commune>` (coordination; the alerts' buttons run it): offers
 * the diagnostic questionnaire to the commune's CoPil channel(s), at most once a month.
 */
import { defineCommand } from "../../src/core/commands.js";
import { communeOption } from "../../src/core/scope.js";
import { message } from "../../src/core/reply.js";
import { answerBy, diagnosticRequest } from "../../src/features/watch/notices.js";

export default defineCommand({
  name: "diagnostic envoyer",
  words: { fr: "diagnostic envoyer", de: "diagnose senden", nl: "diagnose versturen", en: "diagnostic send" },
  intent: "manage",
  optionWords: { commune: { de: "gemeinde", nl: "gemeente", en: "commune" } },
  changesState: true,
  aliases: ["diagnostic send"],
  help: {
    fr: "Envoyer le questionnaire diagnostic à un CoPil (coordination)",
    de: "Den Diagnosefragebogen an ein CoPil senden (Koordination)",
    nl: "De diagnosevragenlijst naar een CoPil sturen (coördinatie)",
    en: "Send the diagnostic questionnaire to a CoPil (coordination)",
  },
  usage: { fr: "diagnostic envoyer Tintigny", de: "diagnostic envoyer Raeren", nl: "diagnostic envoyer Jette", en: "diagnostic envoyer Tintigny" },
  // About another commune than one's own: it must be named.
  scope: { commune: "required", fallback: "none" },
  permission: "network.admin",
  options: {
    commune: communeOption({ rest: true, help: { fr: "Commune", de: "Gemeinde", nl: "Gemeente", en: "Commune" } }),
  },
  async run({ commune, t, locale, now, services }) {
    const n = diagnosticRequest(commune, now);
    const r = await services.notifier.enqueue(n);
    if (r.queued === 0 && r.duplicates === 0) return message(locale, t("diagnostic.noChannel", { commune: commune.name }));
    if (r.queued === 0) return message(locale, t("diagnostic.already", { commune: commune.name }));
    await services.watch.prompts.record({ communeId: commune.id, key: n.key, kind: "diagnostic", sentAt: now, answerBy: answerBy(now) });
    return message(locale, t("diagnostic.sent", { commune: commune.name }));
  },
});
