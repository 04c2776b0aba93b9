/**
 * Every day at 09:00 Brussels time (MOMENTUM_CONFIG.scan.dailyCron): the Fair-O-Mètre
 * deadline ladder, mandates ending, communal election reminders and mentoring check-ins
 *. Each message has a stable key: a second run the same day queues nothing.
 */
import { defineJob } from "../../../core/jobs.js";
import { MOMENTUM_CONFIG } from "../config.js";
import { runDailyWatch } from "../scan.js";

export default defineJob({
  name: "watch-daily",
  label: { fr: "Veille quotidienne (Fair-O-Mètre, mandats, parrainages)", de: "Tägliche Beobachtung (Fair-O-Mètre, Mandate, Patenschaften)", nl: "Dagelijkse bewaking (Fair-O-Mètre, mandaten, peterschappen)", en: "Daily watch (Fair-O-Mètre, mandates, mentoring)" },
  schedule: MOMENTUM_CONFIG.scan.dailyCron,
  timeZone: MOMENTUM_CONFIG.scan.timeZone,
  scope: "cluster",
  async run({ services, now, logger }) {
    await runDailyWatch(
      { repos: services.repos, watch: services.watch, community: services.community, notifier: services.notifier, logger, unit: (work) => services.transaction((scope) => work(scope)) },
      now,
    );
  },
});
