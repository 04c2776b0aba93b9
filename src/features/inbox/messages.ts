/** Messages of `/cdce boite`: what arrived in the terminal. */
import { defineMessages, type KeysOf } from "../../core/i18n/bundles.js";

export const inboxMessages = defineMessages({
  fr: {
    "inbox.title": "Arrivé dans le terminal : {where}",
    "inbox.all": "tous les canaux et vos messages directs",
    "inbox.empty": "Rien n’est encore arrivé ici. Les annonces, rappels et synthèses que le bot envoie s’afficheront au fil de l’eau.",
    "inbox.latest": "{count, plural, one {Le dernier message} other {Les # derniers messages}}, le plus récent en bas.",
    "inbox.unknown": "Le terminal n’a pas de canal « {name} ». Ses canaux : {channels}, et DM pour vos messages directs.",
    "inbox.elsewhere": "La boîte est celle du terminal. Ici, ce que le bot envoie arrive dans les canaux reliés (`/cdce config canal`) et dans vos messages directs.",
  },
  de: {
    "inbox.title": "Im Terminal angekommen: {where}",
    "inbox.all": "alle Kanäle und Ihre Direktnachrichten",
    "inbox.empty": "Hier ist noch nichts angekommen. Ankündigungen, Erinnerungen und Übersichten des Bots erscheinen, sobald sie eintreffen.",
    "inbox.latest": "{count, plural, one {Die letzte Nachricht} other {Die letzten # Nachrichten}}, die neueste unten.",
    "inbox.unknown": "Das Terminal hat keinen Kanal „{name}“. Seine Kanäle: {channels}, und DM für Ihre Direktnachrichten.",
    "inbox.elsewhere": "Das Postfach gehört zum Terminal. Hier kommt, was der Bot sendet, in den verbundenen Kanälen (`/cdce config canal`) und in Ihren Direktnachrichten an.",
  },
  nl: {
    "inbox.title": "Aangekomen in de terminal: {where}",
    "inbox.all": "alle kanalen en uw directe berichten",
    "inbox.empty": "Hier is nog niets aangekomen. Aankondigingen, herinneringen en overzichten van de bot verschijnen zodra ze binnenkomen.",
    "inbox.latest": "{count, plural, one {Het laatste bericht} other {De laatste # berichten}}, het nieuwste onderaan.",
    "inbox.unknown": "De terminal heeft geen kanaal ‘{name}’. Zijn kanalen: {channels}, en DM voor uw directe berichten.",
    "inbox.elsewhere": "Het postvak is dat van de terminal. Hier komt wat de bot verstuurt aan in de gekoppelde kanalen (`/cdce config canal`) en in uw directe berichten.",
  },
  en: {
    "inbox.title": "Arrived in the terminal: {where}",
    "inbox.all": "every channel and your direct messages",
    "inbox.empty": "Nothing has arrived here yet. The announcements, reminders and digests the bot sends will show as they come.",
    "inbox.latest": "{count, plural, one {The latest message} other {The latest # messages}}, newest at the bottom.",
    "inbox.unknown": "The terminal has no channel “{name}”. Its channels: {channels}, and DM for your direct messages.",
    "inbox.elsewhere": "The inbox is the terminal’s. Here, what the bot sends arrives in the linked channels (`/cdce config canal`) and in your direct messages.",
  },
});

declare module "../../core/i18n/bundles.js" {
  interface FeatureMessageKeys extends KeysOf<typeof inboxMessages> {}
}
