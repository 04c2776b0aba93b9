/**
 * `/cdce veille [commune] [page:]` (coordination): communes ranked by momentum score with
 * their trend since the last weekly scan; with a commune, its history and signals.
 */
import { defineCommand } from "../../src/core/commands.js";
import { int } from "../../src/core/options.js";
import { communeOption } from "../../src/core/scope.js";
import { semaineWindowsBefore } from "../../src/features/watch/calendar.js";
import { scoreMomentum } from "../../src/features/watch/momentum.js";
import { scoreAll } from "../../src/features/watch/scan.js";
import { readAnswer } from "../../src/features/watch/diagnostic.js";
import { veilleCommuneReply, veilleListReply } from "../../src/features/watch/veille-view.js";

/** History shown for one commune: two months of weekly scans. */
const HISTORY = 8;

export default defineCommand({
  name: "veille",
  words: { fr: "veille", de: "dynamik", nl: "dynamiek", en: "momentum" },
  intent: "manage",
  optionWords: { commune: { de: "gemeinde", nl: "gemeente", en: "commune" }, page: { de: "seite", nl: "pagina", en: "page" } },
  changesState: false,
  aliases: ["momentum", "watch", "dynamik", "dynamiek"],
  help: {
    fr: "Veille de la dynamique des communes : score, tendance, raisons (coordination)",
    de: "Dynamik-Beobachtung der Gemeinden: Wert, Tendenz, Gründe (Koordination)",
    nl: "Opvolging van de dynamiek van de gemeenten: score, trend, redenen (coördinatie)",
    en: "Momentum watch of the communes: score, trend, reasons (coordination)",
  },
  usage: { fr: "veille", de: "veille Eupen", nl: "veille", en: "veille Namur" },
  // Without a commune named, the ranking of all of them.
  scope: { commune: "optional", fallback: "none" },
  permission: "network.admin",
  options: {
    commune: communeOption({ rest: true, help: { fr: "Une commune, pour son détail", de: "Eine Gemeinde, für die Details", nl: "Een gemeente, voor de details", en: "A commune, for its details" } }),
    page: int({ help: { fr: "Page", de: "Seite", nl: "Pagina", en: "Page" }, min: 1, max: 500, default: 1 }),
  },
  async run({ options, commune, t, locale, now, services, registry }) {
    if (!commune) return veilleListReply(locale, t, await scoreAll(services, now), options.page);
    const [signals, history, recent] = await Promise.all([
      services.watch.momentum.signalsFor(commune.id, now, semaineWindowsBefore(now)),
      services.watch.momentum.history(commune.id, HISTORY),
      services.repos.activity.recent(commune.id, 200),
    ]);
    const diag = recent.find((e) => e.kind === "diagnostic");
    return veilleCommuneReply(locale, t, {
      commune,
      result: scoreMomentum(signals, now),
      history,
      diagnostic: diag ? { at: diag.at, answer: readAnswer(diag.data) } : null,
      hasCommand: (name) => registry.get(name) !== undefined,
    });
  },
});
