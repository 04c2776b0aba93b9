/**
 * The two things the CLI and the chat command share: reading a file into a plan (a dry run)
 * and writing a table into a file.
 */
import type { Kit } from "../../core/ports.js";
import { communeTable, type CommuneData } from "./commune-table.js";
import { kitTable } from "./kit-table.js";
import { planImport, type ImportError, type ImportPlan } from "./plan.js";
import { SheetFileError, type Sheet, type SheetCodec, type SheetFormat } from "./ports.js";
import { readSheet } from "./sheet-file.js";
import { storedOf, type ImportTargets } from "./apply.js";
import type { TableDef, TableKind } from "./table.js";

export type AnyPlan = ImportPlan<Kit> | ImportPlan<CommuneData>;

export function tableOf(kind: TableKind): TableDef<Kit> | TableDef<CommuneData> {
  return kind === "kits" ? kitTable : communeTable;
}

/** A plan over rows already read (a pending import, checked again when applied). */
export async function planRows(kind: TableKind, sheet: Sheet, targets: ImportTargets): Promise<AnyPlan> {
  const stored = await storedOf(kind, targets);
  return kind === "kits" ? planImport(kitTable, sheet, stored as Kit[]) : planImport(communeTable, sheet, stored as CommuneData[]);
}

/** Reads the file and compares it with what is stored; an unreadable file is a plan with one error. */
export async function checkImport(codec: SheetCodec, kind: TableKind, fileName: string, data: Uint8Array, targets: ImportTargets): Promise<{ plan: AnyPlan; sheet: Sheet | null }> {
  let sheet: Sheet;
  try {
    sheet = await readSheet(codec, tableOf(kind) as TableDef<unknown>, fileName, data);
  } catch (e) {
    if (!(e instanceof SheetFileError)) throw e;
    const error: ImportError = { line: e.line ?? 0, column: null, letter: null, key: "imports.error.unreadable", params: { detail: e.message } };
    const format = codec.formatOf(fileName) ?? "csv";
    return { plan: { kind, format, lines: 0, created: [], changed: [], unchanged: 0, absent: [], errors: [error] } as AnyPlan, sheet: null };
  }
  return { plan: await planRows(kind, sheet, targets), sheet };
}

/** The table as a file of `format`: one line per entry, sorted by key. */
export async function exportTable(codec: SheetCodec, kind: TableKind, format: Exclude<SheetFormat, "json">, targets: ImportTargets): Promise<{ data: Uint8Array; count: number }> {
  const def = tableOf(kind) as TableDef<unknown>;
  const stored = (await storedOf(kind, targets)) as unknown[];
  const rows = stored.map((e) => def.toCells(e)).sort((a, b) => (a[def.keyColumn] ?? "").localeCompare(b[def.keyColumn] ?? ""));
  return { data: await codec.write(format, def.columns, rows, kind), count: rows.length };
}
