/**
 * The momentum watch's sub-commands (issue 7): Fair-O-Mètre, veille, CoPil roster,
 * mentoring, diagnostic, dashboard. Listed here so commands/index.ts takes one line.
 */
import type { CommandDefinition } from "../src/core/commands.js";
import fom from "./fom.js";
import fomDossier from "./fom-dossier.js";
import fomSoumis from "./fom-soumis.js";
import fomPreuve from "./fom-preuve.js";
import veille from "./veille.js";

export const WATCH_COMMANDS: readonly CommandDefinition<any>[] = [fom, fomDossier, fomSoumis, fomPreuve, veille];
