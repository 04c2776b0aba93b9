/**
 * The kits as a table: `id`, `title_fr` … `title_en`, `summary_fr` … `summary_en`, then one
 * column per field (lists separated by `;`), validated by the catalogue's own zod schema.
 */
import type { Kit } from "../../core/ports.js";
import { LOCALES } from "../../core/types.js";
import { kitEntrySchema } from "../kits/index.js";
import { cellIssues, joinList, optionalCell, splitList, type TableDef } from "./table.js";

const LISTS = ["audiences", "themes", "languages", "profiles", "links", "keywords"] as const;

export const KIT_COLUMNS = [
  "id",
  ...LOCALES.map((l) => `title_${l}`),
  ...LOCALES.map((l) => `summary_${l}`),
  "audiences",
  "themes",
  "format",
  "languages",
  "profiles",
  "links",
  "keywords",
  "updated_at",
] as const;

const EXAMPLES = new Map([
  ["id", "kit-jeunes-affiche"],
  ["updated_at", "2025-06-01"],
]);

function entryOf(cells: Record<string, string>) {
  const text = (field: "title" | "summary") =>
    Object.fromEntries(LOCALES.map((l) => [l, optionalCell(cells[`${field}_${l}`])]).filter(([l, v]) => v !== undefined || l === "fr").map(([l, v]) => [l, v ?? ""]));
  return {
    id: (cells.id ?? "").trim(),
    title: text("title"),
    summary: text("summary"),
    ...Object.fromEntries(LISTS.map((c) => [c, splitList(cells[c])])),
    format: (cells.format ?? "").trim(),
  };
}

function columnOf(path: readonly PropertyKey[]): string | null {
  const [field, sub] = path;
  if (field === "title" || field === "summary") return typeof sub === "string" ? `${field}_${sub}` : `${field}_fr`;
  return typeof field === "string" ? field : null;
}

export const kitTable: TableDef<Kit> = {
  kind: "kits",
  keyColumn: "id",
  columns: KIT_COLUMNS,
  setColumns: new Set(["audiences", "themes", "languages", "profiles", "keywords"]),
  informational: new Set(["updated_at"]),
  keyOf: (kit) => kit.id,
  toCells(kit) {
    return Object.fromEntries([
      ["id", kit.id],
      ...LOCALES.map((l) => [`title_${l}`, kit.title[l] ?? ""]),
      ...LOCALES.map((l) => [`summary_${l}`, kit.summary[l] ?? ""]),
      ...LISTS.map((c) => [c, joinList(kit[c])]),
      ["format", kit.format],
      ["updated_at", kit.updatedAt.toISOString().slice(0, 10)],
    ]);
  },
  fromCells(cells) {
    const entry = entryOf(cells);
    const parsed = kitEntrySchema.safeParse(entry);
    if (!parsed.success) return { ok: false, issues: cellIssues(parsed.error, entry, columnOf, (c) => EXAMPLES.get(c ?? "") ?? "") };
    const k = parsed.data;
    // The date of the last change is the import's, set when it is applied.
    return { ok: true, value: { ...k, title: { ...k.title }, summary: { ...k.summary }, updatedAt: new Date(0) } };
  },
  jsonCells(entry) {
    const e = (entry ?? {}) as Record<string, unknown>;
    const str = (v: unknown) => (typeof v === "string" ? v : v === undefined || v === null ? "" : JSON.stringify(v));
    const localized = (field: "title" | "summary") => {
      const t = (e[field] ?? {}) as Partial<Record<string, unknown>>;
      return LOCALES.map((l) => [`${field}_${l}`, str(Object.hasOwn(t, l) ? t[l] : undefined)]);
    };
    return Object.fromEntries([
      ["id", str(e.id)],
      ...localized("title"),
      ...localized("summary"),
      ...LISTS.map((c) => [c, Array.isArray(e[c]) ? joinList(e[c].map(str)) : str(e[c])]),
      ["format", str(e.format)],
      ["updated_at", str(e.updatedAt)],
    ]);
  },
  jsonEntries(json) {
    if (Array.isArray(json)) return json;
    const kits = (json as { kits?: unknown } | null)?.kits;
    return Array.isArray(kits) ? kits : null;
  },
};
