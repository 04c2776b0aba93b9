/**
 * Neighbouring communes: `/cdce voisins`, the weekly "near you" digest of what communes
 * within the configured distance shared, and its answers ("Nous aussi", "Agir ensemble":
 * joint local events owned by several communes).
 */
import { defineFeature } from "../../core/feature.js";
import voisins from "../../../commands/neighbours/voisins.js";
import voisinsAussi from "../../../commands/neighbours/voisins-aussi.js";
import voisinsEnsemble from "../../../commands/neighbours/voisins-ensemble.js";
import neighboursDigest from "./jobs/neighbours-digest.js";
import { neighbourMessages } from "./messages.js";

export default defineFeature({
  name: "neighbours",
  commands: [voisins, voisinsAussi, voisinsEnsemble],
  jobs: [neighboursDigest],
  messages: [neighbourMessages],
});
