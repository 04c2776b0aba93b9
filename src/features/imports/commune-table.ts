/**
 * The communes as a table, one column per field, keyed by `slug`. Validated here with zod
 * (the communes have no file schema of their own besides the demo loader's).
 */
import { z } from "zod";
import type { CommuneInput } from "../../core/ports.js";
import { DEFAULT_TIME_ZONE, LOCALES } from "../../core/types.js";
import { cellIssues, joinList, optionalCell, splitList, type TableDef } from "./table.js";

/** A commune as a line gives it: its status fields are shown, not read (a merger moves history: `/cdce commune fusionner`). */
export type CommuneData = CommuneInput;

/** Written for information and kept as stored on import: a status changes through its commands. */
const STATUS_COLUMNS = ["status", "merged_into", "merged_on", "left_on"] as const;

export const COMMUNE_COLUMNS = [
  "slug",
  "name",
  "region",
  "province",
  "languages",
  "profile",
  "population_band",
  "titled_on",
  "fom_due_on",
  "latitude",
  "longitude",
  "time_zone",
  ...STATUS_COLUMNS,
] as const;

const EXAMPLES = new Map([
  ["slug", "la-roche-en-ardenne"],
  ["titled_on", "2014-07-03, 2021-10, 2023, <=2019"],
  ["fom_due_on", "2027-10-06"],
  ["latitude", "50.467"],
  ["longitude", "4.867"],
  ["time_zone", DEFAULT_TIME_ZONE],
]);

const nonEmpty = z.string().trim().min(1);
const day = z.iso.date();
const coordinate = (min: number, max: number) => z.coerce.number().min(min).max(max);

/** What one line must hold; a column's name is the path of its issues. */
const communeRowSchema = z.strictObject({
  slug: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/).max(80),
  name: nonEmpty.max(120),
  region: nonEmpty.max(80),
  province: nonEmpty.max(80).optional(),
  languages: z.array(z.enum(LOCALES)).min(1).refine((l) => new Set(l).size === l.length),
  profile: z.enum(["urbain", "periurbain", "rural"]),
  population_band: z.enum(["lt10k", "10k-30k", "30k-100k", "gt100k"]),
  titled_on: z.string().regex(/^(<=)?\d{4}(-\d{2}(-\d{2})?)?$/).optional(),
  fom_due_on: day.optional(),
  // Belgium's extent, so that swapped coordinates are caught.
  latitude: coordinate(49.4, 51.6).optional(),
  longitude: coordinate(2.5, 6.5).optional(),
  time_zone: z
    .string()
    .refine((zone) => {
      try {
        new Intl.DateTimeFormat("en", { timeZone: zone });
        return true;
      } catch {
        return false;
      }
    })
    .default(DEFAULT_TIME_ZONE),
  status: z.string().optional(),
  merged_into: z.string().optional(),
  merged_on: z.string().optional(),
  left_on: z.string().optional(),
});

function rowOf(cells: Record<string, string>) {
  return Object.fromEntries(
    COMMUNE_COLUMNS.flatMap((c): [string, unknown][] => {
      if (c === "languages") return [[c, splitList(cells[c])]];
      const v = optionalCell(cells[c]);
      return v === undefined ? [] : [[c, v]];
    }),
  );
}

export const communeTable: TableDef<CommuneData> = {
  kind: "communes",
  keyColumn: "slug",
  columns: COMMUNE_COLUMNS,
  setColumns: new Set(),
  informational: new Set(STATUS_COLUMNS),
  keyOf: (c) => c.slug,
  toCells(c) {
    return {
      slug: c.slug,
      name: c.name,
      region: c.region,
      province: c.province ?? "",
      languages: joinList(c.languages),
      profile: c.profile,
      population_band: c.populationBand,
      titled_on: c.titledOn ?? "",
      fom_due_on: c.fomDueOn ? c.fomDueOn.toISOString().slice(0, 10) : "",
      latitude: c.latitude === null ? "" : String(c.latitude),
      longitude: c.longitude === null ? "" : String(c.longitude),
      time_zone: c.timeZone,
      status: c.status ?? "titled",
      merged_into: c.mergedIntoId ?? "",
      merged_on: c.mergedOn ? c.mergedOn.toISOString().slice(0, 10) : "",
      left_on: c.leftOn ? c.leftOn.toISOString().slice(0, 10) : "",
    };
  },
  fromCells(cells) {
    const row = rowOf(cells);
    const parsed = communeRowSchema.safeParse(row);
    if (!parsed.success) {
      const columnOf = (path: readonly PropertyKey[]) => (typeof path[0] === "string" ? path[0] : null);
      return { ok: false, issues: cellIssues(parsed.error, row, columnOf, (c) => EXAMPLES.get(c ?? "") ?? "") };
    }
    const r = parsed.data;
    return {
      ok: true,
      value: {
        slug: r.slug,
        name: r.name,
        region: r.region,
        province: r.province ?? null,
        languages: r.languages,
        timeZone: r.time_zone,
        profile: r.profile,
        populationBand: r.population_band,
        titledOn: r.titled_on ?? null,
        fomDueOn: r.fom_due_on ? new Date(`${r.fom_due_on}T00:00:00Z`) : null,
        latitude: r.latitude ?? null,
        longitude: r.longitude ?? null,
      },
    };
  },
  jsonCells(entry) {
    const e = (entry ?? {}) as Record<string, unknown>;
    return Object.fromEntries(
      COMMUNE_COLUMNS.map((c) => {
        const v = Object.hasOwn(e, c) ? e[c] : undefined;
        return [c, Array.isArray(v) ? joinList(v.map(String)) : v === undefined || v === null ? "" : String(v)];
      }),
    );
  },
  jsonEntries(json) {
    if (Array.isArray(json)) return json;
    const communes = (json as { communes?: unknown } | null)?.communes;
    return Array.isArray(communes) ? communes : null;
  },
};
