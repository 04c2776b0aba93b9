/**
 * Every hour, on each replica: re-reads the kit catalogue, so that what another process
 * wrote (the link statuses of `npm run check-links`, an import) reaches the replies without a
 * restart. Each replica holds its own index, hence `replica`.
 */
import { defineJob } from "../../../core/jobs.js";

export default defineJob({
  name: "kits-reload",
  label: { fr: "Relecture du catalogue des kits", de: "Neu-Einlesen des Kit-Katalogs", nl: "Herlezen van de kitcatalogus", en: "Re-reading the kit catalogue" },
  schedule: "17 * * * *",
  timeZone: "Europe/Brussels",
  scope: "replica",
  async run({ services }) {
    await services.kits.reload();
  },
});
