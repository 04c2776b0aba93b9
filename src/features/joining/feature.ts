/** People joining a commune: join requests, welcome journeys, the CoPil's recruitment calls. */
import { defineFeature } from "../../core/feature.js";
import rejoindre from "../../../commands/joining/rejoindre.js";
import rejoindreAccepter from "../../../commands/joining/rejoindre-accepter.js";
import rejoindreRefuser from "../../../commands/joining/rejoindre-refuser.js";
import parcours from "../../../commands/joining/parcours.js";
import parcoursModifier from "../../../commands/joining/parcours-modifier.js";
import parcoursStop from "../../../commands/joining/parcours-stop.js";
import copilRenouveler from "../../../commands/joining/copil-renouveler.js";
import copilRecruter from "../../../commands/joining/copil-recruter.js";
import copilInteresse from "../../../commands/joining/copil-interesse.js";
import copilCandidats from "../../../commands/joining/copil-candidats.js";
import copilInviter from "../../../commands/joining/copil-inviter.js";
import welcomeJourneys from "./jobs/welcome-journeys.js";
import { joiningMessages } from "./messages.js";

export default defineFeature({
  name: "joining",
  commands: [rejoindre, rejoindreAccepter, rejoindreRefuser, parcours, parcoursModifier, parcoursStop, copilRenouveler, copilRecruter, copilInteresse, copilCandidats, copilInviter],
  jobs: [welcomeJourneys],
  messages: [joiningMessages],
});
