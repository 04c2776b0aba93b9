/**
 * Options shared by `commune ajouter` and `commune modifier`, and turning what was typed
 * into the commune's fields (a clear error in the user's language for anything unreadable).
 */
import { text } from "../../src/core/options.js";
import { CdceError } from "../../src/core/errors.js";
import type { CommuneProfile, PopulationBand } from "../../src/core/ports.js";
import type { Locale } from "../../src/core/types.js";
import { prefixWithin } from "../../src/core/clip.js";
import { bandOf, languagesOf, profileOf, statusOf, titledOnOf, POPULATION_BANDS, type SettableStatus } from "../../src/features/network/communes.js";
import { parseDay } from "../../src/features/watch/index.js";

/** Their words in de, nl and en (French is the option's name). */
export const COMMUNE_FIELD_WORDS = {
  region: { de: "region", nl: "gewest", en: "region" },
  province: { de: "provinz", nl: "provincie", en: "province" },
  langues: { de: "sprachen", nl: "talen", en: "languages" },
  profil: { de: "profil", nl: "profiel", en: "profile" },
  population: { de: "einwohner", nl: "inwoners", en: "population" },
  statut: { de: "status", nl: "status", en: "status" },
  titree: { de: "ausgezeichnet", nl: "getiteld", en: "titled" },
  le: { de: "am", nl: "op", en: "on" },
};

export const communeFieldOptions = {
  region: text({ help: { fr: "Région (Wallonie, Bruxelles-Capitale, Flandre)", de: "Region (Wallonie, Bruxelles-Capitale, Flandre)", nl: "Gewest (Wallonie, Bruxelles-Capitale, Flandre)", en: "Region (Wallonie, Bruxelles-Capitale, Flandre)" }, max: 60 }),
  province: text({ help: { fr: "Province", de: "Provinz", nl: "Provincie", en: "Province" }, max: 60 }),
  langues: text({ help: { fr: "Langues, la principale d’abord : fr, fr/nl, de", de: "Sprachen, die wichtigste zuerst: de, fr/nl", nl: "Talen, de belangrijkste eerst: nl, fr/nl", en: "Languages, main first: fr, fr/nl, de" }, max: 20 }),
  profil: text({ help: { fr: "Profil : urbain, periurbain, rural", de: "Profil: urbain, periurbain, rural", nl: "Profiel: urbain, periurbain, rural", en: "Profile: urbain, periurbain, rural" }, max: 20 }),
  population: text({ help: { fr: `Population : ${POPULATION_BANDS.join(", ")}`, de: `Einwohner: ${POPULATION_BANDS.join(", ")}`, nl: `Inwoners: ${POPULATION_BANDS.join(", ")}`, en: `Population: ${POPULATION_BANDS.join(", ")}` }, max: 20 }),
  statut: text({ help: { fr: "Statut : titree, candidate, quittee", de: "Status: titree (ausgezeichnet), candidate, quittee (ausgetreten)", nl: "Status: titree (getiteld), candidate, quittee (verlaten)", en: "Status: titree (titled), candidate, quittee (left)" }, max: 20 }),
  titree: text({ help: { fr: "Titrée depuis : 2027-03-12, 2027-03 ou 2027", de: "Ausgezeichnet seit: 2027-03-12, 2027-03 oder 2027", nl: "Getiteld sinds: 2027-03-12, 2027-03 of 2027", en: "Titled since: 2027-03-12, 2027-03 or 2027" }, max: 20 }),
  le: text({ help: { fr: "Date du départ du réseau (AAAA-MM-JJ)", de: "Datum des Austritts (JJJJ-MM-TT)", nl: "Datum van vertrek (JJJJ-MM-DD)", en: "Date it left the network (YYYY-MM-DD)" }, max: 20 }),
};

type Typed = { region?: string; province?: string; langues?: string; profil?: string; population?: string; statut?: string; titree?: string; le?: string };

export interface CommuneFields {
  region?: string;
  province?: string | null;
  languages?: Locale[];
  profile?: CommuneProfile;
  populationBand?: PopulationBand;
  status?: SettableStatus;
  titledOn?: string | null;
  leftOn?: Date | null;
}

const bad = (field: string, value: string) => new CdceError("commune.bad_field", "commune.badField", { field, value: prefixWithin(value, 30) });

/** The fields that were typed, read; anything unreadable is refused with the option's name. */
export function readCommuneFields(o: Typed): CommuneFields {
  const out: CommuneFields = {};
  if (o.region !== undefined) out.region = o.region.trim();
  if (o.province !== undefined) out.province = o.province.trim() || null;
  if (o.langues !== undefined) out.languages = languagesOf(o.langues) ?? (() => { throw bad("langues", o.langues!); })();
  if (o.profil !== undefined) out.profile = profileOf(o.profil) ?? (() => { throw bad("profil", o.profil!); })();
  if (o.population !== undefined) out.populationBand = bandOf(o.population) ?? (() => { throw bad("population", o.population!); })();
  if (o.statut !== undefined) out.status = statusOf(o.statut) ?? (() => { throw bad("statut", o.statut!); })();
  if (o.titree !== undefined) out.titledOn = titledOnOf(o.titree) ?? (() => { throw bad("titree", o.titree!); })();
  if (o.le !== undefined) out.leftOn = parseDay(o.le) ?? (() => { throw bad("le", o.le!); })();
  return out;
}
