/** Messages of `/cdce role` (granting roles) and of the coordinator bootstrap. */
import { defineMessages } from "./bundles.js";

export const roleMessages = defineMessages({
  fr: {
    "role.badUser": "Indiquez la personne par une mention (@nom) ou son identifiant. Exemple : `/cdce role @Marie copil Namur`.",
    "role.communeNeeded": "Le rôle « {role} » se donne pour une commune. Exemple : `/cdce role @Marie {role} Namur`.",
    "role.given": "C’est fait : {user} a maintenant le rôle « {role} »{commune}.",
    "role.removed": "C’est fait : {user} n’a plus aucun rôle ({count, plural, one {# rôle retiré} other {# rôles retirés}}).",
    "role.inCommune": " pour {commune}",
  },
  de: {
    "role.badUser": "Geben Sie die Person als Erwähnung (@Name) oder mit ihrer Kennung an. Beispiel: `/cdce role @Marie copil Eupen`.",
    "role.communeNeeded": "Die Rolle „{role}“ wird für eine Gemeinde vergeben. Beispiel: `/cdce role @Marie {role} Eupen`.",
    "role.given": "Erledigt: {user} hat jetzt die Rolle „{role}“{commune}.",
    "role.removed": "Erledigt: {user} hat keine Rolle mehr ({count, plural, one {# Rolle entzogen} other {# Rollen entzogen}}).",
    "role.inCommune": " für {commune}",
  },
  nl: {
    "role.badUser": "Geef de persoon aan met een vermelding (@naam) of met zijn id. Voorbeeld: `/cdce role @Marie copil Jette`.",
    "role.communeNeeded": "De rol ‘{role}’ wordt voor een gemeente gegeven. Voorbeeld: `/cdce role @Marie {role} Jette`.",
    "role.given": "Klaar: {user} heeft nu de rol ‘{role}’{commune}.",
    "role.removed": "Klaar: {user} heeft geen rol meer ({count, plural, one {# rol ingetrokken} other {# rollen ingetrokken}}).",
    "role.inCommune": " voor {commune}",
  },
  en: {
    "role.badUser": "Name the person with a mention (@name) or their id. Example: `/cdce role @Marie copil Namur`.",
    "role.communeNeeded": "The role “{role}” is given for a commune. Example: `/cdce role @Marie {role} Namur`.",
    "role.given": "Done: {user} now has the role “{role}”{commune}.",
    "role.removed": "Done: {user} has no role any more ({count, plural, one {# role removed} other {# roles removed}}).",
    "role.inCommune": " for {commune}",
  },
});
