/**
 * CSV in and out, with csv-parse and csv-stringify: quoted fields, doubled quotes, line
 * breaks inside a cell, a BOM, and `;` as the separator when the header uses it (what a
 * spreadsheet program set to French or German writes).
 */
import { parse, CsvError } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { SheetFileError, type Sheet, type SheetRow } from "../../features/imports/index.js";

/** Spreadsheet programs open a UTF-8 file as UTF-8 only when it starts with a BOM. */
const BOM = "\ufeff";

function separatorOf(text: string): "," | ";" {
  const firstLine = text.slice(0, text.indexOf("\n") === -1 ? text.length : text.indexOf("\n"));
  return firstLine.includes(";") && !firstLine.includes(",") ? ";" : ",";
}

export function readCsv(data: Uint8Array): Sheet {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(data);
  } catch {
    throw new SheetFileError("not UTF-8 text");
  }
  // csv-parse counts lines wrongly after a CRLF record; cells keep plain line breaks anyway.
  text = text.replace(/\r\n?/g, "\n");
  let records: { record: string[]; info: { lines: number } }[];
  try {
    // With `info`, each record comes as { record, info }: the typings do not follow the option.
    records = parse(text, { bom: true, delimiter: separatorOf(text.replace(/^\ufeff/, "")), info: true, relax_column_count: true, skip_empty_lines: true }) as unknown as typeof records;
  } catch (e) {
    if (e instanceof CsvError) throw new SheetFileError(e.message, typeof (e as { lines?: unknown }).lines === "number" ? (e as unknown as { lines: number }).lines : null);
    throw e;
  }
  const [head, ...body] = records;
  if (!head) return { format: "csv", header: [], rows: [] };
  const header = head.record.map((h) => h.trim());
  const rows: SheetRow[] = body.map(({ record, info }) => {
    // info.lines is where the record ends: step back over the line breaks inside its cells.
    const inner = record.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0);
    // fromEntries makes own properties: a column named `__proto__` stays a column.
    const cells = Object.fromEntries(header.flatMap((name, i) => (name ? [[name, record[i] ?? ""]] : [])));
    return { line: info.lines - inner, cells };
  });
  return { format: "csv", header, rows };
}

export function writeCsv(header: readonly string[], rows: ReadonlyArray<Record<string, string>>): Uint8Array {
  const text = stringify([header as string[], ...rows.map((r) => header.map((h) => r[h] ?? ""))], { record_delimiter: "\r\n" });
  return new TextEncoder().encode(BOM + text);
}
