/**
 * Every Monday at 09:30 (Brussels): the "near you" digest of each commune, what its
 * neighbours shared the week before. Keyed by ISO week and commune: a second run, a restart
 * or a takeover in the same week queues nothing twice.
 */
import { defineJob } from "../../../core/jobs.js";
import { sendNearbyDigests } from "../digest.js";

export default defineJob({
  name: "neighbours-digest",
  label: { fr: "Digest « près de chez vous » des communes", de: "Wöchentlicher Überblick „In Ihrer Nähe“ der Gemeinden", nl: "Wekelijks overzicht „bij u in de buurt” van de gemeenten", en: "Weekly “near you” digest of the communes" },
  schedule: "30 9 * * 1",
  timeZone: "Europe/Brussels",
  scope: "cluster",
  async run({ services, now }) {
    await sendNearbyDigests(services, now);
  },
});
