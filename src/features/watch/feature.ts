/** Keeping communes alive: Fair-O-Mètre deadlines and evidence, CoPil roster, momentum watch, mentoring, diagnostic, dashboard. */
import { defineFeature } from "../../core/feature.js";
import fom from "../../../commands/watch/fom.js";
import fomDossier from "../../../commands/watch/fom-dossier.js";
import fomSoumis from "../../../commands/watch/fom-soumis.js";
import fomPreuve from "../../../commands/watch/fom-preuve.js";
import veille from "../../../commands/watch/veille.js";
import copil from "../../../commands/watch/copil.js";
import copilAjouter from "../../../commands/watch/copil-ajouter.js";
import copilRetirer from "../../../commands/watch/copil-retirer.js";
import copilReunion from "../../../commands/watch/copil-reunion.js";
import parrainage from "../../../commands/watch/parrainage.js";
import parrainageProposer from "../../../commands/watch/parrainage-proposer.js";
import parrainageConfirmer from "../../../commands/watch/parrainage-confirmer.js";
import parrainageTerminer from "../../../commands/watch/parrainage-terminer.js";
import diagnostic from "../../../commands/watch/diagnostic.js";
import diagnosticEnvoyer from "../../../commands/watch/diagnostic-envoyer.js";
import tableau from "../../../commands/watch/tableau.js";
import momentumScan from "./jobs/momentum-scan.js";
import watchDaily from "./jobs/watch-daily.js";
import { copilMessages } from "./messages/copil.js";
import { diagnosticMessages } from "./messages/diagnostic.js";
import { fomMessages } from "./messages/fom.js";
import { momentumMessages } from "./messages/momentum.js";
import { watchMessages } from "./messages/watch.js";
import { readingMessages } from "./messages/readings.js";

export default defineFeature({
  name: "watch",
  commands: [fom, fomDossier, fomSoumis, fomPreuve, veille, copil, copilAjouter, copilRetirer, copilReunion, parrainage, parrainageProposer, parrainageConfirmer, parrainageTerminer, diagnostic, diagnosticEnvoyer, tableau],
  jobs: [momentumScan, watchDaily],
  messages: [copilMessages, diagnosticMessages, fomMessages, momentumMessages, watchMessages, readingMessages],
});
