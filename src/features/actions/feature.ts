/** Actions members propose to their CoPil, and the tasks of local events (with the co-management kit's checklists). */
import { defineFeature } from "../../core/feature.js";
import evenementProposer from "../../../commands/actions/evenement-proposer.js";
import propositionValider from "../../../commands/actions/proposition-valider.js";
import propositionRefuser from "../../../commands/actions/proposition-refuser.js";
import propositions from "../../../commands/actions/propositions.js";
import tacheAjouter from "../../../commands/actions/tache-ajouter.js";
import taches from "../../../commands/actions/taches.js";
import tacheFait from "../../../commands/actions/tache-fait.js";
import tacheStatut from "../../../commands/actions/tache-statut.js";
import tacheModele from "../../../commands/actions/tache-modele.js";
import tacheAttribuer from "../../../commands/actions/tache-attribuer.js";
import taskReminders from "./jobs/task-reminders.js";
import { actionMessages } from "./messages.js";

export default defineFeature({
  name: "actions",
  commands: [evenementProposer, propositions, propositionValider, propositionRefuser, taches, tacheAjouter, tacheFait, tacheStatut, tacheAttribuer, tacheModele],
  jobs: [taskReminders],
  messages: [actionMessages],
});
