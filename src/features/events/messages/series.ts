/** Messages of the events feature, part 6: series (the yearly training cycle). */
import { defineMessages, type KeysOf } from "../../../core/i18n/bundles.js";

export const eventsSeries = defineMessages({
  fr: {
    "ev.series.button": "Session {n}",
    "ev.series.announce": "Nouveau cycle du réseau : {count, plural, one {# session} other {# sessions}}, chacune avec sa propre inscription (bouton, ou `/cdce webinaire rejoindre <code>`).",
    "ev.series.formTitle": "Planifier une série",
    "ev.series.field.when": "Règle ou dates",
    "ev.series.example": "premier mardi 19h-20h30",
    "ev.series.bad": "Je ne comprends pas « {value} » : écrivez une règle comme `{example}` ou des dates séparées par des points-virgules (`12/01 19h; 09/02 19h`).",
    "ev.series.item": "Date n° {n} : {message}",
    "ev.series.count": "Une série compte de 1 à {max} sessions.",
    "ev.series.created": "Série planifiée : {count, plural, one {# session} other {# sessions}}, annoncée dans les canaux du réseau.",
    "ev.series.createdNotAnnounced": "Série planifiée : {count, plural, one {# session} other {# sessions}}, mais pas annoncée : aucun canal n’est relié au réseau. Dans le canal commun, tapez `/cdce config canal reseau`.",
    "ev.moved.series": "{count, plural, one {La session suivante de la série suit, avec ses inscrit·es prévenu·es.} other {Les # sessions suivantes de la série suivent, avec leurs inscrit·es prévenu·es.}}",
    "ev.moved.series.base": "{count, plural, one {La session suivante de la série suit.} other {Les # sessions suivantes de la série suivent.}}",
  },
  de: {
    "ev.series.button": "Sitzung {n}",
    "ev.series.announce": "Neuer Zyklus des Netzwerks: {count, plural, one {# Sitzung} other {# Sitzungen}}, jede mit eigener Anmeldung (Button oder `/cdce webinaire rejoindre <code>`).",
    "ev.series.formTitle": "Eine Reihe planen",
    "ev.series.field.when": "Regel oder Termine",
    "ev.series.example": "erster Dienstag 19:00-20:30",
    "ev.series.bad": "„{value}“ verstehe ich nicht: Schreiben Sie eine Regel wie `{example}` oder Termine, getrennt durch Strichpunkte (`12.01. 19:00; 09.02. 19:00`).",
    "ev.series.item": "Termin Nr. {n}: {message}",
    "ev.series.count": "Eine Reihe hat 1 bis {max} Sitzungen.",
    "ev.series.created": "Reihe geplant: {count, plural, one {# Sitzung} other {# Sitzungen}}, in den Kanälen des Netzwerks angekündigt.",
    "ev.series.createdNotAnnounced": "Reihe geplant: {count, plural, one {# Sitzung} other {# Sitzungen}}, aber nicht angekündigt: Kein Kanal ist mit dem Netzwerk verbunden. Geben Sie im gemeinsamen Kanal `/cdce config canal reseau` ein.",
    "ev.moved.series": "{count, plural, one {Die folgende Sitzung der Reihe wird mitverschoben, ihre Angemeldeten werden benachrichtigt.} other {Die # folgenden Sitzungen der Reihe werden mitverschoben, ihre Angemeldeten werden benachrichtigt.}}",
    "ev.moved.series.base": "{count, plural, one {Die folgende Sitzung der Reihe wird mitverschoben.} other {Die # folgenden Sitzungen der Reihe werden mitverschoben.}}",
  },
  nl: {
    "ev.series.button": "Sessie {n}",
    "ev.series.announce": "Nieuwe cyclus van het netwerk: {count, plural, one {# sessie} other {# sessies}}, elk met een eigen inschrijving (knop of `/cdce webinaire rejoindre <code>`).",
    "ev.series.formTitle": "Een reeks plannen",
    "ev.series.field.when": "Regel of data",
    "ev.series.example": "eerste dinsdag 19u-20u30",
    "ev.series.bad": "Ik begrijp ‘{value}’ niet: schrijf een regel zoals `{example}` of data gescheiden door puntkomma’s (`12/01 19u; 09/02 19u`).",
    "ev.series.item": "Datum nr. {n}: {message}",
    "ev.series.count": "Een reeks telt 1 tot {max} sessies.",
    "ev.series.created": "Reeks gepland: {count, plural, one {# sessie} other {# sessies}}, aangekondigd in de kanalen van het netwerk.",
    "ev.series.createdNotAnnounced": "Reeks gepland: {count, plural, one {# sessie} other {# sessies}}, maar niet aangekondigd: geen enkel kanaal is aan het netwerk gekoppeld. Typ in het gemeenschappelijke kanaal `/cdce config canal reseau`.",
    "ev.moved.series": "{count, plural, one {De volgende sessie van de reeks schuift mee; haar ingeschrevenen worden verwittigd.} other {De # volgende sessies van de reeks schuiven mee; hun ingeschrevenen worden verwittigd.}}",
    "ev.moved.series.base": "{count, plural, one {De volgende sessie van de reeks schuift mee.} other {De # volgende sessies van de reeks schuiven mee.}}",
  },
  en: {
    "ev.series.button": "Session {n}",
    "ev.series.announce": "New network cycle: {count, plural, one {# session} other {# sessions}}, each with its own registration (button, or `/cdce webinaire rejoindre <code>`).",
    "ev.series.formTitle": "Plan a series",
    "ev.series.field.when": "Rule or dates",
    "ev.series.example": "first Tuesday 7pm-8:30pm",
    "ev.series.bad": "I do not understand “{value}”: write a rule such as `{example}` or dates separated by semicolons (`2027-01-12 19:00; 2027-02-09 19:00`).",
    "ev.series.item": "Date no. {n}: {message}",
    "ev.series.count": "A series has 1 to {max} sessions.",
    "ev.series.created": "Series planned: {count, plural, one {# session} other {# sessions}}, announced in the network’s channels.",
    "ev.series.createdNotAnnounced": "Series planned: {count, plural, one {# session} other {# sessions}}, but not announced: no channel is linked to the network. In the shared channel, type `/cdce config canal reseau`.",
    "ev.moved.series": "{count, plural, one {The next session of the series moves too; its registered people are told.} other {The # later sessions of the series move too; their registered people are told.}}",
    "ev.moved.series.base": "{count, plural, one {The next session of the series moves too.} other {The # later sessions of the series move too.}}",
  },
});

declare module "../../../core/i18n/bundles.js" {
  interface FeatureMessageKeys extends KeysOf<typeof eventsSeries> {}
}
