/** Formatting shared by the watch's replies and notices: days, lists, labels. */
import type { Translate, MessageKey } from "../../core/i18n/catalogue.js";
import type { Locale } from "../../core/types.js";
import type { CopilKind } from "./ports.js";
import type { Obstacle } from "./diagnostic.js";
import type { Criterion } from "./evidence.js";

/** A calendar day (stored as UTC midnight) in words: `1 mars 2027`, `1. März 2027`. */
export function formatDay(locale: Locale, day: Date): string {
  return new Intl.DateTimeFormat(locale === "en" ? "en-GB" : `${locale}-BE`, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(day);
}

/** An instant's local day in `zone`, in short form: `12/03/2026`. */
export function formatShort(locale: Locale, at: Date, zone = "Europe/Brussels"): string {
  return new Intl.DateTimeFormat(locale === "en" ? "en-GB" : `${locale}-BE`, { day: "2-digit", month: "2-digit", year: "numeric", timeZone: zone }).format(at);
}

/** `a, b et c` in the reader's language. */
export function formatList(locale: Locale, items: readonly string[]): string {
  return new Intl.ListFormat(locale, { style: "long", type: "conjunction" }).format(items);
}

export const kindLabel = (t: Translate, k: CopilKind) => t(`copil.kind.${k}` as MessageKey);
export const groupLabel = (t: Translate, g: string) => t(`copil.group.${g}` as MessageKey);
export const obstacleLabel = (t: Translate, o: Obstacle) => t(`diagnostic.obstacle.${o}` as MessageKey);
export const criterionLabel = (t: Translate, c: Criterion) => t(`fom.criterion.${c}` as MessageKey);

/** `+3`, `−5`, `=`. */
export function signed(n: number): string {
  return n > 0 ? `+${n}` : n < 0 ? `−${-n}` : "=";
}
