/**
 * JSON stored in String columns: written with JSON.stringify, read back through zod so a
 * bad row fails loudly with the table, column and id instead of leaking into the core.
 */
import { z } from "zod";
import { AUDIENCES, KIT_FORMATS, THEMES } from "../core/ports.js";
import { LOCALES, PLATFORMS, ROLES } from "../core/types.js";
import { DataError } from "./errors.js";

export const localeSchema = z.enum(LOCALES);
export const platformSchema = z.enum(PLATFORMS);
export const roleSchema = z.enum(ROLES);
export const profileSchema = z.enum(["urbain", "periurbain", "rural"]);
export const populationBandSchema = z.enum(["lt10k", "10k-30k", "30k-100k", "gt100k"]);
export const fomGradeSchema = z.enum(["A", "B", "C", "D", "E"]);
export const channelPurposeSchema = z.enum(["commune", "network", "coordination"]);
export const audienceSchema = z.enum(AUDIENCES);
export const themeSchema = z.enum(THEMES);
export const kitFormatSchema = z.enum(KIT_FORMATS);

/** `{ fr: "...", de?: "...", nl?: "...", en?: "..." }` */
export const localizedTextSchema = z.object({
  fr: z.string(),
  de: z.string().optional(),
  nl: z.string().optional(),
  en: z.string().optional(),
});

export const jsonObjectSchema = z.record(z.string(), z.unknown());

/** Where a value came from, for error messages: `Kit.title#kit-jeunes`. */
export interface Origin {
  table: string;
  column: string;
  id: string;
}

function describe(origin: Origin): string {
  return `${origin.table}.${origin.column}#${origin.id}`;
}

/** Checks a plain column value (an enumerated string) against `schema`. */
export function checkStored<S extends z.ZodType>(schema: S, value: unknown, origin: Origin): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new DataError("stored_data_invalid", `Invalid value in ${describe(origin)}: ${result.error.message}`, {
      cause: result.error,
    });
  }
  return result.data;
}

/** Parses a JSON text column and checks it against `schema`. */
export function parseStored<S extends z.ZodType>(schema: S, text: string, origin: Origin): z.output<S> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    throw new DataError("stored_data_invalid", `Invalid JSON in ${describe(origin)}`, { cause });
  }
  return checkStored(schema, value, origin);
}
