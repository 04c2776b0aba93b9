/**
 * On the 1st of each month at 09:00 (Brussels): the update of the month just ended to the
 * channel of every commune that switched it on (`/cdce bilan mensuel on`). Only enqueues,
 * keyed by commune and month (see notice.ts).
 */
import { defineJob } from "../../../core/jobs.js";
import { isFollowed } from "../../../core/ports.js";
import { monthBefore } from "../month.js";
import { gatherMonth } from "../gather.js";
import { monthlyNotice } from "../notice.js";

export default defineJob({
  name: "monthly-update",
  label: { fr: "Bilan mensuel des communes", de: "Monatsbilanz der Gemeinden", nl: "Maandoverzicht van de gemeenten", en: "Communes' monthly update" },
  schedule: "0 9 1 * *",
  timeZone: "Europe/Brussels",
  scope: "cluster",
  async run({ services, now, logger }) {
    let queued = 0;
    for (const communeId of await services.community.monthlyUpdates.communeIds()) {
      try {
        const commune = await services.repos.communes.get(communeId);
        // A commune that merged or left has no update of its own any more.
        if (!commune || !isFollowed(commune)) continue;
        const data = await gatherMonth(services, commune, monthBefore(now, commune.timeZone), now);
        queued += (await services.notifier.enqueue(monthlyNotice(data, now))).queued;
      } catch (err) {
        logger.error({ err, communeId }, "monthly update failed for one commune");
      }
    }
    logger.info({ queued }, "monthly updates queued");
  },
});
