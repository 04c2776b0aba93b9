/**
 * Option specifications for sub-commands. Each builder returns the zod schema that
 * validates the value AND the metadata that platforms need to describe it (Discord
 * registration, Slack usage hints, terminal help): one source for all.
 *
 * Free text (`kit jeunes page:2`) and structured options (Discord, modals) both end in
 * the same zod object, so both are validated the same way.
 */
import { z } from "zod";
import type { LocalizedText } from "./types.js";
import { normalizeInputText } from "./input-text.js";
import { parseDecimalInt } from "./numbers.js";

export type OptionKind = "text" | "choice" | "int" | "list" | "file";

export interface OptionMeta {
  kind: OptionKind;
  help: LocalizedText;
  required: boolean;
  /** For `choice` and `list`: accepted values. */
  values?: readonly string[];
  min?: number;
  max?: number;
  /** Collects the free words of the line that are not `name:value` pairs. */
  rest?: boolean;
  /** Platforms should offer autocomplete from this source (Discord). */
  autocomplete?: "audience" | "theme" | "commune" | "webinar";
  /**
   * The words name another command (`aide commune modifier`): an example quoted in a message
   * shows them in the reader's words too (src/core/i18n/command-spans.ts).
   */
  namesCommand?: boolean;
}

export interface Opt<T> {
  meta: OptionMeta;
  schema: z.ZodType<T>;
}

/** Well-formed text without control or bidi characters (see input-text.ts), trimmed. */
const clean = (s: string) => normalizeInputText(s).trim();

/** Free text; `autocomplete` lets platforms suggest known values (communes) as the user types. */
type TextOptions = { help: LocalizedText; max?: number; rest?: boolean; autocomplete?: OptionMeta["autocomplete"]; namesCommand?: boolean };
export function text(o: TextOptions): Opt<string | undefined>;
export function text(o: TextOptions & { required: true }): Opt<string>;
export function text(o: TextOptions & { required?: boolean }): Opt<string | undefined> {
  const max = o.max ?? 500;
  const base = z.preprocess(
    (v) => (v === undefined || v === null ? undefined : typeof v === "string" ? clean(v) : String(v)),
    o.required ? z.string().min(1).max(max) : z.string().max(max).optional(),
  ) as z.ZodType<string | undefined>;
  return { meta: { kind: "text", help: o.help, required: !!o.required, max, rest: o.rest, autocomplete: o.autocomplete, namesCommand: o.namesCommand }, schema: base };
}

export function choice<const V extends string>(o: {
  help: LocalizedText;
  values: readonly V[];
  /** Maps a typed word to a value (accents, synonyms); returns undefined when unknown. */
  normalize?: (raw: string) => V | undefined;
  autocomplete?: OptionMeta["autocomplete"];
}): Opt<V | undefined> {
  const exact = new Set<string>(o.values);
  const schema = z.preprocess((v) => {
    if (v === undefined || v === null || v === "") return undefined;
    // Discord choices and buttons send the value itself: no folding needed.
    if (typeof v === "string" && exact.has(v)) return v;
    const s = String(v).trim();
    return o.normalize?.(s) ?? s.toLowerCase();
  }, z.enum(o.values as unknown as [V, ...V[]]).optional()) as z.ZodType<V | undefined>;
  return {
    meta: { kind: "choice", help: o.help, required: false, values: o.values, autocomplete: o.autocomplete },
    schema,
  };
}

/** Several values of a closed set, typed comma-separated (`public:jeunes,elus`). */
export function list<const V extends string>(o: {
  help: LocalizedText;
  values: readonly V[];
  normalize?: (raw: string) => V | undefined;
  required?: boolean;
}): Opt<V[]> {
  const schema = z.preprocess(
    (v) => {
      if (v === undefined || v === null || v === "") return [];
      const parts = Array.isArray(v) ? v.map(String) : String(v).split(/[,;]/);
      return parts.map((p) => p.trim()).filter(Boolean).map((p) => o.normalize?.(p) ?? p.toLowerCase());
    },
    z.array(z.enum(o.values as unknown as [V, ...V[]])).min(o.required ? 1 : 0),
  ) as z.ZodType<V[]>;
  return { meta: { kind: "list", help: o.help, required: !!o.required, values: o.values }, schema };
}

export function int(o: { help: LocalizedText; min?: number; max?: number; default: number }): Opt<number> {
  const min = o.min ?? Number.MIN_SAFE_INTEGER;
  const max = o.max ?? Number.MAX_SAFE_INTEGER;
  const schema = z.preprocess((v) => {
    if (v === undefined || v === null || (typeof v === "string" && v.trim() === "")) return o.default;
    // Typed text is read as decimal digits only (`0x10`, `1e3` are refused, not 16 and 1,000);
    // what is not a decimal integer stays a string, which the number schema refuses.
    if (typeof v === "string") return parseDecimalInt(v) ?? v;
    return v;
  }, z.number().int().min(min).max(max)) as z.ZodType<number>;
  return { meta: { kind: "int", help: o.help, required: false, min: o.min, max: o.max }, schema };
}

/**
 * A file attached to the command (a Discord attachment option, a Slack modal's file input).
 * The platform downloads it and hands it over as `files` in the command context, never as
 * the option's value: the option only says where a platform offers the attachment. Typed
 * text has no file, so `fichier:x` on a line is refused with a message saying to attach it.
 */
export function file(o: { help: LocalizedText }): Opt<undefined> {
  const schema = z.preprocess((v) => (v === null || v === "" ? undefined : v), z.undefined()) as z.ZodType<undefined>;
  return { meta: { kind: "file", help: o.help, required: false }, schema };
}

export type OptionSpecs = Record<string, Opt<unknown>>;
export type OptionValues<S extends OptionSpecs> = { [K in keyof S]: S[K] extends Opt<infer T> ? T : never };

/** The zod object of a command's options. Unknown keys are rejected, not ignored. */
export function schemaOf(specs: OptionSpecs): z.ZodObject {
  let schema = schemas.get(specs);
  if (!schema) {
    const shape: Record<string, z.ZodType> = {};
    for (const [name, spec] of Object.entries(specs)) shape[name] = spec.schema;
    schema = z.object(shape).strict();
    schemas.set(specs, schema);
  }
  return schema;
}

/**
 * One schema per command's option specs, built on first use: zod compiles an object schema
 * on its first parse, which cost more than the rest of a fast command when done every time.
 */
const schemas = new WeakMap<OptionSpecs, z.ZodObject>();
