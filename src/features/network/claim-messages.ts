/** Messages of `/cdce admin revendiquer` (the first coordinator of a new installation). */
import { defineMessages, type KeysOf } from "../../core/i18n/bundles.js";

export const claimMessages = defineMessages({
  fr: {
    "claim.done": "C’est fait : vous êtes maintenant la coordination du réseau, et ce code ne fonctionne plus. Donnez les autres rôles avec `/cdce role @Marie copil Namur` et reliez les canaux avec `/cdce config canal`.",
    "claim.already": "Vous êtes déjà la coordination : aucun code n’est nécessaire.",
    "claim.closed": "Il n’y a rien à revendiquer : la coordination est déjà attribuée, ou aucun code n’est ouvert. Demandez un rôle à la coordination du réseau.",
    "claim.expired": "Ce code a expiré (il vaut 24 heures). Redémarrez le bot : il en affiche un nouveau au démarrage.",
    "claim.wrong": "Ce code n’est pas le bon. {left, plural, one {Encore # essai} other {Encore # essais}} avant un blocage de 15 minutes.",
    "claim.locked": "Trop de codes erronés : les essais sont bloqués pendant encore {minutes, plural, one {# minute} other {# minutes}}.",
  },
  de: {
    "claim.done": "Erledigt: Sie sind jetzt die Koordination des Netzwerks, und dieser Code funktioniert nicht mehr. Vergeben Sie die anderen Rollen mit `/cdce role @Marie copil Eupen` und verknüpfen Sie Kanäle mit `/cdce config canal`.",
    "claim.already": "Sie sind bereits die Koordination: kein Code nötig.",
    "claim.closed": "Hier gibt es nichts zu beanspruchen: die Koordination ist bereits vergeben, oder kein Code ist offen. Bitten Sie die Koordination des Netzwerks um eine Rolle.",
    "claim.expired": "Dieser Code ist abgelaufen (er gilt 24 Stunden). Starten Sie den Bot neu: er zeigt beim Start einen neuen an.",
    "claim.wrong": "Dieser Code ist nicht richtig. {left, plural, one {Noch # Versuch} other {Noch # Versuche}} vor einer Sperre von 15 Minuten.",
    "claim.locked": "Zu viele falsche Codes: Versuche sind noch {minutes, plural, one {# Minute} other {# Minuten}} gesperrt.",
  },
  nl: {
    "claim.done": "Klaar: u bent nu de coördinatie van het netwerk, en deze code werkt niet meer. Geef de andere rollen met `/cdce role @Marie copil Jette` en koppel kanalen met `/cdce config canal`.",
    "claim.already": "U bent al de coördinatie: er is geen code nodig.",
    "claim.closed": "Er valt niets op te eisen: de coördinatie is al toegewezen, of er is geen code open. Vraag de coördinatie van het netwerk om een rol.",
    "claim.expired": "Deze code is verlopen (hij geldt 24 uur). Start de bot opnieuw: hij toont bij het starten een nieuwe.",
    "claim.wrong": "Deze code klopt niet. {left, plural, one {Nog # poging} other {Nog # pogingen}} voor een blokkering van 15 minuten.",
    "claim.locked": "Te veel foute codes: pogingen zijn nog {minutes, plural, one {# minuut} other {# minuten}} geblokkeerd.",
  },
  en: {
    "claim.done": "Done: you are now the network’s coordination, and this code no longer works. Give the other roles with `/cdce role @Marie copil Namur` and link channels with `/cdce config canal`.",
    "claim.already": "You are coordination already: no code is needed.",
    "claim.closed": "There is nothing to claim: coordination is already taken, or no code is open. Ask the network’s coordination for a role.",
    "claim.expired": "This code has expired (it is valid for 24 hours). Restart the bot: it prints a new one when it starts.",
    "claim.wrong": "This code is not the right one. {left, plural, one {# more try} other {# more tries}} before a 15-minute lock.",
    "claim.locked": "Too many wrong codes: attempts are locked for {minutes, plural, one {# more minute} other {# more minutes}}.",
  },
});

declare module "../../core/i18n/bundles.js" {
  interface FeatureMessageKeys extends KeysOf<typeof claimMessages> {}
}
