/**
 * Demo communes: the 40 titled communes of `communes-titrees.csv` (with its public sources),
 * completed by `commune-facts.json` (coordinates, profile, population band, languages, a few
 * Fair-O-Mètre records). Loading is idempotent: upsert by slug, FOM records by (commune, date).
 */
import { readFile } from "node:fs/promises";
import { z } from "zod";
import type { CommuneInput, FomGrade, Repositories } from "../../core/ports.js";
import { DEFAULT_TIME_ZONE } from "../../core/types.js";
import { fomGradeSchema, localeSchema, populationBandSchema, profileSchema } from "../json.js";
import { slugify } from "../../core/slug.js";

export const COMMUNES_CSV = new URL("./communes-titrees.csv", import.meta.url);
export const COMMUNE_FACTS = new URL("./commune-facts.json", import.meta.url);

const factsSchema = z.object({
  communes: z.record(
    z.string(),
    z.object({
      /** Display name when it differs from the CSV's (accents): its slug must stay the same. */
      name: z.string().optional(),
      latitude: z.number().min(49.4).max(51.6), // Belgium's extent, to catch swapped coordinates
      longitude: z.number().min(2.5).max(6.5),
      profile: profileSchema,
      populationBand: populationBandSchema,
      languages: z.array(localeSchema).min(1),
      fom: z.object({ on: z.iso.date(), grade: fomGradeSchema.nullable() }).optional(),
    }),
  ),
});

/** One CSV row, by header name. */
export type CsvRow = Record<string, string>;

/** Minimal RFC 4180 reader: quoted fields, doubled quotes, CRLF or LF. */
export function parseCsv(text: string): CsvRow[] {
  const records: string[][] = [];
  let field = "";
  let record: string[] = [];
  let quoted = false;
  const endRecord = () => {
    record.push(field);
    field = "";
    if (record.some((f) => f !== "")) records.push(record);
    record = [];
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      record.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      endRecord();
    } else field += c;
  }
  endRecord();
  const [header, ...rows] = records;
  if (!header) return [];
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ""])));
}

/** FNV-1a: a tiny stable hash, so the spread of imprecise dates is the same on every run. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/**
 * The date a commune's two-year Fair-O-Mètre cycle counts from (UTC midnight):
 * the day when known, the 1st of the month for a month; for a year, an upper bound or an
 * unknown date (taken as 2020), a day between 1 September and 30 November of that year,
 * picked from the slug — titles are usually handed over around the Semaine du Commerce
 * Équitable in early October, and spreading them keeps the demo's due dates apart.
 */
export function fomAnchor(titled: string, slug: string): Date {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(titled);
  if (day) return new Date(Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3])));
  const month = /^(\d{4})-(\d{2})$/.exec(titled);
  if (month) return new Date(Date.UTC(Number(month[1]), Number(month[2]) - 1, 1));
  const year = /^(?:<=)?(\d{4})$/.exec(titled);
  const y = year ? Number(year[1]) : 2020;
  return new Date(Date.UTC(y, 8, 1 + (hash(slug) % 91)));
}

/** The first `anchor + 2k years` (k >= 1) strictly after `now`. */
export function nextFomDue(anchor: Date, now: Date): Date {
  for (let k = 1; ; k++) {
    const due = new Date(Date.UTC(anchor.getUTCFullYear() + 2 * k, anchor.getUTCMonth(), anchor.getUTCDate()));
    if (due.getTime() > now.getTime()) return due;
  }
}

/** A demo commune and, when known, its Fair-O-Mètre record and the merger its note records. */
export interface DemoCommune {
  commune: CommuneInput;
  fom?: { on: Date; grade: FomGrade | null };
  merged?: { into: string; on: Date };
}

/**
 * A merger recorded in the CSV's note, `merged into Bastogne 2024-12-02`: the slug of the
 * commune it joined and the day. Other notes (`merged with Bertogne …`, said of the commune
 * that stayed) are not mergers of this row.
 */
