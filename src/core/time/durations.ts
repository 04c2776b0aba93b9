/**
 * Durations as people read them in their language: reminder offsets stored as `7d`, `1h`,
 * `30m` read "7 Tage, 1 Tag, 1 Stunde" in German, "7 jours, 1 jour, 1 heure" in French,
 * "7 dagen, 1 dag, 1 uur" in Dutch. Units and plurals come from the platform's ICU data
 * (Intl.NumberFormat), not from tables of our own.
 */
import type { Locale } from "../types.js";

const UNITS = new Map([["d", "day"], ["h", "hour"], ["m", "minute"]]);
const formats = new Map<string, Intl.NumberFormat>();

function format(locale: Locale, unit: string): Intl.NumberFormat {
  const key = `${locale}/${unit}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, { style: "unit", unit, unitDisplay: "long" });
    formats.set(key, f);
  }
  return f;
}

/** One stored offset (`7d`, `2h`, `30m`) in words; anything else is shown as stored. */
export function offsetInWords(offset: string, locale: Locale): string {
  const m = /^(\d+)([dhm])$/.exec(offset);
  const unit = m ? UNITS.get(m[2]!) : undefined;
  return m && unit ? format(locale, unit).format(Number(m[1])) : offset;
}

/** Several offsets, longest first as stored, separated by commas. */
export function offsetsInWords(offsets: readonly string[], locale: Locale): string {
  return offsets.map((o) => offsetInWords(o, locale)).join(", ");
}
