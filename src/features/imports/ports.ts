/**
 * What the imports feature needs from outside: a reader and writer of spreadsheet files
 * (CSV, XLSX, JSON; implemented in src/data/spreadsheet with maintained libraries) and a
 * store for the imports waiting for their "Appliquer" click.
 */

/** One line of a sheet: its line number in the file (1 = the header) and its cells by column name. */
export interface SheetRow {
  line: number;
  cells: Record<string, string>;
}

/** A file read as a table: the header (column names, in order) and the lines under it. */
export interface Sheet {
  format: SheetFormat;
  header: string[];
  rows: SheetRow[];
}

export const SHEET_FORMATS = ["csv", "xlsx", "json"] as const;
export type SheetFormat = (typeof SHEET_FORMATS)[number];

/** The file could not be read as a table at all (not CSV, a broken quote, not a workbook). */
export class SheetFileError extends Error {
  readonly code = "imports.file_unreadable";

  constructor(
    message: string,
    /** The line where reading stopped, when the format says. */
    readonly line: number | null = null,
  ) {
    super(message);
    this.name = "SheetFileError";
  }
}

export interface SheetCodec {
  /** The format a file name stands for (by its extension), or null when it is none of them. */
  formatOf(fileName: string): SheetFormat | null;
  /**
   * Reads a CSV or XLSX file (the first worksheet) as a table; a JSON file is handed back as
   * one row per entry of its `kits` (or `communes`) array, through `fromJson`, by the caller.
   * Throws {@link SheetFileError} when the bytes are not such a file.
   */
  read(format: Exclude<SheetFormat, "json">, data: Uint8Array): Promise<Sheet>;
  /** Writes a table as CSV (UTF-8 with a BOM, for spreadsheet programs) or XLSX. */
  write(format: Exclude<SheetFormat, "json">, header: readonly string[], rows: ReadonlyArray<Record<string, string>>, sheetName: string): Promise<Uint8Array>;
}

/** An import read in chat, waiting for its "Appliquer" click. */
export interface PendingImport {
  /** Who sent the file: only they may apply it. */
  personId: string;
  kind: "kits" | "communes";
  fileName: string;
  /** The file as read: the plan is computed again when applied, against the data of then. */
  sheet: Sheet;
  expiresAt: Date;
}

export interface PendingImportStore {
  /** Keeps `pending` under `key` (replacing any older one) and drops the expired ones. */
  put(key: string, pending: PendingImport, now: Date): Promise<void>;
  /** The pending import under `key`, removed from the store; null when unknown or expired at `now`. */
  take(key: string, now: Date): Promise<PendingImport | null>;
}
