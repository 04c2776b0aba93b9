/** Messages of the terminal demo's clock (`/cdce demo avancer 30j`). */
import { defineMessages, type KeysOf } from "../../core/i18n/bundles.js";

export const demoMessages = defineMessages({
  fr: {
    "demo.advanced": "Horloge avancée au {when}",
    "demo.ran": "{job} : {runs, plural, one {# passage} other {# passages}}{failed, plural, =0 {} one { (# en échec, voir les journaux)} other { (# en échec, voir les journaux)}}",
    "demo.nothingRan": "Aucune tâche planifiée n’était due entre-temps.",
    "demo.messagesDue": "{count, plural, =0 {Aucun message programmé n’arrivait à échéance.} one {# message programmé (rappel, alerte) est arrivé à échéance.} other {# messages programmés (rappels, alertes) sont arrivés à échéance.}}",
    "demo.clockRunsOn": "Heure locale ({zone}). L’horloge continue de tourner à partir de là.",
    "demo.error.terminalOnly": "Cette commande n’existe que dans la démo en terminal (`npm start -- --now 2027-09-20T08:55`).",
    "demo.error.duration": "Durée illisible : « {text} ». Exemples : `30j`, `2sem`, `12h`, `90min`, `1sem 3j`.",
    "demo.error.tooFar": "L’horloge avance d’au plus {max} jours à la fois.",
    "demo.error.busy": "L’horloge est déjà en train d’avancer : attendez la fin.",
  },
  de: {
    "demo.advanced": "Uhr vorgestellt auf {when}",
    "demo.ran": "{job}: {runs, plural, one {# Lauf} other {# Läufe}}{failed, plural, =0 {} one { (# fehlgeschlagen, siehe Protokoll)} other { (# fehlgeschlagen, siehe Protokoll)}}",
    "demo.nothingRan": "In dieser Zeit war keine geplante Aufgabe fällig.",
    "demo.messagesDue": "{count, plural, =0 {Keine geplante Nachricht wurde fällig.} one {# geplante Nachricht (Erinnerung, Warnung) wurde fällig.} other {# geplante Nachrichten (Erinnerungen, Warnungen) wurden fällig.}}",
    "demo.clockRunsOn": "Ortszeit ({zone}). Die Uhr läuft von dort aus weiter.",
    "demo.error.terminalOnly": "Diesen Befehl gibt es nur in der Terminal-Demo (`npm start -- --now 2027-09-20T08:55`).",
    "demo.error.duration": "Unlesbare Dauer: „{text}“. Beispiele: `30t`, `2wo`, `12h`, `90min`, `1wo 3t`.",
    "demo.error.tooFar": "Die Uhr springt höchstens {max} Tage auf einmal vor.",
    "demo.error.busy": "Die Uhr wird gerade vorgestellt: Warten Sie, bis sie fertig ist.",
  },
  nl: {
    "demo.advanced": "Klok vooruitgezet naar {when}",
    "demo.ran": "{job}: {runs, plural, one {# keer} other {# keer}}{failed, plural, =0 {} one { (# mislukt, zie de logs)} other { (# mislukt, zie de logs)}}",
    "demo.nothingRan": "Er was in die tijd geen geplande taak aan de beurt.",
    "demo.messagesDue": "{count, plural, =0 {Er kwam geen gepland bericht aan de beurt.} one {# gepland bericht (herinnering, waarschuwing) kwam aan de beurt.} other {# geplande berichten (herinneringen, waarschuwingen) kwamen aan de beurt.}}",
    "demo.clockRunsOn": "Lokale tijd ({zone}). De klok loopt vanaf daar verder.",
    "demo.error.terminalOnly": "Deze opdracht bestaat alleen in de terminaldemo (`npm start -- --now 2027-09-20T08:55`).",
    "demo.error.duration": "Onleesbare duur: ‘{text}’. Voorbeelden: `30d`, `2w`, `12u`, `90min`, `1w 3d`.",
    "demo.error.tooFar": "De klok gaat hoogstens {max} dagen tegelijk vooruit.",
    "demo.error.busy": "De klok wordt al vooruitgezet: wacht tot dat klaar is.",
  },
  en: {
    "demo.advanced": "Clock moved to {when}",
    "demo.ran": "{job}: {runs, plural, one {# run} other {# runs}}{failed, plural, =0 {} one { (# failed, see the logs)} other { (# failed, see the logs)}}",
    "demo.nothingRan": "No scheduled task was due in between.",
    "demo.messagesDue": "{count, plural, =0 {No scheduled message came due.} one {# scheduled message (reminder, alert) came due.} other {# scheduled messages (reminders, alerts) came due.}}",
    "demo.clockRunsOn": "Local time ({zone}). The clock runs on from there.",
    "demo.error.terminalOnly": "This command exists only in the terminal demo (`npm start -- --now 2027-09-20T08:55`).",
    "demo.error.duration": "Unreadable duration: “{text}”. Examples: `30d`, `2w`, `12h`, `90min`, `1w 3d`.",
    "demo.error.tooFar": "The clock moves at most {max} days at once.",
    "demo.error.busy": "The clock is already moving forward: wait until it is done.",
  },
});

declare module "../../core/i18n/bundles.js" {
  interface FeatureMessageKeys extends KeysOf<typeof demoMessages> {}
}
