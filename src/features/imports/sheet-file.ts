/**
 * A file (its name and bytes) as a sheet of one table: CSV and XLSX through the codec (the
 * data layer's libraries), JSON here (today's kits.json, or an array of entries), each JSON
 * entry turned into the same cells as a spreadsheet line so that it is validated the same way.
 */
import { SheetFileError, type Sheet, type SheetCodec } from "./ports.js";
import type { TableDef } from "./table.js";

export async function readSheet<T>(codec: SheetCodec, def: TableDef<T>, fileName: string, data: Uint8Array): Promise<Sheet> {
  const format = codec.formatOf(fileName);
  if (format === null) throw new SheetFileError(`unknown file type: ${fileName}`);
  if (format !== "json") return codec.read(format, data);
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(data));
  } catch (e) {
    throw new SheetFileError(`not JSON (${(e as Error).message})`);
  }
  const entries = def.jsonEntries(json);
  if (entries === null) throw new SheetFileError(`no "${def.kind}" array`);
  // Entry n (from 1) stands where a spreadsheet would have line n + 1: the report says "entry".
  return { format: "json", header: [...def.columns], rows: entries.map((e, i) => ({ line: i + 1, cells: def.jsonCells(e) })) };
}

/** Which table a file is for, from its name (`kits.xlsx`, `communes-2026.csv`), else null. */
export function tableKindOf(fileName: string): "kits" | "communes" | null {
  const base = fileName.toLowerCase().replace(/^.*[\\/]/, "");
  if (base.includes("commune")) return "communes";
  if (base.includes("kit")) return "kits";
  return null;
}
