/** The options the partner commands share, with their words in the four languages. */
import { choice, text } from "../../src/core/options.js";
import { communeOption } from "../../src/core/scope.js";
import { PARTNER_KINDS, toPartnerKind } from "../../src/features/partners/index.js";

const KINDS = PARTNER_KINDS.join(", ");

export const partnerOptionWords = {
  nom: { de: "name", nl: "naam", en: "name" },
  type: { de: "typ", nl: "type", en: "type" },
  ensemble: { de: "gemeinsam", nl: "samen", en: "together" },
  email: { de: "email", nl: "email", en: "email" },
  telephone: { de: "telefon", nl: "telefoon", en: "phone" },
  initiative: { de: "initiative", nl: "initiatief", en: "initiative" },
  evenement: { de: "veranstaltung", nl: "evenement", en: "event" },
  commune: { de: "gemeinde", nl: "gemeente", en: "commune" },
};

export const nameOption = text({ help: { fr: "Nom du partenaire", de: "Name des Partners", nl: "Naam van de partner", en: "Partner's name" }, max: 120, rest: true });
export const kindOption = choice({ help: { fr: `Type : ${KINDS}`, de: `Art: ${KINDS}`, nl: `Soort: ${KINDS}`, en: `Kind: ${KINDS}` }, values: PARTNER_KINDS, normalize: toPartnerKind });
export const togetherOption = text({ help: { fr: "Ce que vous faites ensemble", de: "Was Sie gemeinsam tun", nl: "Wat jullie samen doen", en: "What you do together" }, max: 500 });
export const emailOption = text({ help: { fr: "E-mail (membres seulement)", de: "E-Mail (nur Mitglieder)", nl: "E-mail (alleen leden)", en: "Email (members only)" }, max: 120 });
export const phoneOption = text({ help: { fr: "Téléphone (membres seulement)", de: "Telefon (nur Mitglieder)", nl: "Telefoon (alleen leden)", en: "Phone (members only)" }, max: 40 });
export const initiativeOption = text({ help: { fr: "Référence d’une initiative de la commune", de: "Referenz einer Initiative der Gemeinde", nl: "Referentie van een initiatief van de gemeente", en: "Reference of one of the commune's initiatives" }, max: 40 });
export const eventOption = text({ help: { fr: "Code d’un événement de la commune", de: "Code einer Veranstaltung der Gemeinde", nl: "Code van een evenement van de gemeente", en: "Code of one of the commune's events" }, max: 20 });
export const partnerCommune = () => communeOption();
