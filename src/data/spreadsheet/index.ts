/** The {@link SheetCodec} of the imports feature: CSV (csv-parse, csv-stringify) and XLSX (exceljs). */
import type { SheetCodec, SheetFormat } from "../../features/imports/index.js";
import { readCsv, writeCsv } from "./csv.js";
import { readXlsx, writeXlsx } from "./xlsx.js";

export const sheetCodec: SheetCodec = {
  formatOf(fileName: string): SheetFormat | null {
    const ext = /\.([a-z]+)$/i.exec(fileName.trim())?.[1]?.toLowerCase();
    return ext === "csv" || ext === "xlsx" || ext === "json" ? ext : null;
  },
  async read(format, data) {
    return format === "csv" ? readCsv(data) : readXlsx(data);
  },
  async write(format, header, rows, sheetName) {
    return format === "csv" ? writeCsv(header, rows) : writeXlsx(header, rows, sheetName);
  },
};
