/**
 * Every Monday at 07:00 Brussels time (MOMENTUM_CONFIG.scan): scores every commune, stores
 * the snapshots, alerts coordination on a fall to orange or red or a sharp drop, sends the
 * diagnostic to communes that fell, and the monthly roster reminders.
 */
import { defineJob } from "../../../core/jobs.js";
import { MOMENTUM_CONFIG } from "../config.js";
import { runWeeklyScan } from "../scan.js";
import { createRegistry } from "../../index.js";

export default defineJob({
  name: "momentum-scan",
  label: { fr: "Veille de dynamique des communes", de: "Dynamik-Beobachtung der Gemeinden", nl: "Dynamiekbewaking van de gemeenten", en: "Communes’ momentum watch" },
  schedule: MOMENTUM_CONFIG.scan.cron,
  timeZone: MOMENTUM_CONFIG.scan.timeZone,
  scope: "cluster",
  async run({ services, now, logger }) {
    const registry = createRegistry();
    await runWeeklyScan(
      {
        repos: services.repos,
        watch: services.watch,
        notifier: services.notifier,
        logger,
        hasCommand: (name) => registry.get(name) !== undefined,
        unit: (work) => services.transaction((scope) => work(scope)),
      },
      now,
    );
  },
});
