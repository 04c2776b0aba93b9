/** Messages of the ready-to-send texts (the texts themselves are in templates.ts). */
import { defineMessages, type KeysOf } from "../../core/i18n/bundles.js";

export const textMessages = defineMessages({
  fr: {
    "texts.title": "Textes prêts à envoyer : {title}",
    "texts.language": "Écrits dans la langue de {commune} ({language}), à partir de ce qui est enregistré : complétez l’enregistrement (lieu, description, partenaires) pour des textes plus riches.",
    "texts.press": "Communiqué de presse", "texts.social": "Post pour les réseaux sociaux", "texts.web": "Bloc pour la page web de la commune",
    "texts.kit": "Kit utile : [{title}]({link})", "texts.kitNoLink": "Kit utile : {title} (`/cdce kit {id}`)",
    "texts.error.forbidden": "Les textes d’une action sont préparés pour les membres de sa commune (et la coordination).",
    "texts.error.notLocal": "« {title} » est un événement du réseau, pas d’une commune : ses textes ne sont pas préparés ici.",
  },
  de: {
    "texts.title": "Versandfertige Texte: {title}",
    "texts.language": "In der Sprache von {commune} ({language}) geschrieben, aus dem Gespeicherten: Ergänzen Sie den Eintrag (Ort, Beschreibung, Partner) für reichere Texte.",
    "texts.press": "Pressemitteilung", "texts.social": "Beitrag für soziale Medien", "texts.web": "Block für die Webseite der Gemeinde",
    "texts.kit": "Hilfreiches Kit: [{title}]({link})", "texts.kitNoLink": "Hilfreiches Kit: {title} (`/cdce kit {id}`)",
    "texts.error.forbidden": "Die Texte einer Aktion werden für die Mitglieder ihrer Gemeinde (und die Koordination) vorbereitet.",
    "texts.error.notLocal": "„{title}“ ist eine Veranstaltung des Netzwerks, nicht einer Gemeinde: ihre Texte werden hier nicht vorbereitet.",
  },
  nl: {
    "texts.title": "Kant-en-klare teksten: {title}",
    "texts.language": "Geschreven in de taal van {commune} ({language}), op basis van wat geregistreerd is: vul de registratie aan (plaats, beschrijving, partners) voor rijkere teksten.",
    "texts.press": "Persbericht", "texts.social": "Bericht voor sociale media", "texts.web": "Blok voor de webpagina van de gemeente",
    "texts.kit": "Nuttige kit: [{title}]({link})", "texts.kitNoLink": "Nuttige kit: {title} (`/cdce kit {id}`)",
    "texts.error.forbidden": "De teksten van een actie worden voorbereid voor de leden van haar gemeente (en de coördinatie).",
    "texts.error.notLocal": "‘{title}’ is een evenement van het netwerk, niet van een gemeente: de teksten ervan worden hier niet voorbereid.",
  },
  en: {
    "texts.title": "Ready-to-send texts: {title}",
    "texts.language": "Written in the language of {commune} ({language}), from what is stored: complete the record (place, description, partners) for richer texts.",
    "texts.press": "Press release", "texts.social": "Social-media post", "texts.web": "Block for the commune’s web page",
    "texts.kit": "Useful kit: [{title}]({link})", "texts.kitNoLink": "Useful kit: {title} (`/cdce kit {id}`)",
    "texts.error.forbidden": "The texts of an action are prepared for the members of its commune (and coordination).",
    "texts.error.notLocal": "“{title}” is a network event, not a commune’s: its texts are not prepared here.",
  },
});

declare module "../../core/i18n/bundles.js" {
  interface FeatureMessageKeys extends KeysOf<typeof textMessages> {}
}
