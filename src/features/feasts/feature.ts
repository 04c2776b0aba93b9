/**
 * Local fêtes and markets of each commune's territory: members log them (`/cdce fetes`),
 * and six weeks before each occurrence the commune's channel gets the kits that fit and a
 * button to plan an action there.
 */
import { defineFeature } from "../../core/feature.js";
import fetes from "../../../commands/feasts/fetes.js";
import fetesAjouter from "../../../commands/feasts/fetes-ajouter.js";
import fetesRetirer from "../../../commands/feasts/fetes-retirer.js";
import fetesPlanifier from "../../../commands/feasts/fetes-planifier.js";
import feastsPrompts from "./jobs/feasts-prompts.js";
import { feastMessages } from "./messages.js";

export default defineFeature({
  name: "feasts",
  commands: [fetes, fetesAjouter, fetesRetirer, fetesPlanifier],
  jobs: [feastsPrompts],
  messages: [feastMessages],
});
