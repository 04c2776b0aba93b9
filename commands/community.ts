/**
 * The network's shared content, listed here so that commands/index.ts takes them
 * in one line: initiatives (share, edit, details, delete, moderate, contact, follow, show,
 * search), the moderation setting, the map, polls, experience sheets, the idea box, the
 * tool inventory and personal data (`moi`).
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
import carte from "./carte.js";
import sondage from "./sondage.js";
import sondageVoter from "./sondage-voter.js";
import sondageResultats from "./sondage-resultats.js";
import sondageFermer from "./sondage-fermer.js";
import retour from "./retour.js";
import retours from "./retours.js";
import retourVoir from "./retour-voir.js";
import retourSupprimer from "./retour-supprimer.js";
import idee from "./idee.js";
import ideeStatut from "./idee-statut.js";
import idees from "./idees.js";
import outils from "./outils.js";
import outilsDeclarer from "./outils-declarer.js";
import outilsRetirer from "./outils-retirer.js";
import moi from "./moi.js";
import moiExport from "./moi-export.js";
import moiSupprimer from "./moi-supprimer.js";

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
  carte,
  sondage,
  sondageVoter,
  sondageResultats,
  sondageFermer,
  retour,
  retours,
  retourVoir,
  retourSupprimer,
  idee,
  ideeStatut,
  idees,
  outils,
  outilsDeclarer,
  outilsRetirer,
  moi,
  moiExport,
  moiSupprimer,
];
