/** Messages of `/cdce role` (granting roles) and of the coordinator bootstrap. */
import { defineMessages, type KeysOf } from "../../core/i18n/bundles.js";

export const roleMessages = defineMessages({
  fr: {
    "role.badUser": "« {user} » n’est pas une personne : mentionnez-la (@Marie) ou donnez son identifiant. @everyone, @here, un rôle ou un simple mot ne reçoivent pas de rôle. Exemple : `/cdce role @Marie copil Namur`.",
    "role.unknownUser": "Je ne trouve personne pour « {user} » dans cet espace : vérifiez la mention. Rien n’a été changé.",
    "role.unverifiable": "Je ne peux pas vérifier « {user} » auprès de la plateforme pour l’instant : réessayez dans un moment. Rien n’a été changé.",
    "role.communeNeeded": "Le rôle « {role} » se donne pour une commune. Exemple : `/cdce role @Marie {role} Namur`.",
    "role.given": "C’est fait : {user} a maintenant le rôle « {role} »{commune}.",
    "role.removed": "C’est fait : {user} n’a plus aucun rôle ({count, plural, one {# rôle retiré} other {# rôles retirés}}).",
    "role.inCommune": " pour {commune}",
  },
  de: {
    "role.badUser": "„{user}“ ist keine Person: erwähnen Sie sie (@Marie) oder geben Sie ihre Kennung an. @everyone, @here, eine Rolle oder ein einfaches Wort erhalten keine Rolle. Beispiel: `/cdce role @Marie copil Eupen`.",
    "role.unknownUser": "Ich finde niemanden für „{user}“ in diesem Bereich: prüfen Sie die Erwähnung. Nichts wurde geändert.",
    "role.unverifiable": "Ich kann „{user}“ gerade nicht bei der Plattform prüfen: versuchen Sie es gleich noch einmal. Nichts wurde geändert.",
    "role.communeNeeded": "Die Rolle „{role}“ wird für eine Gemeinde vergeben. Beispiel: `/cdce role @Marie {role} Eupen`.",
    "role.given": "Erledigt: {user} hat jetzt die Rolle „{role}“{commune}.",
    "role.removed": "Erledigt: {user} hat keine Rolle mehr ({count, plural, one {# Rolle entzogen} other {# Rollen entzogen}}).",
    "role.inCommune": " für {commune}",
  },
  nl: {
    "role.badUser": "‘{user}’ is geen persoon: vermeld haar (@Marie) of geef haar id. @everyone, @here, een rol of een los woord krijgen geen rol. Voorbeeld: `/cdce role @Marie copil Jette`.",
    "role.unknownUser": "Ik vind niemand voor ‘{user}’ in deze ruimte: controleer de vermelding. Er is niets gewijzigd.",
    "role.unverifiable": "Ik kan ‘{user}’ nu niet bij het platform controleren: probeer het zo opnieuw. Er is niets gewijzigd.",
    "role.communeNeeded": "De rol ‘{role}’ wordt voor een gemeente gegeven. Voorbeeld: `/cdce role @Marie {role} Jette`.",
    "role.given": "Klaar: {user} heeft nu de rol ‘{role}’{commune}.",
    "role.removed": "Klaar: {user} heeft geen rol meer ({count, plural, one {# rol ingetrokken} other {# rollen ingetrokken}}).",
    "role.inCommune": " voor {commune}",
  },
  en: {
    "role.badUser": "“{user}” is not a person: mention them (@Marie) or give their id. @everyone, @here, a role or a plain word get no role. Example: `/cdce role @Marie copil Namur`.",
    "role.unknownUser": "I find nobody for “{user}” in this space: check the mention. Nothing was changed.",
    "role.unverifiable": "I cannot check “{user}” with the platform right now: try again in a moment. Nothing was changed.",
    "role.communeNeeded": "The role “{role}” is given for a commune. Example: `/cdce role @Marie {role} Namur`.",
    "role.given": "Done: {user} now has the role “{role}”{commune}.",
    "role.removed": "Done: {user} has no role any more ({count, plural, one {# role removed} other {# roles removed}}).",
    "role.inCommune": " for {commune}",
  },
});

declare module "../../core/i18n/bundles.js" {
  interface FeatureMessageKeys extends KeysOf<typeof roleMessages> {}
}
