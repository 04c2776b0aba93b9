/**
 * Messages of the outbox: the failure notice sent to coordination, and `/cdce admin envois`.
 */
import { defineMessages, type KeysOf } from "../../core/i18n/bundles.js";

export const outboxMessages = defineMessages({
  fr: {
    "outbox.failed.notice": "⚠️ Un message automatique n’a pas pu être envoyé vers {target} : {error}. Détails et relance : `/cdce admin envois`.",
    "outbox.admin.title": "Envois automatiques",
    "outbox.admin.counts": "{pending} en attente · {sending} en cours · {failed} en échec · {sent} envoyés · {expired} expirés · {cancelled} annulés",
    "outbox.admin.none": "Aucun message en échec ni en attente.",
    "outbox.admin.item": "**{state}** · {target} · prévu le {due} · {attempts, plural, =0 {aucun essai} one {# essai} other {# essais}}",
    "outbox.admin.error": "Dernière erreur : {error}",
    "outbox.admin.more": "… et {count, plural, one {# autre} other {# autres}}.",
    "outbox.admin.retry": "Réessayer",
    "outbox.admin.cancel": "Annuler",
    "outbox.admin.retried": "Message remis dans la file : il partira dans les prochaines secondes.",
    "outbox.admin.cancelled": "Message annulé : il ne sera pas envoyé.",
    "outbox.admin.notFound": "Ce message n’existe pas ou ne peut plus être {action, select, retry {relancé} other {annulé}}.",
    "outbox.state.pending": "en attente",
    "outbox.state.sending": "en cours",
    "outbox.state.failed": "en échec",
  },
  de: {
    "outbox.failed.notice": "⚠️ Eine automatische Nachricht an {target} konnte nicht gesendet werden: {error}. Details und erneuter Versuch: `/cdce admin envois`.",
    "outbox.admin.title": "Automatische Nachrichten",
    "outbox.admin.counts": "{pending} wartend · {sending} im Versand · {failed} fehlgeschlagen · {sent} gesendet · {expired} abgelaufen · {cancelled} abgebrochen",
    "outbox.admin.none": "Keine fehlgeschlagenen oder wartenden Nachrichten.",
    "outbox.admin.item": "**{state}** · {target} · geplant am {due} · {attempts, plural, =0 {kein Versuch} one {# Versuch} other {# Versuche}}",
    "outbox.admin.error": "Letzter Fehler: {error}",
    "outbox.admin.more": "… und {count, plural, one {# weitere} other {# weitere}}.",
    "outbox.admin.retry": "Erneut versuchen",
    "outbox.admin.cancel": "Abbrechen",
    "outbox.admin.retried": "Nachricht wieder eingereiht: Sie geht in den nächsten Sekunden hinaus.",
    "outbox.admin.cancelled": "Nachricht abgebrochen: Sie wird nicht gesendet.",
    "outbox.admin.notFound": "Diese Nachricht gibt es nicht oder sie kann nicht mehr {action, select, retry {erneut gesendet} other {abgebrochen}} werden.",
    "outbox.state.pending": "wartend",
    "outbox.state.sending": "im Versand",
    "outbox.state.failed": "fehlgeschlagen",
  },
  nl: {
    "outbox.failed.notice": "⚠️ Een automatisch bericht naar {target} kon niet worden verstuurd: {error}. Details en opnieuw proberen: `/cdce admin envois`.",
    "outbox.admin.title": "Automatische berichten",
    "outbox.admin.counts": "{pending} wachtend · {sending} bezig · {failed} mislukt · {sent} verstuurd · {expired} verlopen · {cancelled} geannuleerd",
    "outbox.admin.none": "Geen mislukte of wachtende berichten.",
    "outbox.admin.item": "**{state}** · {target} · gepland op {due} · {attempts, plural, =0 {geen poging} one {# poging} other {# pogingen}}",
    "outbox.admin.error": "Laatste fout: {error}",
    "outbox.admin.more": "… en nog {count, plural, one {# ander} other {# andere}}.",
    "outbox.admin.retry": "Opnieuw proberen",
    "outbox.admin.cancel": "Annuleren",
    "outbox.admin.retried": "Bericht opnieuw in de wachtrij: het vertrekt in de komende seconden.",
    "outbox.admin.cancelled": "Bericht geannuleerd: het wordt niet verstuurd.",
    "outbox.admin.notFound": "Dit bericht bestaat niet of kan niet meer worden {action, select, retry {opnieuw verstuurd} other {geannuleerd}}.",
    "outbox.state.pending": "wachtend",
    "outbox.state.sending": "bezig",
    "outbox.state.failed": "mislukt",
  },
  en: {
    "outbox.failed.notice": "⚠️ An automatic message to {target} could not be sent: {error}. Details and retry: `/cdce admin envois`.",
    "outbox.admin.title": "Automatic messages",
    "outbox.admin.counts": "{pending} pending · {sending} sending · {failed} failed · {sent} sent · {expired} expired · {cancelled} cancelled",
    "outbox.admin.none": "No failed or pending messages.",
    "outbox.admin.item": "**{state}** · {target} · due {due} · {attempts, plural, =0 {no attempt} one {# attempt} other {# attempts}}",
    "outbox.admin.error": "Last error: {error}",
    "outbox.admin.more": "… and {count, plural, one {# more} other {# more}}.",
    "outbox.admin.retry": "Retry",
    "outbox.admin.cancel": "Cancel",
    "outbox.admin.retried": "Message queued again: it will go out in the next few seconds.",
    "outbox.admin.cancelled": "Message cancelled: it will not be sent.",
    "outbox.admin.notFound": "This message does not exist or can no longer be {action, select, retry {retried} other {cancelled}}.",
    "outbox.state.pending": "pending",
    "outbox.state.sending": "sending",
    "outbox.state.failed": "failed",
  },
});

declare module "../../core/i18n/bundles.js" {
  interface FeatureMessageKeys extends KeysOf<typeof outboxMessages> {}
}
