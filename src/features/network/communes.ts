/**
 * Reading what coordination types about a commune (`commune ajouter`, `commune modifier`,
 * `commune fusionner`): statuses, profiles, population bands, languages and dates, in the
 * four languages; and the next Fair-O-Mètre due date of a commune given its title date.
 */
import { fold } from "../../core/fold.js";
import type { CommuneProfile, CommuneStatus, PopulationBand } from "../../core/ports.js";
import { LOCALES, type Locale } from "../../core/types.js";
import { utcDay } from "../../core/time/local.js";

/** Statuses coordination sets by hand; `merged` comes only with `commune fusionner`. */
export type SettableStatus = Exclude<CommuneStatus, "merged">;

const STATUS_WORDS: Record<SettableStatus, string[]> = {
  titled: ["titree", "titre", "titled", "ausgezeichnet", "getiteld", "titel"],
  candidate: ["candidate", "candidat", "candidature", "kandidat", "kandidatin", "kandidaat"],
  left: ["quittee", "quitte", "sortie", "left", "ausgetreten", "verlassen", "uitgetreden", "verlaten"],
};

const PROFILE_WORDS: Record<CommuneProfile, string[]> = {
  urbain: ["urbain", "urbaine", "urban", "stadtisch", "stedelijk", "stad", "ville"],
  periurbain: ["periurbain", "periurbaine", "suburban", "periurban", "stadtnah", "voorstedelijk"],
  rural: ["rural", "rurale", "landlich", "landelijk"],
};

export const POPULATION_BANDS: readonly PopulationBand[] = ["lt10k", "10k-30k", "30k-100k", "gt100k"];

/** Connecting words between the two communes of a merger (`Bertogne dans Bastogne`). */
const INTO_WORDS = new Set(["dans", "avec", "en", "into", "in", "with", "mit", "met", "naar", "->", "→"]);

const pick = <K extends string>(table: Record<K, string[]>, raw: string): K | undefined => {
  const w = fold(raw).trim();
  return (Object.keys(table) as K[]).find((k) => k === w || table[k].includes(w));
};

export const statusOf = (raw: string): SettableStatus | undefined => pick(STATUS_WORDS, raw);
export const profileOf = (raw: string): CommuneProfile | undefined => pick(PROFILE_WORDS, raw);
export const bandOf = (raw: string): PopulationBand | undefined => POPULATION_BANDS.find((b) => b === fold(raw).trim().replace(/\s+/g, ""));

/** `fr`, `fr/nl`, `de,fr`: known locales, main first, no repeats; undefined when one is not a locale. */
export function languagesOf(raw: string): Locale[] | undefined {
  const parts = fold(raw).split(/[\s,;/+]+/).filter(Boolean);
  if (parts.length === 0) return undefined;
  const out: Locale[] = [];
  for (const p of parts) {
    const l = LOCALES.find((x) => x === p);
    if (!l) return undefined;
    if (!out.includes(l)) out.push(l);
  }
  return out;
}

/** A title date as coordination knows it: `2027-03-12`, `2027-03` or `2027`; undefined otherwise. */
export function titledOnOf(raw: string): string | undefined {
  const s = raw.trim();
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(s);
  if (!m) return undefined;
  return utcDay(Number(m[1]), Number(m[2] ?? 1), Number(m[3] ?? 1)) ? s : undefined;
}

/**
 * The next Fair-O-Mètre due date after `now` for a commune titled on `titledOn` (every two
 * years from the title's day, or the 1st of its month); null when only the year is known:
 * coordination then records the questionnaire (`fom soumis`), which sets the cycle.
 */
export function nextDueFromTitle(titledOn: string | null, now: Date): Date | null {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(titledOn ?? "");
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3] ?? 1)];
  for (let k = 1; k < 100; k++) {
    const due = utcDay(y + 2 * k, mo, d) ?? utcDay(y + 2 * k, mo, d - 1);
    if (due && due > now) return due;
  }
  return null;
}

/** The two communes of `fusionner <from> [dans] <into>`: the connecting word dropped. */
export function mergerTarget(rest: string): string {
  const words = rest.trim().split(/\s+/).filter(Boolean);
  if (words.length > 1 && INTO_WORDS.has(fold(words[0]!))) words.shift();
  return words.join(" ");
}
