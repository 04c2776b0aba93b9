/** Polls: asking, voting, results, closing (by hand or when their time is up). */
import { defineFeature } from "../../core/feature.js";
import sondage from "../../../commands/polls/sondage.js";
import sondageVoter from "../../../commands/polls/sondage-voter.js";
import sondageResultats from "../../../commands/polls/sondage-resultats.js";
import sondageFermer from "../../../commands/polls/sondage-fermer.js";
import pollsClose from "./jobs/polls-close.js";
import { pollMessages } from "./messages.js";

export default defineFeature({
  name: "polls",
  commands: [sondage, sondageVoter, sondageResultats, sondageFermer],
  jobs: [pollsClose],
  messages: [pollMessages],
});
