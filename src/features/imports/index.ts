/**
 * What the rest of the bot may use of the imports feature: the port its file reader
 * implements (src/data/spreadsheet), the checks and the report the CLI prints.
 */
import type { PendingImportStore, SheetCodec } from "./ports.js";

export { SheetFileError, SHEET_FORMATS, type Sheet, type SheetCodec, type SheetFormat, type SheetRow, type PendingImport, type PendingImportStore } from "./ports.js";
export { checkImport, exportTable, planRows, type AnyPlan } from "./check.js";
export { applyPlan, type ImportTargets } from "./apply.js";
export { reportText, hasChanges } from "./report.js";
export { tableKindOf } from "./sheet-file.js";
export { KIT_COLUMNS } from "./kit-table.js";
export { COMMUNE_COLUMNS } from "./commune-table.js";
export type { TableKind } from "./table.js";

// What this feature adds to the services every command receives.
declare module "../../core/commands.js" {
  interface FeatureServices {
    /** Spreadsheet files in and out, and the imports waiting for their "Appliquer" click. */
    imports: { codec: SheetCodec; pending: PendingImportStore };
  }
}
