/** Messages of the plain-language front door: what the bot answers a message written to it. */
import { defineMessages, type KeysOf } from "../../core/i18n/bundles.js";

export const doorMessages = defineMessages({
  fr: {
    "door.closest": "Voici ce qui s’en rapproche le plus :",
    "door.kits": "Des kits qui pourraient vous servir :",
    "door.unplaced": "Je n’ai pas bien compris. Voici ce que l’on me demande le plus souvent :",
    "door.hint": "Tout ce que je sais faire : `/cdce {help}`.",
  },
  de: {
    "door.closest": "Das kommt Ihrer Nachricht am nächsten:",
    "door.kits": "Kits, die Ihnen helfen könnten:",
    "door.unplaced": "Das habe ich nicht ganz verstanden. Am häufigsten werde ich danach gefragt:",
    "door.hint": "Alles, was ich kann: `/cdce {help}`.",
  },
  nl: {
    "door.closest": "Dit komt het dichtst bij uw bericht:",
    "door.kits": "Kits die u kunnen helpen:",
    "door.unplaced": "Dat heb ik niet goed begrepen. Dit wordt mij het vaakst gevraagd:",
    "door.hint": "Alles wat ik kan: `/cdce {help}`.",
  },
  en: {
    "door.closest": "This is the closest to your message:",
    "door.kits": "Kits that might help:",
    "door.unplaced": "I did not quite understand. This is what people ask me most:",
    "door.hint": "Everything I can do: `/cdce {help}`.",
  },
});

declare module "../../core/i18n/bundles.js" {
  interface FeatureMessageKeys extends KeysOf<typeof doorMessages> {}
}
