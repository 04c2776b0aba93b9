/**
 * What people type is made safe to store and to show before anything reads it: well-formed
 * Unicode, no invisible control characters, no bidirectional overrides. Applied once, where
 * a command enters the core (the dispatcher), and again by the text options (which may also
 * be parsed from elsewhere), so no field escapes it.
 */

/**
 * C0 controls except tab and line feed, DEL and the C1 controls: invisible, meaningless in a
 * chat command, and NUL breaks PostgreSQL text columns.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

/**
 * Bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): they make
 * a text display in another order than it reads (`moc.evil` shown as `live.com`).
 */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

import type { IncomingCommand } from "./types.js";

type WellFormable = string & { toWellFormed(): string };

/**
 * Well-formed Unicode without control or bidi characters: a lone UTF-16 surrogate (half an
 * emoji, which databases refuse) becomes U+FFFD; `\r\n` and `\r` become `\n`; tab and line
 * feed stay. Nothing else changes (no trimming, no case, no accents).
 */
export function normalizeInputText(s: string): string {
  // Node 20 has String.prototype.toWellFormed; the ES2022 typings do not know it yet.
  return (s as WellFormable).toWellFormed().replace(/\r\n?/g, "\n").replace(CONTROLS, "").replace(BIDI_CONTROLS, "");
}

/**
 * The same, through any value a platform hands over (structured options: strings, numbers,
 * arrays, plain objects). Object keys are normalised too: an option name is typed text.
 */
export function normalizeInputValue<T>(value: T): T {
  if (typeof value === "string") return normalizeInputText(value) as T;
  if (Array.isArray(value)) return value.map((v) => normalizeInputValue(v)) as T;
  if (value !== null && typeof value === "object" && [Object.prototype, null].includes(Object.getPrototypeOf(value))) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      // defineProperty: a key named `__proto__` stays an own key instead of replacing the prototype.
      Object.defineProperty(out, normalizeInputText(k), { value: normalizeInputValue(v), enumerable: true, writable: true, configurable: true });
    }
    return out as T;
  }
  return value;
}

/**
 * A command as a platform hands it over, with everything a person typed normalised: the line,
 * the structured name and options (Discord, forms), and the display name that is stored.
 */
export function normalizeIncoming(incoming: IncomingCommand): IncomingCommand {
  const out: IncomingCommand = { ...incoming };
  if (incoming.text !== undefined) out.text = normalizeInputText(incoming.text);
  if (incoming.userName !== undefined) out.userName = normalizeInputText(incoming.userName);
  if (incoming.structured) out.structured = { name: normalizeInputText(incoming.structured.name), options: normalizeInputValue(incoming.structured.options) };
  return out;
}
