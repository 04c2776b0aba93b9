/**
 * The network's shared content (issue 8), listed here so that commands/index.ts takes them
 * in one line: initiatives (share, edit, details, delete, moderate, contact, follow, show,
 * search), the moderation setting.
 */
import type { CommandDefinition } from "../src/core/commands.js";
import initiative from "./initiative.js";
import initiativeModifier from "./initiative-modifier.js";
import initiativeDetails from "./initiative-details.js";
import initiativeSupprimer from "./initiative-supprimer.js";
import initiativeValider from "./initiative-valider.js";
import initiativeRefuser from "./initiative-refuser.js";
import initiativeContact from "./initiative-contact.js";
import initiativeAussi from "./initiative-aussi.js";
import initiativeVoir from "./initiative-voir.js";
import initiatives from "./initiatives.js";
import configModeration from "./config-moderation.js";

export const COMMUNITY_COMMANDS: readonly CommandDefinition<any>[] = [
  initiative,
  initiativeModifier,
  initiativeDetails,
  initiativeSupprimer,
  initiativeValider,
  initiativeRefuser,
  initiativeContact,
  initiativeAussi,
  initiativeVoir,
  initiatives,
  configModeration,
];
