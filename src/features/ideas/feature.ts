/** The idea box of each commune: posting (anonymously or not), listing, following up. */
import { defineFeature } from "../../core/feature.js";
import idee from "../../../commands/ideas/idee.js";
import ideeStatut from "../../../commands/ideas/idee-statut.js";
import idees from "../../../commands/ideas/idees.js";
import { ideaMessages } from "./messages.js";

export default defineFeature({
  name: "ideas",
  commands: [idee, ideeStatut, idees],
  messages: [ideaMessages],
});
