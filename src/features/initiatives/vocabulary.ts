/**
 * Closed vocabularies of initiatives: kinds, partner kinds and the six criteria of the
 * title, with the words people type for them in French, German, Dutch and English.
 * Stored values are the French slugs below; labels come from the message catalogue.
 */
import { fold } from "../../core/fold.js";
import { wordTable } from "../../core/word-table.js";

/** What kind of action it was (the users' document: stands, workshops, breakfasts...). */
export const INITIATIVE_KINDS = [
  "stand",
  "atelier",
  "petit-dejeuner",
  "marche",
  "ecole",
  "conseil",
  "partenariat",
  "media",
  "conference",
  "degustation",
  "autre",
] as const;
export type InitiativeKind = (typeof INITIATIVE_KINDS)[number];

/** Who the commune worked with; `producteur` is the local producer of criterion 6. */
export const PARTNER_KINDS = ["commerce", "horeca", "ecole", "association", "producteur", "media"] as const;
export type PartnerKind = (typeof PARTNER_KINDS)[number];

/** The six criteria of the Belgian title, as typed (`1`..`6`). */
export const CRITERIA = ["1", "2", "3", "4", "5", "6"] as const;
export type Criterion = 1 | 2 | 3 | 4 | 5 | 6;

/** Folded words (any of the four languages) -> kind. The slugs themselves match too. */
const KIND_WORDS = wordTable<InitiativeKind>({
  stand: "stand", stande: "stand", kraam: "stand", infostand: "stand", standje: "stand",
  atelier: "atelier", ateliers: "atelier", workshop: "atelier", workshops: "atelier", werkstatt: "atelier", animation: "atelier",
  "petit-dejeuner": "petit-dejeuner", "petit dejeuner": "petit-dejeuner", "petits-dejeuners": "petit-dejeuner", dejeuner: "petit-dejeuner",
  breakfast: "petit-dejeuner", fruhstuck: "petit-dejeuner", ontbijt: "petit-dejeuner", brunch: "petit-dejeuner",
  marche: "marche", marches: "marche", market: "marche", markt: "marche", foire: "marche", brocante: "marche",
  ecole: "ecole", ecoles: "ecole", school: "ecole", schule: "ecole", scolaire: "ecole", classe: "ecole",
  conseil: "conseil", council: "conseil", gemeinderat: "conseil", gemeenteraad: "conseil", motion: "conseil", resolution: "conseil",
  partenariat: "partenariat", partnership: "partenariat", partnerschaft: "partenariat", partnerschap: "partenariat", convention: "partenariat",
  media: "media", medias: "media", presse: "media", press: "media", pers: "media", radio: "media", journal: "media",
  conference: "conference", konferenz: "conference", lezing: "conference", debat: "conference", vortrag: "conference", talk: "conference", film: "conference",
  degustation: "degustation", tasting: "degustation", verkostung: "degustation", proeverij: "degustation",
  autre: "autre", other: "autre", andere: "autre", ander: "autre", sonstiges: "autre",
});

const PARTNER_WORDS = wordTable<PartnerKind>({
  commerce: "commerce", commerces: "commerce", magasin: "commerce", boutique: "commerce", shop: "commerce", shops: "commerce",
  geschaft: "commerce", laden: "commerce", winkel: "commerce", handel: "commerce", commercant: "commerce", commercants: "commerce",
  horeca: "horeca", restaurant: "horeca", cafe: "horeca", bar: "horeca", gastronomie: "horeca",
  ecole: "ecole", ecoles: "ecole", school: "ecole", scholen: "ecole", schule: "ecole", schulen: "ecole",
  association: "association", associations: "association", asbl: "association", verein: "association", vereniging: "association", vzw: "association", ngo: "association",
  producteur: "producteur", producteurs: "producteur", producer: "producteur", producers: "producteur", produzent: "producteur",
  producent: "producteur", agriculteur: "producteur", ferme: "producteur", farm: "producteur", boer: "producteur", landwirt: "producteur", local: "producteur",
  media: "media", medias: "media", presse: "media", press: "media", pers: "media",
});

const norm = (raw: string) => fold(raw).trim().replace(/[\s_]+/g, " ");

/** A typed word -> kind, or undefined. */
export function toKind(raw: string): InitiativeKind | undefined {
  const w = norm(raw);
  return KIND_WORDS.get(w) ?? KIND_WORDS.get(w.replace(/ /g, "-")) ?? (INITIATIVE_KINDS as readonly string[]).find((k) => k === w.replace(/ /g, "-")) as InitiativeKind | undefined;
}

/** A typed word -> partner kind, or undefined. */
export function toPartnerKind(raw: string): PartnerKind | undefined {
  return PARTNER_WORDS.get(norm(raw));
}

/** `3`, `c3`, `critere 3`, `kriterium3` -> `"3"`. */
export function toCriterion(raw: string): (typeof CRITERIA)[number] | undefined {
  const m = /^(?:c|crit[a-z]*|kriterium|criterium|criterion)?\s*([1-6])$/.exec(norm(raw));
  return m ? (m[1] as (typeof CRITERIA)[number]) : undefined;
}

/** The word-to-value tables, for search words (`initiatives atelier ecole`). */
export function kindWord(word: string): InitiativeKind | undefined {
  return KIND_WORDS.get(word);
}
export function partnerWord(word: string): PartnerKind | undefined {
  return PARTNER_WORDS.get(word);
}

