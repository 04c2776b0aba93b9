/** The ambassadors' network: a directory they agree to appear in, their activities and calendar, the communes' youth groups. */
import { defineFeature } from "../../core/feature.js";
import ambassadeurs from "../../../commands/ambassadors/ambassadeurs.js";
import ambassadeurAnnuaire from "../../../commands/ambassadors/ambassadeur-annuaire.js";
import jeunesse from "../../../commands/ambassadors/jeunesse.js";
import jeunesseAjouter from "../../../commands/ambassadors/jeunesse-ajouter.js";
import jeunesseLier from "../../../commands/ambassadors/jeunesse-lier.js";
import { ambassadorMessages } from "./messages.js";

export default defineFeature({
  name: "ambassadors",
  commands: [ambassadeurs, ambassadeurAnnuaire, jeunesse, jeunesseAjouter, jeunesseLier],
  messages: [ambassadorMessages],
});
