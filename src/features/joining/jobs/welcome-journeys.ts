/**
 * Every hour: the welcome journeys move on, each sending the steps now due (under stable
 * keys, the journey advanced conditionally first: a second run sends nothing again).
 */
import { defineJob } from "../../../core/jobs.js";
import { advanceAll } from "../journey.js";

export default defineJob({
  name: "welcome-journeys",
  label: { fr: "Parcours d’accueil", de: "Willkommensbegleitung", nl: "Onthaaltrajecten", en: "Welcome journeys" },
  schedule: "20 * * * *",
  timeZone: "Europe/Brussels",
  scope: "cluster",
  async run({ services, now, logger }) {
    const queued = await advanceAll(services, now);
    if (queued) logger.info({ queued }, "welcome journey steps queued");
  },
});
