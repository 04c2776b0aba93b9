/**
 * An import read against what is stored: which lines create, which change (field by field),
 * which change nothing, which stored entries the file does not name, and every problem with
 * its line and column. Nothing is written here: `applyPlan` does that, only for a plan
 * without errors.
 */
import type { MessageKey, MessageParams } from "../../core/i18n/catalogue.js";
import type { Sheet, SheetFormat, SheetRow } from "./ports.js";
import type { TableDef, TableKind } from "./table.js";

export interface ImportError {
  /** The file's line (1 is the header); for JSON, the entry's number (from 1). */
  line: number;
  /** The column's name, or null for the whole line. */
  column: string | null;
  /** The column's letter as a spreadsheet shows it (`C`), when the column is in the file. */
  letter: string | null;
  key: MessageKey;
  params?: MessageParams;
}

export interface FieldChange {
  column: string;
  before: string;
  after: string;
}

export interface ImportPlan<T> {
  kind: TableKind;
  format: SheetFormat;
  /** Lines read (the header aside). */
  lines: number;
  created: { key: string; line: number; value: T }[];
  changed: { key: string; line: number; value: T; fields: FieldChange[] }[];
  unchanged: number;
  /** Stored entries the file does not name: kept as they are (see README). */
  absent: string[];
  errors: ImportError[];
}

/** `A`, `B`, …, `Z`, `AA`, … for a 0-based column index. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

function canonical<T>(def: TableDef<T>, column: string, cell: string): string {
  if (!def.setColumns.has(column)) return cell.trim();
  return cell
    .split(";")
    .map((s) => s.trim())
    .filter(Boolean)
    .sort()
    .join("; ");
}

/** The columns whose content differs, compared the way the table reads them. */
export function fieldChanges<T>(def: TableDef<T>, before: T, after: T): FieldChange[] {
  const a = def.toCells(before);
  const b = def.toCells(after);
  return def.columns
    .filter((c) => !def.informational.has(c) && canonical(def, c, a[c] ?? "") !== canonical(def, c, b[c] ?? ""))
    .map((c) => ({ column: c, before: a[c] ?? "", after: b[c] ?? "" }));
}

/**
 * Compares a sheet's lines with the stored entries. A column absent from the file leaves the
 * stored value as it is (a sheet of ids and English titles updates only those); a column the
 * table does not know is an error on the header, so that a misspelt `titel_fr` is not lost.
 */
export function planImport<T>(def: TableDef<T>, sheet: Sheet, stored: readonly T[]): ImportPlan<T> {
  const plan: ImportPlan<T> = { kind: def.kind, format: sheet.format, lines: sheet.rows.length, created: [], changed: [], unchanged: 0, absent: [], errors: [] };
  const letterOf = (column: string | null) => {
    const i = column === null ? -1 : sheet.header.indexOf(column);
    return i === -1 ? null : columnLetter(i);
  };
  const known = new Set<string>(def.columns);
  sheet.header.forEach((name, i) => {
    if (name !== "" && !known.has(name)) plan.errors.push({ line: 1, column: name, letter: columnLetter(i), key: "imports.error.unknownColumn", params: { column: name, columns: def.columns.join(", ") } });
  });
  if (!sheet.header.includes(def.keyColumn)) {
    plan.errors.push({ line: 1, column: def.keyColumn, letter: null, key: "imports.error.missingColumn", params: { column: def.keyColumn } });
    return plan;
  }
  const byKey = new Map(stored.map((e) => [def.keyOf(e), e]));
  const seen = new Map<string, number>();
  for (const row of sheet.rows) checkRow(def, row, sheet.header, byKey, seen, plan, letterOf);
  plan.absent = [...byKey.keys()].filter((k) => !seen.has(k)).sort();
  return plan;
}

function checkRow<T>(
  def: TableDef<T>,
  row: SheetRow,
  header: readonly string[],
  byKey: Map<string, T>,
  seen: Map<string, number>,
  plan: ImportPlan<T>,
  letterOf: (column: string | null) => string | null,
): void {
  const key = (row.cells[def.keyColumn] ?? "").trim();
  const before = byKey.get(key);
  // Columns the file leaves out keep the stored value.
  const cells = { ...(before ? def.toCells(before) : {}), ...Object.fromEntries(header.filter((h) => h !== "").map((h) => [h, row.cells[h] ?? ""])) };
  const result = def.fromCells(cells);
  const firstLine = seen.get(key);
  if (key !== "" && firstLine !== undefined) {
    plan.errors.push({ line: row.line, column: def.keyColumn, letter: letterOf(def.keyColumn), key: "imports.error.duplicate", params: { value: key, line: firstLine } });
    return;
  }
  if (key !== "") seen.set(key, row.line);
  if (!result.ok) {
    for (const issue of result.issues) plan.errors.push({ line: row.line, column: issue.column, letter: letterOf(issue.column), key: issue.key, params: issue.params });
    return;
  }
  if (!before) plan.created.push({ key, line: row.line, value: result.value });
  else {
    const fields = fieldChanges(def, before, result.value);
    if (fields.length === 0) plan.unchanged++;
    else plan.changed.push({ key, line: row.line, value: result.value, fields });
  }
}
