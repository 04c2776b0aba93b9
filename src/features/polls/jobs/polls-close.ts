/**
 * Every five minutes: closes the polls whose closing time has passed and sends each author
 * the final results (once: the close is a conditional update, the message keyed by poll).
 */
import { defineJob } from "../../../core/jobs.js";
import { closeDuePolls } from "../service.js";

export default defineJob({
  name: "polls-close",
  label: { fr: "Clôture des sondages échus", de: "Schließen abgelaufener Umfragen", nl: "Sluiten van verlopen peilingen", en: "Closing of ended polls" },
  schedule: "*/5 * * * *",
  timeZone: "Europe/Brussels",
  scope: "cluster",
  async run({ services, now, logger }) {
    const closed = await closeDuePolls(services, now);
    if (closed) logger.info({ closed }, "polls closed");
  },
});
