/**
 * What `npm run export -- kits|communes FILE` and `npm run import -- FILE [--apply]` do,
 * as functions over the repositories (the CLIs open the database and call them; the tests
 * call them on a test app). The format follows the file's extension: .csv, .xlsx (.json for
 * an import, today's kits.json included).
 */
import { readFile, writeFile } from "node:fs/promises";
import { basename } from "node:path";
import { translator, toLocale } from "../core/i18n/catalogue.js";
import type { Repositories } from "../core/ports.js";
import { DEFAULT_LOCALE } from "../core/types.js";
import { applyPlan, checkImport, exportTable, hasChanges, reportText, tableKindOf, type TableKind } from "../features/imports/index.js";
import { sheetCodec } from "./spreadsheet/index.js";
// The features list registers every feature's messages (the report's words among them).
import "../features/index.js";

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

const TABLES: readonly TableKind[] = ["kits", "communes"];

/** `kits FILE` or `communes FILE`; returns the exit code. */
export async function exportCli(args: readonly string[], repos: Pick<Repositories, "kits" | "communes">, io: CliIo): Promise<number> {
  const [table, file] = args;
  const format = file ? sheetCodec.formatOf(file) : null;
  if (!table || !TABLES.includes(table as TableKind) || !file || (format !== "csv" && format !== "xlsx")) {
    io.err("usage: npm run export -- kits|communes FILE.csv|FILE.xlsx\n");
    return 2;
  }
  const { data, count } = await exportTable(sheetCodec, table as TableKind, format, repos);
  await writeFile(file, data);
  io.out(`${table}: ${count} → ${file}\n`);
  return 0;
}

interface ImportArgs {
  file: string;
  apply: boolean;
  lang: ReturnType<typeof toLocale>;
  table: TableKind | null;
}

function parseImportArgs(args: readonly string[]): ImportArgs | string {
  let file: string | null = null;
  let apply = false;
  let lang = DEFAULT_LOCALE as ImportArgs["lang"];
  let table: TableKind | null = null;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const [name, inline] = a.split("=", 2) as [string, string | undefined];
    if (a === "--apply") apply = true;
    else if (name === "--lang" || name === "--table") {
      const value = inline ?? args[++i];
      if (name === "--lang") {
        lang = toLocale(value);
        if (!lang) return `unknown language: ${value} (fr, de, nl, en)`;
      } else {
        if (!TABLES.includes(value as TableKind)) return `unknown table: ${value} (kits, communes)`;
        table = value as TableKind;
      }
    } else if (a.startsWith("--")) return `unknown option: ${a}`;
    else if (file === null) file = a;
    else return `one file at a time: ${a}`;
  }
  if (file === null) return "no file";
  return { file, apply, lang, table };
}

/**
 * Reads FILE, prints the report in French (or `--lang`), and writes only with `--apply` and
 * no error. Exit code 0, or 1 when a line is in error (nothing written), 2 on bad usage.
 */
export async function importCli(args: readonly string[], repos: Pick<Repositories, "kits" | "communes">, io: CliIo, now: Date): Promise<number> {
  const parsed = parseImportArgs(args);
  if (typeof parsed === "string") {
    io.err(`${parsed}\nusage: npm run import -- FILE.csv|FILE.xlsx|FILE.json [--apply] [--table kits|communes] [--lang fr|de|nl|en]\n`);
    return 2;
  }
  const table = parsed.table ?? tableKindOf(parsed.file);
  if (!table) {
    io.err(`which table is ${parsed.file}? name the file kits… or communes…, or add --table kits|communes\n`);
    return 2;
  }
  const t = translator(parsed.lang ?? DEFAULT_LOCALE);
  let data: Uint8Array;
  try {
    data = await readFile(parsed.file);
  } catch (e) {
    io.err(`${parsed.file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`);
    return 2;
  }
  const { plan } = await checkImport(sheetCodec, table, parsed.file, data, repos);
  io.out(`${reportText(plan, basename(parsed.file), t)}\n`);
  if (plan.errors.length > 0) {
    io.out(`${t("imports.report.blocked")}\n`);
    return 1;
  }
  if (!hasChanges(plan)) io.out(`${t("imports.report.nothing")}\n`);
  else if (!parsed.apply) io.out(`${t("imports.report.dryRun")}\n`);
  else io.out(`${t("imports.report.applied", { count: await applyPlan(plan, repos, now) })}\n`);
  return 0;
}
