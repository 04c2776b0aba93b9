/**
 * `/cdce demo avancer 30j`: in the terminal demo, coordination moves the clock forward; every
 * scheduled job due in between runs at its own instant (the daily watch, the momentum scan,
 * the digest, the reminders), then the clock stays there. Elsewhere it says where it exists.
 */
import { defineCommand } from "../../src/core/commands.js";
import { CdceError } from "../../src/core/errors.js";
import { text } from "../../src/core/options.js";
import { DemoClockBusy, parseDemoDuration } from "../../src/features/demo/index.js";
import { advanceReply } from "../../src/features/demo/view.js";

export default defineCommand({
  name: "demo avancer",
  words: { fr: "demo avancer", de: "demo vorspulen", nl: "demo vooruit", en: "demo advance" },
  intent: "manage",
  optionWords: { duree: { de: "dauer", nl: "duur", en: "duration" } },
  aliases: ["demo vorspulen", "demo vooruit", "demo advance"],
  help: {
    fr: "Démo en terminal : avancer l’horloge (les tâches planifiées tournent)",
    de: "Terminal-Demo: die Uhr vorstellen (geplante Aufgaben laufen)",
    nl: "Terminaldemo: de klok vooruitzetten (geplande taken lopen)",
    en: "Terminal demo: move the clock forward (scheduled tasks run)",
  },
  usage: { fr: "demo avancer 30j", de: "demo vorspulen 30t", nl: "demo vooruit 30d", en: "demo advance 30d" },
  permission: "network.admin",
  changesState: true,
  // The jobs it runs open their own transactions: one around the command would hold the
  // database (SQLite's write lock) they wait for.
  unitOfWork: "own",
  options: {
    duree: text({
      help: { fr: "Durée : 30j, 2sem, 12h, 90min", de: "Dauer: 30t, 2wo, 12h, 90min", nl: "Duur: 30d, 2w, 12u, 90min", en: "Duration: 30d, 2w, 12h, 90min" },
      max: 40,
      rest: true,
      required: true,
    }),
  },
  async run({ options, t, locale, actor, services }) {
    if (!services.demo || actor.platform !== "terminal") throw new CdceError("demo.terminal_only", "demo.error.terminalOnly");
    const ms = parseDemoDuration(options.duree);
    try {
      return advanceReply(await services.demo.advance(ms), t, locale, actor.timeZone);
    } catch (err) {
      if (err instanceof DemoClockBusy) throw new CdceError("demo.busy", "demo.error.busy");
      throw err;
    }
  },
});
