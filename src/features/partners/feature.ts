/** A commune's local partners: who they are, what they do together, where they are credited, what they count for in the Fair-O-Mètre. */
import { defineFeature } from "../../core/feature.js";
import partenaires from "../../../commands/partners/partenaires.js";
import partenairesAjouter from "../../../commands/partners/partenaires-ajouter.js";
import partenairesModifier from "../../../commands/partners/partenaires-modifier.js";
import partenairesRetirer from "../../../commands/partners/partenaires-retirer.js";
import partenairesLier from "../../../commands/partners/partenaires-lier.js";
import { partnerMessages } from "./messages.js";

export default defineFeature({
  name: "partners",
  commands: [partenaires, partenairesAjouter, partenairesModifier, partenairesRetirer, partenairesLier],
  messages: [partnerMessages],
});
