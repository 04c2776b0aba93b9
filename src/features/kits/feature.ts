/** Communication kits and tools: search by audience, theme, format, language and profile; coordination adds, edits and withdraws kits; link checks. */
import { defineFeature } from "../../core/feature.js";
import kit from "../../../commands/kits/kit.js";
import kitAjouter from "../../../commands/kits/kit-ajouter.js";
import kitModifier from "../../../commands/kits/kit-modifier.js";
import kitRetirer from "../../../commands/kits/kit-retirer.js";
import kitHistorique from "../../../commands/kits/kit-historique.js";
import { kitCareMessages } from "./messages.js";
import brokenLinks from "./jobs/broken-links.js";
import kitsReload from "./jobs/kits-reload.js";

export default defineFeature({
  name: "kits",
  commands: [kit, kitAjouter, kitModifier, kitRetirer, kitHistorique],
  jobs: [brokenLinks, kitsReload],
  messages: [kitCareMessages],
});
