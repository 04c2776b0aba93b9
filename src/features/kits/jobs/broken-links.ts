/**
 * On the 1st of each month at 08:30 (Brussels): the broken
 * links of the kit catalogue, to coordination's channels. The check itself runs apart
 * (`npm run check-links`, which reaches the internet); this job only reads what it recorded.
 */
import { defineJob } from "../../../core/jobs.js";
import { sendBrokenLinks } from "../broken-links-notice.js";

export default defineJob({
  name: "kits-broken-links",
  label: { fr: "Liens cassés des kits (mensuel)", de: "Defekte Kit-Links (monatlich)", nl: "Kapotte kitlinks (maandelijks)", en: "Broken kit links (monthly)" },
  schedule: "30 8 1 * *",
  timeZone: "Europe/Brussels",
  scope: "cluster",
  async run({ services, now, logger }) {
    // The running catalogue may predate the last check: read the statuses again.
    await services.kits.reload();
    const broken = await sendBrokenLinks(services, now);
    if (broken) logger.info({ broken }, "broken kit links sent to coordination");
  },
});
