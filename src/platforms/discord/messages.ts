/**
 * The Discord adapter's own words: chrome around the core's replies that only Discord
 * needs (expired buttons, modal errors). Kept here rather than in the shared catalogues
 * because no other platform uses them; the core's messages still come from src/core/i18n.
 */
import type { Locale } from "../../core/types.js";

const TEXTS = {
  expired: {
    fr: "Ce bouton a expiré. Relancez la commande.",
    de: "Diese Schaltfläche ist abgelaufen. Führen Sie den Befehl erneut aus.",
    nl: "Deze knop is verlopen. Voer de opdracht opnieuw uit.",
    en: "This button has expired. Run the command again.",
  },
  formErrors: {
    fr: "Le formulaire n’a pas été enregistré : certains champs sont à corriger.",
    de: "Das Formular wurde nicht gespeichert: Einige Felder müssen korrigiert werden.",
    nl: "Het formulier is niet opgeslagen: sommige velden moeten worden verbeterd.",
    en: "The form was not saved: some fields need fixing.",
  },
  yourInput: {
    fr: "Ce que vous avez saisi (rien n’est perdu) :",
    de: "Ihre Eingaben (nichts geht verloren):",
    nl: "Wat u hebt ingevuld (er gaat niets verloren):",
    en: "What you typed (nothing is lost):",
  },
  fix: {
    fr: "Corriger",
    de: "Korrigieren",
    nl: "Verbeteren",
    en: "Fix it",
  },
  openForm: {
    fr: "Ouvrir le formulaire",
    de: "Formular öffnen",
    nl: "Formulier openen",
    en: "Open the form",
  },
  postedInChannel: {
    fr: "Réponse publiée dans le canal.",
    de: "Antwort im Kanal veröffentlicht.",
    nl: "Antwoord in het kanaal gepubliceerd.",
    en: "Reply posted in the channel.",
  },
} satisfies Record<string, Record<Locale, string>>;

/** Keys of the adapter's own texts. */
export type DiscordText = keyof typeof TEXTS;

/** The adapter's text `key` in `locale`. */
export function discordText(key: DiscordText, locale: Locale): string {
  return TEXTS[key][locale];
}
