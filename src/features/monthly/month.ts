/** Months in the commune's zone: the one an instant falls in, the one before, and its label. */
import { fromLocalParts, localParts } from "../../core/time/local.js";
import type { Locale } from "../../core/types.js";

export interface Month {
  /** `2026-11`: part of the outbox key, one update per commune and month. */
  key: string;
  /** First instant of the month, local midnight. */
  start: Date;
  /** First instant of the next month. */
  end: Date;
  year: number;
  month: number;
}

function monthOf(year: number, month: number, zone: string): Month {
  const next = month === 12 ? { year: year + 1, month: 1 } : { year, month: month + 1 };
  const start = fromLocalParts({ year, month, day: 1, hour: 0, minute: 0 }, zone)!;
  const end = fromLocalParts({ ...next, day: 1, hour: 0, minute: 0 }, zone)!;
  return { key: `${year}-${String(month).padStart(2, "0")}`, start, end, year, month };
}

/** The month `at` falls in, in `zone`. */
export function monthContaining(at: Date, zone: string): Month {
  const p = localParts(at, zone);
  return monthOf(p.year, p.month, zone);
}

/** The month before the one `at` falls in: what the update of the 1st looks back on. */
export function monthBefore(at: Date, zone: string): Month {
  const p = localParts(at, zone);
  return p.month === 1 ? monthOf(p.year - 1, 12, zone) : monthOf(p.year, p.month - 1, zone);
}

const INTL: Record<Locale, string> = { fr: "fr-BE", de: "de-BE", nl: "nl-BE", en: "en-GB" };

/** `novembre 2026`, `November 2026`. */
export function monthLabel(m: Pick<Month, "year" | "month">, locale: Locale): string {
  return new Intl.DateTimeFormat(INTL[locale], { month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(Date.UTC(m.year, m.month - 1, 15)));
}
