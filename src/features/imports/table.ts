/**
 * What a table (kits, communes) is, column by column: how an entity becomes a row of text
 * cells (export) and how a row is read back and validated by zod (import), with every
 * problem tied to the column it comes from.
 */
import type { z } from "zod";
import type { MessageKey, MessageParams } from "../../core/i18n/catalogue.js";

export type TableKind = "kits" | "communes";

/** A problem in one cell (or the row, `column` null), worded by its message key. */
export interface CellIssue {
  column: string | null;
  key: MessageKey;
  params?: MessageParams;
}

export type RowResult<T> = { ok: true; value: T } | { ok: false; issues: CellIssue[] };

export interface TableDef<T> {
  kind: TableKind;
  /** The column that names an entity: a line with a known key changes it, else creates one. */
  keyColumn: string;
  /** Every column, in the order of an export. */
  columns: readonly string[];
  /** Lists whose order means nothing: compared sorted. */
  setColumns: ReadonlySet<string>;
  /** Written for information, not read back (the date of the last change is the import's). */
  informational: ReadonlySet<string>;
  keyOf(entity: T): string;
  toCells(entity: T): Record<string, string>;
  /** Validates one line (all columns present: the caller fills the absent ones). */
  fromCells(cells: Record<string, string>): RowResult<T>;
  /** One entry of a JSON file (today's kits.json) as cells, so that it is validated the same way. */
  jsonCells(entry: unknown): Record<string, string>;
  /** The array of entries in a JSON file of this table, or null. */
  jsonEntries(json: unknown): unknown[] | null;
}

/** Lists in a cell: `jeunes; elus`. A semicolon, because commas occur in keywords. */
export const LIST_SEPARATOR = "; ";

export function splitList(cell: string | undefined): string[] {
  return (cell ?? "")
    .split(";")
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

export function joinList(list: readonly string[]): string {
  return list.join(LIST_SEPARATOR);
}

/** `""` (an empty cell) as absent. */
export function optionalCell(cell: string | undefined): string | undefined {
  const v = (cell ?? "").trim();
  return v === "" ? undefined : v;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = root;
  for (const p of path) v = v !== null && typeof v === "object" ? (v as Record<PropertyKey, unknown>)[p] : undefined;
  return v;
}

/**
 * zod's issues as cell issues in the user's language: the column from the issue's path
 * (`columnOf`), the words from its code (an unknown value lists the accepted ones).
 */
export function cellIssues(
  error: z.ZodError,
  input: unknown,
  columnOf: (path: readonly PropertyKey[]) => string | null,
  /** A well-formed value of a column, shown when a value is malformed. */
  example: (column: string | null) => string,
): CellIssue[] {
  return error.issues.map((issue): CellIssue => {
    const column = columnOf(issue.path);
    const value = valueAt(input, issue.path);
    switch (issue.code) {
      case "invalid_value":
        return { column, key: "imports.error.choice", params: { value: String(value ?? ""), allowed: issue.values.map(String).join(", ") } };
      case "too_small":
        return { column, key: issue.origin === "array" ? "imports.error.atLeastOne" : "imports.error.empty" };
      case "too_big":
        return { column, key: "imports.error.tooLong", params: { max: Number(issue.maximum) } };
      case "invalid_format":
        return issue.format === "url" ? { column, key: "imports.error.link", params: { value: String(value ?? "") } } : { column, key: "imports.error.format", params: { value: String(value ?? ""), example: example(column) } };
      case "custom":
        // The schemas' own checks: a list with a repeated value, a date that does not exist.
        if (Array.isArray(value)) return { column, key: "imports.error.repeated" };
        return { column, key: "imports.error.format", params: { value: String(value ?? ""), example: example(column) } };
      default:
        return { column, key: "imports.error.format", params: { value: typeof value === "string" ? value : String(value ?? ""), example: example(column) } };
    }
  });
}
