/** Every night: forget outbox rows sent, cancelled or expired more than 30 days ago (failed ones stay). */
import { defineJob } from "../../../core/jobs.js";

const KEEP_DAYS = 30;

export default defineJob({
  name: "outbox-purge",
  label: { fr: "Nettoyage des envois terminés", de: "Bereinigung erledigter Nachrichten", nl: "Opruimen van afgehandelde berichten", en: "Purge of finished messages" },
  schedule: "30 3 * * *",
  timeZone: "Europe/Brussels",
  scope: "cluster",
  async run({ outbox, now, logger }) {
    const removed = await outbox.purge(new Date(now.getTime() - KEEP_DAYS * 86_400_000));
    if (removed) logger.info({ removed }, "outbox: old rows purged");
  },
});
