/**
 * XLSX in and out, with exceljs: the first worksheet, its first row as the header. Cells are
 * written as text (a date or a number typed in later is read back as the text it shows).
 */
import ExcelJS from "exceljs";
import { SheetFileError, type Sheet, type SheetRow } from "../../features/imports/index.js";

/** What a cell says, as text: a date typed by hand as `2025-06-01`, a number as written. */
function cellText(cell: ExcelJS.Cell): string {
  const value = cell.value;
  if (value === null || value === undefined) return "";
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso;
  }
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return cell.text ?? "";
}

export async function readXlsx(data: Uint8Array): Promise<Sheet> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(data) as unknown as ExcelJS.Buffer);
  } catch (e) {
    throw new SheetFileError(`not an XLSX workbook (${(e as Error).message})`);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet || sheet.rowCount === 0) return { format: "xlsx", header: [], rows: [] };
  const header: string[] = [];
  sheet.getRow(1).eachCell({ includeEmpty: true }, (cell, column) => {
    header[column - 1] = cellText(cell).trim();
  });
  for (let i = 0; i < header.length; i++) header[i] ??= "";
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    if (line === 1) return;
    // fromEntries makes own properties: a column named `__proto__` stays a column.
    const cells = Object.fromEntries(header.flatMap((name, i) => (name ? [[name, cellText(row.getCell(i + 1))]] : [])));
    if (Object.values(cells).some((v) => v.trim() !== "")) rows.push({ line, cells });
  });
  return { format: "xlsx", header, rows };
}

export async function writeXlsx(header: readonly string[], rows: ReadonlyArray<Record<string, string>>, sheetName: string): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.addRow([...header]).font = { bold: true };
  for (const r of rows) sheet.addRow(header.map((h) => r[h] ?? ""));
  // Every cell is text: no "2025-06-01" turned into a date, no "10k-30k" into anything else.
  sheet.eachRow((row) => row.eachCell((cell) => void (cell.numFmt = "@")));
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
