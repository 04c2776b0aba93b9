/** Reading what people type for the watch's commands: CoPil roles, days, names. */
import { fold } from "../../core/fold.js";
import { COPIL_KINDS, type CopilKind } from "./ports.js";

/** Words (folded) for each kind of CoPil member, in fr, de, nl, en. */
const KIND_WORDS: Record<CopilKind, string[]> = {
  citizen: ["citoyen", "citoyenne", "citoyen·ne", "citoyens", "habitant", "citizen", "burger", "buerger", "inwoner"],
  shop: ["commerce", "commercant", "commercante", "magasin", "boutique", "shop", "winkel", "geschaft", "geschaeft", "laden", "handel"],
  horeca: ["horeca", "cafe", "restaurant", "bar", "gastronomie", "gastro"],
  association: ["association", "asbl", "ong", "vereniging", "verein", "vzw", "club"],
  school: ["ecole", "school", "schule", "college", "athenee", "lycee"],
  councillor: ["elu", "elue", "elu·e", "echevin", "echevine", "bourgmestre", "conseiller", "conseillere", "councillor", "ratsmitglied", "schoffe", "schepen", "gemeenteraadslid", "raadslid", "politique"],
  staff: ["agent", "agente", "agent communal", "administration", "staff", "personnel", "fonctionnaire", "gemeentepersoneel", "ambtenaar", "bedienstete", "bediensteter", "verwaltung"],
  producer: ["producteur", "productrice", "producer", "producent", "erzeuger", "agriculteur", "agricultrice", "farmer", "boer", "landwirt"],
};

/** Maps a typed role to a kind of CoPil member, or undefined. */
export function copilKindOf(raw: string): CopilKind | undefined {
  const w = fold(raw).trim();
  return COPIL_KINDS.find((k) => k === w || KIND_WORDS[k].includes(w));
}

/** The French words shown in help and errors, one per kind. */
export const KIND_EXAMPLES = ["citoyen", "commerce", "horeca", "association", "ecole", "elu", "agent", "producteur"] as const;

/**
 * A calendar day typed as `2027-06-30`, `30/06/2027` or `30.06.2027`, as UTC midnight;
 * null when unreadable or not a real date (31/02).
 */
export function parseDay(raw: string): Date | null {
  const s = raw.trim();
  let y: number, m: number, d: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  const eu = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(s);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (eu) [d, m, y] = [Number(eu[1]), Number(eu[2]), Number(eu[3])];
  else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d ? date : null;
}

/** Members whose name matches: the exact (folded) name first, else those containing the words. */
export function matchByName<T extends { name: string }>(items: readonly T[], typed: string): T[] {
  const want = fold(typed).trim().replace(/\s+/g, " ");
  if (!want) return [];
  const exact = items.filter((i) => fold(i.name).trim().replace(/\s+/g, " ") === want);
  return exact.length ? exact : items.filter((i) => fold(i.name).includes(want));
}
