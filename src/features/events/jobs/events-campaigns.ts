/**
 * Every morning, queues the campaign prompts whose time has come (six weeks before the
 * Semaine du Commerce Équitable and World Fair Trade Day). Idempotent by key: a second run,
 * or a run on a new leader, queues nothing twice.
 */
import { defineJob } from "../../../core/jobs.js";
import { promptCampaigns } from "../campaign-prompt.js";

export default defineJob({
  name: "events-campaigns",
  label: { fr: "Campagnes des événements (rappels, relances)", de: "Veranstaltungskampagnen (Erinnerungen, Nachfassen)", nl: "Evenementcampagnes (herinneringen, opvolging)", en: "Event campaigns (reminders, follow-ups)" },
  schedule: "5 9 * * *",
  timeZone: "Europe/Brussels",
  scope: "cluster",
  async run({ services, now }) {
    await promptCampaigns(services, now);
  },
});
