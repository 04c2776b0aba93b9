/**
 * Words people type for themes, audiences, local event types and languages, in the four
 * languages, mapped to the closed values. Folded (lower case, no accents, no `·`) first.
 */
import { fold } from "../../core/fold.js";
import { closest } from "../../core/similarity.js";
import { wordTable } from "../../core/word-table.js";
import type { Locale } from "../../core/types.js";
import { EVENT_AUDIENCES, LOCAL_TYPES, WEBINAR_THEMES, type EventAudience, type LocalType, type WebinarTheme } from "./model.js";

/** `Élu·es` -> `elues`, `échange de pratiques` -> `echange-de-pratiques`. */
export const key = (raw: string) => fold(raw).replace(/[·.•'’]/g, "").trim().replace(/\s+/g, "-");

const THEME_WORDS = wordTable<WebinarTheme>({
  governance: "gouvernance", governanz: "gouvernance", bestuur: "gouvernance", charte: "gouvernance",
  kommunikation: "communication", communicatie: "communication",
  partenariat: "partenariats", partnerschaften: "partenariats", partnerschaft: "partenariats", partnerschappen: "partenariats", partnerships: "partenariats",
  "echange-de-pratiques": "echange-pratiques", echange: "echange-pratiques", pratiques: "echange-pratiques", erfahrungsaustausch: "echange-pratiques",
  "uitwisseling-van-praktijken": "echange-pratiques", uitwisseling: "echange-pratiques", "exchange-of-practices": "echange-pratiques", "practice-exchange": "echange-pratiques",
  mobilisierung: "mobilisation", mobilisatie: "mobilisation", mobilising: "mobilisation",
  sensibilisierung: "sensibilisation", sensibilisering: "sensibilisation", awareness: "sensibilisation",
  "marches-publics": "marches-publics", "offentliche-auftrage": "marches-publics", overheidsopdrachten: "marches-publics", "public-procurement": "marches-publics",
  "producteurs-locaux": "producteurs-locaux", "lokale-erzeuger": "producteurs-locaux", "lokale-producenten": "producteurs-locaux", "local-producers": "producteurs-locaux",
  "fair-o-metre": "fom", fairometre: "fom",
  stand: "animation", "animer-un-stand": "animation", animation: "animation", animatie: "animation",
});

/** A webinar theme, or null; `suggestions` holds close values for the message. */
export function readTheme(raw: string): { theme: WebinarTheme | null; suggestions: string[] } {
  const k = key(raw);
  const direct = (WEBINAR_THEMES as readonly string[]).includes(k) ? (k as WebinarTheme) : THEME_WORDS.get(k);
  if (direct) return { theme: direct, suggestions: [] };
  return { theme: null, suggestions: closest(k, [...WEBINAR_THEMES, ...THEME_WORDS.keys()]).map((w) => THEME_WORDS.get(w) ?? w).filter((v, i, a) => a.indexOf(v) === i) };
}

const AUDIENCE_WORDS = wordTable<EventAudience>({
  "comite-de-pilotage": "copil", copils: "copil", steuerungsgruppe: "copil", stuurgroep: "copil", "steering-committee": "copil",
  elu: "elus", elue: "elus", elues: "elus", eluses: "elus", echevins: "elus", mandatstrager: "elus", mandatstragerinnen: "elus", mandatarissen: "elus", gekozenen: "elus", councillors: "elus", officials: "elus",
  benevole: "benevoles", ehrenamtliche: "benevoles", freiwillige: "benevoles", vrijwilligers: "benevoles", volunteers: "benevoles",
  ambassadeur: "ambassadeurs", ambassadeurices: "ambassadeurs", ambassadrices: "ambassadeurs", botschafter: "ambassadeurs", botschafterinnen: "ambassadeurs", ambassadors: "ambassadeurs",
  agent: "agents", "agents-communaux": "agents", gemeindebedienstete: "agents", gemeentepersoneel: "agents", ambtenaren: "agents", staff: "agents",
});

export function readAudience(raw: string): EventAudience | undefined {
  const k = key(raw);
  return (EVENT_AUDIENCES as readonly string[]).includes(k) ? (k as EventAudience) : AUDIENCE_WORDS.get(k);
}

const TYPE_WORDS = wordTable<LocalType>({
  infostand: "stand", kraam: "stand", standje: "stand",
  workshop: "atelier", werkstatt: "atelier", werkplaats: "atelier",
  "petit-dej": "petit-dejeuner", dejeuner: "petit-dejeuner", fruhstuck: "petit-dejeuner", ontbijt: "petit-dejeuner", breakfast: "petit-dejeuner",
  markt: "marche", market: "marche",
  ecole: "action-ecole", schule: "action-ecole", school: "action-ecole", "school-action": "action-ecole",
  other: "autre", andere: "autre", ander: "autre",
});

export function readLocalType(raw: string): LocalType | undefined {
  const k = key(raw);
  return (LOCAL_TYPES as readonly string[]).includes(k) ? (k as LocalType) : TYPE_WORDS.get(k);
}

const LANGUAGE_WORDS = wordTable<Locale>({
  fr: "fr", francais: "fr", french: "fr", franzosisch: "fr", frans: "fr",
  de: "de", allemand: "de", deutsch: "de", german: "de", duits: "de",
  nl: "nl", neerlandais: "nl", nederlands: "nl", dutch: "nl", niederlandisch: "nl",
  en: "en", anglais: "en", english: "en", englisch: "en", engels: "en",
});

export const readLanguage = (raw: string): Locale | undefined => LANGUAGE_WORDS.get(key(raw));

/** Words that say "training" rather than "webinar". */
export const isTrainingWord = (raw: string) => ["formation", "training", "schulung", "opleiding", "vorming", "cycle"].includes(key(raw));

/** Words that say "no limit" for a capacity. */
export const isUnlimitedWord = (raw: string) => ["illimite", "illimitee", "unbegrenzt", "onbeperkt", "unlimited", "libre"].includes(key(raw));
