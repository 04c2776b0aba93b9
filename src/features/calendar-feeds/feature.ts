/** Live calendar feeds: a private feed per person, a feed per commune, the network's webinars. */
import { defineFeature } from "../../core/feature.js";
import agendaLien from "../../../commands/calendar-feeds/agenda-lien.js";
import { feedMessages } from "./messages.js";

export default defineFeature({
  name: "calendar-feeds",
  commands: [agendaLien],
  messages: [feedMessages],
});
