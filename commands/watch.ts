/**
 * The momentum watch's sub-commands: Fair-O-Mètre, veille, CoPil roster,
 * mentoring, diagnostic, dashboard. Listed here so commands/index.ts takes one line.
 */
import type { CommandDefinition } from "../src/core/commands.js";
import fom from "./fom.js";
import fomDossier from "./fom-dossier.js";
import fomSoumis from "./fom-soumis.js";
import fomPreuve from "./fom-preuve.js";
import veille from "./veille.js";
import copil from "./copil.js";
import copilAjouter from "./copil-ajouter.js";
import copilRetirer from "./copil-retirer.js";
import parrainage from "./parrainage.js";
import parrainageProposer from "./parrainage-proposer.js";
import parrainageConfirmer from "./parrainage-confirmer.js";
import parrainageTerminer from "./parrainage-terminer.js";
import diagnostic from "./diagnostic.js";
import diagnosticEnvoyer from "./diagnostic-envoyer.js";
import tableau from "./tableau.js";

export const WATCH_COMMANDS: readonly CommandDefinition<any>[] = [
  fom,
  fomDossier,
  fomSoumis,
  fomPreuve,
  veille,
  copil,
  copilAjouter,
  copilRetirer,
  parrainage,
  parrainageProposer,
  parrainageConfirmer,
  parrainageTerminer,
  diagnostic,
  diagnosticEnvoyer,
  tableau,
];
