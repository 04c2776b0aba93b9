/**
 * The {@link SheetCodec} of the imports feature: CSV (csv-parse, csv-stringify) and XLSX (exceljs).
 * The libraries are loaded on first use: spreadsheets are a coordination task of a few minutes
 * a month, and exceljs alone adds some 20 MB to a process that would otherwise idle without it.
 */
import type { SheetCodec, SheetFormat } from "../../features/imports/index.js";

const csv = () => import("./csv.js");
const xlsx = () => import("./xlsx.js");

export const sheetCodec: SheetCodec = {
  formatOf(fileName: string): SheetFormat | null {
    const ext = /\.([a-z]+)$/i.exec(fileName.trim())?.[1]?.toLowerCase();
    return ext === "csv" || ext === "xlsx" || ext === "json" ? ext : null;
  },
  async read(format, data) {
    return format === "csv" ? (await csv()).readCsv(data) : (await xlsx()).readXlsx(data);
  },
  async write(format, header, rows, sheetName) {
    return format === "csv" ? (await csv()).writeCsv(header, rows) : (await xlsx()).writeXlsx(header, rows, sheetName);
  },
};
