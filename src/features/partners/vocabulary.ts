/**
 * The kinds of local partner a commune works with, the words people type for them in the
 * four languages, which Fair-O-Mètre criterion each serves, and the kit search that helps
 * a commune find one it lacks.
 */
import { fold } from "../../core/fold.js";
import { wordTable } from "../../core/word-table.js";

export const PARTNER_KINDS = ["commerce", "horeca", "ecole", "association", "producteur", "media", "entreprise"] as const;
export type PartnerKind = (typeof PARTNER_KINDS)[number];

/** Folded words (fr, de, nl, en) -> kind; the kinds themselves match too. */
const WORDS = wordTable<PartnerKind>({
  commerce: "commerce", commerces: "commerce", magasin: "commerce", boutique: "commerce", shop: "commerce", shops: "commerce", store: "commerce",
  geschaft: "commerce", geschaefte: "commerce", laden: "commerce", winkel: "commerce", handel: "commerce", commercant: "commerce",
  horeca: "horeca", restaurant: "horeca", cafe: "horeca", bar: "horeca", gastronomie: "horeca", hotel: "horeca",
  ecole: "ecole", ecoles: "ecole", school: "ecole", schule: "ecole", scholen: "ecole", schulen: "ecole", lycee: "ecole", athenee: "ecole",
  association: "association", associations: "association", asbl: "association", verein: "association", vereniging: "association", vzw: "association", ngo: "association", club: "association",
  producteur: "producteur", producteurs: "producteur", "producteur local": "producteur", producer: "producteur", "local producer": "producteur",
  produzent: "producteur", erzeuger: "producteur", producent: "producteur", agriculteur: "producteur", ferme: "producteur", farm: "producteur", boer: "producteur", landwirt: "producteur",
  media: "media", medias: "media", medien: "media", presse: "media", press: "media", pers: "media", radio: "media", journal: "media", zeitung: "media", krant: "media",
  entreprise: "entreprise", entreprises: "entreprise", business: "entreprise", company: "entreprise", firma: "entreprise", unternehmen: "entreprise", bedrijf: "entreprise", onderneming: "entreprise",
});

/** A typed word (`école`, `Schule`, `producer`, `asbl`) -> kind, or undefined. */
export function toPartnerKind(raw: string): PartnerKind | undefined {
  return WORDS.get(fold(raw).trim().replace(/[\s_-]+/g, " "));
}

/** The Fair-O-Mètre criteria partners of each kind count for (commerces and Horeca 2, organisations 3, producers 6, media 4). */
export const CRITERION_OF: Readonly<Record<PartnerKind, number>> = {
  commerce: 2, horeca: 2, ecole: 3, association: 3, entreprise: 3, producteur: 6, media: 4,
};

/** The criteria whose evidence partners are: what `/cdce fom` and `/cdce partenaires` count. */
export const PARTNER_CRITERIA = [2, 3, 6] as const;

/**
 * What to search in the kit catalogue for a commune that has no partner of this kind: the
 * words of the kits written to recruit one (their keywords), in French like the catalogue.
 */
export const KIT_WORDS: Readonly<Record<PartnerKind, string>> = {
  commerce: "critère 2 commerces",
  horeca: "horeca restaurants",
  ecole: "critère 3 école",
  association: "asbl club",
  entreprise: "entreprise RSE",
  producteur: "critère 6 producteurs",
  media: "presse journaliste",
};
