/**
 * Every Monday at 09:00 (Brussels): the weekly digest to the network's shared channel (new
 * initiatives, upcoming webinars and trainings, title anniversaries). Keyed by ISO week: a
 * second run, a restart or a takeover in the same week queues nothing twice.
 */
import { defineJob } from "../../../core/jobs.js";
import { sendWeeklyDigest, type UpcomingWebinars } from "../digest.js";
import type { Services } from "../../../core/commands.js";

/** Network webinars and trainings of the events feature, as the digest lists them. */
export function upcomingFromEvents(services: Services): UpcomingWebinars {
  return async (from, to) => {
    const events = await services.events.repo.list({ from, kinds: ["webinar", "training"], limit: 50 });
    return events
      .filter((e) => e.state !== "cancelled" && e.startsAt >= from && e.startsAt < to)
      .map((e) => ({ title: e.title, startsAt: e.startsAt, command: `webinaire ${e.code}` }));
  };
}

export default defineJob({
  name: "community-digest",
  label: { fr: "Digest hebdomadaire du réseau", de: "Wöchentlicher Netzwerk-Überblick", nl: "Wekelijks netwerkoverzicht", en: "Weekly network digest" },
  schedule: "0 9 * * 1",
  timeZone: "Europe/Brussels",
  scope: "cluster",
  async run({ services, now }) {
    await sendWeeklyDigest(services, now, upcomingFromEvents(services));
  },
});
