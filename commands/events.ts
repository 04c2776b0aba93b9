/**
 * The sub-commands of webinars, trainings and local events, one line each;
 * commands/index.ts spreads this list into the registry.
 */
import type { CommandDefinition } from "../src/core/commands.js";
import webinairePlanifier from "./webinaire-planifier.js";
import webinaires from "./webinaires.js";
import webinaire from "./webinaire.js";
import webinaireRejoindre from "./webinaire-rejoindre.js";
import webinaireQuitter from "./webinaire-quitter.js";
import webinaireAnnuler from "./webinaire-annuler.js";
import webinaireDeplacer from "./webinaire-deplacer.js";
import ics from "./ics.js";
import agenda from "./agenda.js";
import rappels from "./rappels.js";
import webinairePresences from "./webinaire-presences.js";
import webinaireRelancer from "./webinaire-relancer.js";
import participations from "./participations.js";
import evenementCreer from "./evenement-creer.js";
import evenements from "./evenements.js";
import evenementPartager from "./evenement-partager.js";
import webinaireSerie from "./webinaire-serie.js";
import webinaireModifier from "./webinaire-modifier.js";

export const EVENT_COMMANDS: readonly CommandDefinition<any>[] = [
  webinairePlanifier,
  webinaires,
  webinaire,
  webinaireRejoindre,
  webinaireQuitter,
  webinaireAnnuler,
  webinaireDeplacer,
  ics,
  agenda,
  rappels,
  webinairePresences,
  webinaireRelancer,
  participations,
  evenementCreer,
  evenements,
  evenementPartager,
  webinaireSerie,
  webinaireModifier,
];