export function mergerOf(note: string): { into: string; on: Date } | undefined {
  const m = /^merged into (.+) (\d{4}-\d{2}-\d{2})$/.exec(note.trim());
  return m ? { into: slugify(m[1]!), on: new Date(`${m[2]}T00:00:00Z`) } : undefined;
}

/** Builds the communes (and their FOM records) from the two files' contents. */
export function demoCommunes(csv: string, factsJson: unknown, now: Date): DemoCommune[] {
  const facts = factsSchema.parse(factsJson).communes;
  const rows = parseCsv(csv);
  const seen = new Set<string>();
  const result = rows.map((row): DemoCommune => {
    const slug = slugify(row.commune ?? "");
    const fact = facts[slug];
    if (!fact) throw new Error(`commune-facts.json has no entry for ${slug}`);
    const name = fact.name ?? row.commune ?? "";
    if (slugify(name) !== slug) throw new Error(`commune-facts.json renames ${slug} to ${name}: the slug would change`);
    // The CSV's main_language ("fr/nl") and the facts' languages must agree.
    if (fact.languages.join("/") !== row.main_language) {
      throw new Error(`Languages of ${slug} disagree: CSV ${row.main_language}, facts ${fact.languages.join("/")}`);
    }
    seen.add(slug);
    const titled = row.titled ?? "";
    const known = titled !== "" && titled !== "unknown";
    const merged = mergerOf(row.note ?? "");
    const commune: CommuneInput = {
      slug,
      name,
      region: row.region ?? "",
      province: row.province ? row.province : null,
      languages: fact.languages,
      timeZone: DEFAULT_TIME_ZONE,
      profile: fact.profile,
      populationBand: fact.populationBand,
      titledOn: known ? titled : null,
      // A merged commune has no questionnaire of its own any more.
      fomDueOn: merged ? null : nextFomDue(fomAnchor(known ? titled : "", slug), now),
      latitude: fact.latitude,
      longitude: fact.longitude,
    };
    const fom = fact.fom ? { on: new Date(`${fact.fom.on}T00:00:00Z`), grade: fact.fom.grade } : undefined;
    return { commune, ...(fom ? { fom } : {}), ...(merged ? { merged } : {}) };
  });
  for (const { commune, merged } of result) {
    if (merged && !seen.has(merged.into)) throw new Error(`${commune.slug} merged into ${merged.into}, absent from the CSV`);
  }
  const extra = Object.keys(facts).filter((slug) => !seen.has(slug));
  if (extra.length > 0) throw new Error(`commune-facts.json has communes absent from the CSV: ${extra.join(", ")}`);
  return result;
}

/**
 * Loads the demo communes into the database. Idempotent: running it twice leaves the same
 * 40 communes (updated in place) and the same FOM records. `now` fixes the next FOM due dates.
 * A merger the file records (Bertogne into Bastogne) goes through the same merger as
 * `/cdce commune fusionner`, once: a commune already merged is left as it is.
 */
export async function loadDemoCommunes(
  repos: Pick<Repositories, "communes">,
  now: Date,
): Promise<{ communes: number; fomRecords: number }> {
  const [csv, facts] = await Promise.all([readFile(COMMUNES_CSV, "utf8"), readFile(COMMUNE_FACTS, "utf8")]);
  let fomRecords = 0;
  const entries = demoCommunes(csv, JSON.parse(facts), now);
  const ids = new Map<string, { id: string; status: string }>();
  for (const { commune, fom } of entries) {
    const stored = await repos.communes.upsert(commune);
    ids.set(stored.slug, stored);
    if (fom) {
      await repos.communes.addFomRecord({ communeId: stored.id, on: fom.on, grade: fom.grade });
      fomRecords++;
    }
  }
  for (const { commune, merged } of entries) {
    const from = ids.get(commune.slug);
    const into = ids.get(merged?.into ?? "");
    if (merged && from && into && from.status !== "merged") await repos.communes.merge(from.id, into.id, merged.on);
  }
  return { communes: entries.length, fomRecords };
}
