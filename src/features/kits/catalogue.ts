/**
 * The versioned kit catalogue (`src/data/seed/kits.json`): its schema, its parsing into
 * `Kit`s, and an idempotent import into a `KitRepository`.
 *
 * File shape:
 * ```json
 * { "_note": "...", "version": 1, "updatedAt": "2025-06-01",
 *   "kits": [ { "id": "kit-animer-stand", "title": { "fr": "...", "de": "...", ... },
 *               "summary": { ... }, "audiences": ["benevoles"], "themes": ["evenement"],
 *               "format": "kit", "languages": ["fr", "nl"], "profiles": [],
 *               "links": ["https://..."], "keywords": ["stand"], "updatedAt"?: "2025-05-02" } ] }
 * ```
 * A kit without its own `updatedAt` takes the file's.
 */
import { z } from "zod";
import { AUDIENCES, KIT_FORMATS, THEMES, type Kit, type KitRepository } from "../../core/ports.js";
import { LOCALES } from "../../core/types.js";

const PROFILES = ["urbain", "periurbain", "rural"] as const;

/** `2025-06-01` or a full ISO instant (`2025-06-01T08:00:00Z`). */
const dateString = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/, "expected a date such as 2025-06-01")
  .refine((s) => !Number.isNaN(Date.parse(s)), "not a real date");

const nonEmpty = z.string().trim().min(1, "must not be empty");

const localizedText = (max: number) =>
  z.strictObject({
    fr: nonEmpty.max(max),
    de: nonEmpty.max(max).optional(),
    nl: nonEmpty.max(max).optional(),
    en: nonEmpty.max(max).optional(),
  });

/** A list without repeated values. */
const uniqueList = <T extends z.ZodType>(item: T) =>
  z.array(item).refine((list) => new Set(list).size === list.length, "contains the same value twice");

export const kitEntrySchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be a slug: lower-case letters, digits and single dashes").max(80),
  title: localizedText(150),
  summary: localizedText(1000),
  audiences: uniqueList(z.enum(AUDIENCES)).min(1, "at least one audience"),
  themes: uniqueList(z.enum(THEMES)).min(1, "at least one theme"),
  format: z.enum(KIT_FORMATS),
  languages: uniqueList(z.enum(LOCALES)).min(1, "at least one language"),
  profiles: uniqueList(z.enum(PROFILES)).default([]),
  links: z.array(z.url({ protocol: /^https$/, error: "must be an https:// URL" })).default([]),
  keywords: z.array(nonEmpty.max(60)).default([]),
  updatedAt: dateString.optional(),
});

export const catalogueSchema = z.strictObject({
  _note: z.string().optional(),
  version: z.number().int().positive(),
  updatedAt: dateString,
  kits: z.array(kitEntrySchema).superRefine((kits, ctx) => {
    const seen = new Map<string, number>();
    kits.forEach((k, i) => {
      const first = seen.get(k.id);
      if (first !== undefined) ctx.addIssue({ code: "custom", path: [i, "id"], message: `duplicate id (already kits[${first}])` });
      else seen.set(k.id, i);
    });
  }),
});

/** One problem found in the catalogue, located by kit id and field path. */
export interface CatalogueIssue {
  /** The `id` of the kit at fault, when the entry has one. */
  kitId: string | null;
  /** Path from the file root: `kits[3].audiences[1]`. */
  path: string;
  message: string;
}

/** The catalogue file does not match its schema. The message lists every issue. */
export class CatalogueError extends Error {
  readonly code = "kit.catalogue_invalid";

  constructor(readonly issues: CatalogueIssue[]) {
    super(
      `invalid kit catalogue (${issues.length} issue${issues.length > 1 ? "s" : ""}):\n` +
        issues.map((i) => `  - ${i.kitId ? `kit "${i.kitId}" ` : ""}${i.path}: ${i.message}`).join("\n"),
    );
    this.name = "CatalogueError";
  }
}

function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const p of path) out += typeof p === "number" ? `[${p}]` : out ? `.${String(p)}` : String(p);
  return out || "(root)";
}

function kitIdAt(raw: unknown, index: unknown): string | null {
  if (typeof index !== "number" || !raw || typeof raw !== "object") return null;
  const kits = (raw as { kits?: unknown }).kits;
  if (!Array.isArray(kits)) return null;
  const id = (kits[index] as { id?: unknown } | undefined)?.id;
  return typeof id === "string" && id ? id : null;
}

/**
 * Validates a catalogue (the parsed JSON, or its text) and returns its kits.
 * Throws `CatalogueError` naming the kit id and field path of every bad value.
 */
export function parseCatalogue(json: unknown): Kit[] {
  let raw = json;
  if (typeof json === "string") {
    try {
      raw = JSON.parse(json);
    } catch (e) {
      throw new CatalogueError([{ kitId: null, path: "(root)", message: `not JSON: ${(e as Error).message}` }]);
    }
  }
  const parsed = catalogueSchema.safeParse(raw);
  if (!parsed.success) {
    throw new CatalogueError(
      parsed.error.issues.map((issue) => ({
        kitId: issue.path[0] === "kits" ? kitIdAt(raw, issue.path[1]) : null,
        path: formatPath(issue.path),
        message: issue.message,
      })),
    );
  }
  const fileDate = new Date(parsed.data.updatedAt);
  return parsed.data.kits.map((k) => ({
    id: k.id,
    title: { ...k.title },
    summary: { ...k.summary },
    audiences: [...k.audiences],
    themes: [...k.themes],
    format: k.format,
    languages: [...k.languages],
    profiles: [...k.profiles],
    links: [...k.links],
    keywords: [...k.keywords],
    updatedAt: k.updatedAt ? new Date(k.updatedAt) : fileDate,
  }));
}

// ------------------------------------------------------------------ import

/** The content of a kit in a canonical form: `updatedAt` left out, set-like lists sorted. */
function contentKey(kit: Kit): string {
  const text = (t: Record<string, string | undefined>) =>
    Object.fromEntries(LOCALES.filter((l) => typeof t[l] === "string" && t[l] !== "").map((l) => [l, t[l]]));
  const set = (list: readonly string[] | undefined) => [...new Set(list ?? [])].sort();
  return JSON.stringify([
    kit.id,
    text(kit.title),
    text(kit.summary),
    set(kit.audiences),
    set(kit.themes),
    kit.format,
    set(kit.languages),
    set(kit.profiles),
    [...(kit.links ?? [])],
    set(kit.keywords),
  ]);
}

/** True when two kits say the same thing (their dates aside). */
export function sameKitContent(a: Kit, b: Kit): boolean {
  return contentKey(a) === contentKey(b);
}

/**
 * Inserts new kits and updates changed ones; a kit whose content is unchanged is not written
 * (its stored `updatedAt` stays). Running it twice with the same kits writes nothing the
 * second time. Kits already stored but absent from `kits` are left alone.
 */
export async function importKits(
  repo: KitRepository,
  kits: Kit[],
): Promise<{ created: number; updated: number; unchanged: number }> {
  const stored = new Map((await repo.all()).map((k) => [k.id, k]));
  let created = 0;
  let updated = 0;
  let unchanged = 0;
  for (const kit of kits) {
    const before = stored.get(kit.id);
    if (before && sameKitContent(before, kit)) {
      unchanged++;
      continue;
    }
    await repo.upsert(kit);
    stored.set(kit.id, kit);
    if (before) updated++;
    else created++;
  }
  return { created, updated, unchanged };
}
