/** Webinars, trainings and local events: planning, RSVP and waitlists, reminders, calendars, series, attendance. */
import { defineFeature } from "../../core/feature.js";
import webinairePlanifier from "../../../commands/events/webinaire-planifier.js";
import webinaires from "../../../commands/events/webinaires.js";
import webinaire from "../../../commands/events/webinaire.js";
import webinaireRejoindre from "../../../commands/events/webinaire-rejoindre.js";
import webinaireQuitter from "../../../commands/events/webinaire-quitter.js";
import webinaireAnnuler from "../../../commands/events/webinaire-annuler.js";
import webinaireDeplacer from "../../../commands/events/webinaire-deplacer.js";
import ics from "../../../commands/events/ics.js";
import agenda from "../../../commands/events/agenda.js";
import rappels from "../../../commands/events/rappels.js";
import webinairePresences from "../../../commands/events/webinaire-presences.js";
import webinaireRelancer from "../../../commands/events/webinaire-relancer.js";
import participations from "../../../commands/events/participations.js";
import evenementCreer from "../../../commands/events/evenement-creer.js";
import evenements from "../../../commands/events/evenements.js";
import evenementPartager from "../../../commands/events/evenement-partager.js";
import webinaireSerie from "../../../commands/events/webinaire-serie.js";
import webinaireModifier from "../../../commands/events/webinaire-modifier.js";
import eventsCampaigns from "./jobs/events-campaigns.js";
import { events } from "./messages/events.js";
import { eventsLocal } from "./messages/local.js";
import { eventsManage } from "./messages/manage.js";
import { eventsSeries } from "./messages/series.js";
import { eventsTeam } from "./messages/team.js";
import { eventsWhen } from "./messages/when.js";

export default defineFeature({
  name: "events",
  commands: [webinairePlanifier, webinaires, webinaire, webinaireRejoindre, webinaireQuitter, webinaireAnnuler, webinaireDeplacer, ics, agenda, rappels, webinairePresences, webinaireRelancer, participations, evenementCreer, evenements, evenementPartager, webinaireSerie, webinaireModifier],
  jobs: [eventsCampaigns],
  messages: [events, eventsLocal, eventsManage, eventsSeries, eventsTeam, eventsWhen],
});
