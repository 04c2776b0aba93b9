/**
 * Every morning, queues the prompts of the local feasts six weeks ahead. Idempotent by key
 * (one per feast and occurrence): a second run, or a run on a new leader, queues nothing twice.
 */
import { defineJob } from "../../../core/jobs.js";
import { promptFeasts } from "../prompt.js";

export default defineJob({
  name: "feasts-prompts",
  label: { fr: "Fêtes et marchés locaux (six semaines avant)", de: "Lokale Feste und Märkte (sechs Wochen vorher)", nl: "Lokale feesten en markten (zes weken vooraf)", en: "Local fêtes and markets (six weeks ahead)" },
  schedule: "10 9 * * *",
  timeZone: "Europe/Brussels",
  scope: "cluster",
  async run({ services, now }) {
    await promptFeasts(services, now);
  },
});
