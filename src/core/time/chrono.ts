/**
 * chrono-node, the natural-language date reader, in one place: loaded on the first date
 * typed (see lazy-require.ts), one casual parser per language. English reads day before
 * month (`12/03` is 12 March) unless a reader asks for chrono's own default.
 *
 * chrono computes in the process's zone and knows no IANA zone: give it a reference built
 * with `systemLocalDate` from the wall clock in the person's zone, and use only the date
 * and time fields it finds (luxon turns them into instants).
 */
import type * as Chrono from "chrono-node";
import { lazyRequire } from "../lazy-require.js";
import type { Locale } from "../types.js";

const chrono = lazyRequire<typeof Chrono>("chrono-node");

export type DateParser = Chrono.Chrono;

/** chrono's casual parser for `locale`; English British (day first) unless `english` is "default". */
export function dateParser(locale: Locale, english: "british" | "default" = "british"): DateParser {
  const c = chrono();
  if (locale === "en") return english === "british" ? c.en.GB : c.en.casual;
  return c[locale].casual;
}
