/** Local initiatives shared with the network (with moderation), the map, the weekly digest and experience sheets. */
import { defineFeature } from "../../core/feature.js";
import initiative from "../../../commands/initiatives/initiative.js";
import initiativeModifier from "../../../commands/initiatives/initiative-modifier.js";
import initiativeDetails from "../../../commands/initiatives/initiative-details.js";
import initiativeSupprimer from "../../../commands/initiatives/initiative-supprimer.js";
import initiativeValider from "../../../commands/initiatives/initiative-valider.js";
import initiativeRefuser from "../../../commands/initiatives/initiative-refuser.js";
import initiativeContact from "../../../commands/initiatives/initiative-contact.js";
import initiativeAussi from "../../../commands/initiatives/initiative-aussi.js";
import initiativeVoir from "../../../commands/initiatives/initiative-voir.js";
import initiatives from "../../../commands/initiatives/initiatives.js";
import configModeration from "../../../commands/initiatives/config-moderation.js";
import carte from "../../../commands/initiatives/carte.js";
import retour from "../../../commands/initiatives/retour.js";
import retours from "../../../commands/initiatives/retours.js";
import retourVoir from "../../../commands/initiatives/retour-voir.js";
import retourSupprimer from "../../../commands/initiatives/retour-supprimer.js";
import communityDigest from "./jobs/community-digest.js";
import { initiativeMessages } from "./messages/initiatives.js";
import { sharingMessages } from "./messages/sharing.js";

export default defineFeature({
  name: "initiatives",
  commands: [initiative, initiativeModifier, initiativeDetails, initiativeSupprimer, initiativeValider, initiativeRefuser, initiativeContact, initiativeAussi, initiativeVoir, initiatives, configModeration, carte, retour, retours, retourVoir, retourSupprimer],
  jobs: [communityDigest],
  messages: [initiativeMessages, sharingMessages],
});
