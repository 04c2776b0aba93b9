/**
 * A home for each person (Slack's App Home tab, `/cdce accueil` anywhere), the forms the
 * platforms' shortcuts open, and boards kept current in a channel (Discord has no home tab).
 * After every change, the homes and boards it concerns are refreshed through the outbox.
 */
import { defineFeature } from "../../core/feature.js";
import accueil from "../../../commands/home/accueil.js";
import raccourci from "../../../commands/home/raccourci.js";
import tableauEpingler from "../../../commands/home/tableau-epingler.js";
import { homeMessages } from "./messages.js";
import { afterChange } from "./refresh.js";

export default defineFeature({
  name: "home",
  commands: [accueil, tableauEpingler, raccourci],
  messages: [homeMessages],
  changed: afterChange,
});
