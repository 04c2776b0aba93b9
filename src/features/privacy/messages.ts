/** Messages of `/cdce moi` (access, export, erasure of personal data). */
import { defineMessages, type KeysOf } from "../../core/i18n/bundles.js";

export const privacyMessages = defineMessages({
  fr: {
    "me.title": "Ce que le bot garde sur vous", "me.intro": "Ces données servent à vous répondre dans votre langue, à vous reconnaître sur chaque plateforme et à créditer vos contributions.",
    "me.field.name": "Nom", "me.field.language": "Langue et fuseau", "me.field.accounts": "Comptes", "me.field.roles": "Rôles",
    "me.counts": "Vos contributions : {initiatives} initiative(s), {sheets} fiche(s), {ideas} idée(s), {polls} sondage(s), {votes} vote(s), {follows} « on le fait aussi », {tools} outil(s) déclaré(s), {registrations} inscription(s) à des événements ; {events} trace(s) d’activité, {messages} message(s) à votre nom dans la file d’envoi.",
    "me.hint": "Tout exporter : `/cdce moi export` · tout effacer : `/cdce moi supprimer`",
    "me.button.export": "Exporter (JSON)", "me.button.erase": "Effacer mes données", "me.button.confirmErase": "Oui, tout effacer",
    "me.error.unknown": "Je ne trouve rien à votre nom.",
    "me.export.ready": "Voici toutes vos données : `{name}` ({size} octets).", "me.export.long": "L’export est long : il est joint en fichier.",
    "me.erase.confirm": "Effacer vos données ? Votre nom, vos comptes, vos rôles et vos contacts seront supprimés. Vos initiatives, fiches, idées et sondages restent pour le réseau, sans votre nom ; vos votes restent comptés, sans vous. C’est définitif.",
    "me.erase.done": "C’est fait : vos données personnelles sont effacées. Si vous utilisez encore le bot, il vous considérera comme une nouvelle personne.",
  },
  de: {
    "me.title": "Was der Bot über Sie speichert", "me.intro": "Diese Daten dienen dazu, Ihnen in Ihrer Sprache zu antworten, Sie auf jeder Plattform zu erkennen und Ihre Beiträge zuzuordnen.",
    "me.field.name": "Name", "me.field.language": "Sprache und Zeitzone", "me.field.accounts": "Konten", "me.field.roles": "Rollen",
    "me.counts": "Ihre Beiträge: {initiatives} Initiative(n), {sheets} Bericht(e), {ideas} Idee(n), {polls} Umfrage(n), {votes} Stimme(n), {follows} „machen wir auch“, {tools} gemeldete(s) Werkzeug(e), {registrations} Anmeldung(en) zu Veranstaltungen; {events} Aktivitätsspur(en), {messages} Nachricht(en) an Sie in der Versandwarteschlange.",
    "me.hint": "Alles exportieren: `/cdce moi export` · alles löschen: `/cdce moi supprimer`",
    "me.button.export": "Exportieren (JSON)", "me.button.erase": "Meine Daten löschen", "me.button.confirmErase": "Ja, alles löschen",
    "me.error.unknown": "Ich finde nichts unter Ihrem Namen.",
    "me.export.ready": "Hier sind alle Ihre Daten: `{name}` ({size} Bytes).", "me.export.long": "Der Export ist lang: er liegt als Datei bei.",
    "me.erase.confirm": "Ihre Daten löschen? Ihr Name, Ihre Konten, Rollen und Kontaktangaben werden gelöscht. Ihre Initiativen, Berichte, Ideen und Umfragen bleiben für das Netzwerk, ohne Ihren Namen; Ihre Stimmen bleiben gezählt, ohne Sie. Das ist endgültig.",
    "me.erase.done": "Erledigt: Ihre persönlichen Daten sind gelöscht. Wenn Sie den Bot weiter nutzen, gelten Sie als neue Person.",
  },
  nl: {
    "me.title": "Wat de bot over u bewaart", "me.intro": "Deze gegevens dienen om u in uw taal te antwoorden, u op elk platform te herkennen en uw bijdragen aan u toe te schrijven.",
    "me.field.name": "Naam", "me.field.language": "Taal en tijdzone", "me.field.accounts": "Accounts", "me.field.roles": "Rollen",
    "me.counts": "Uw bijdragen: {initiatives} initiatief/initiatieven, {sheets} fiche(s), {ideas} idee(ën), {polls} peiling(en), {votes} stem(men), {follows} ‘wij doen het ook’, {tools} gemelde tool(s), {registrations} inschrijving(en) voor evenementen; {events} activiteitsspoor/-sporen, {messages} bericht(en) aan u in de verzendwachtrij.",
    "me.hint": "Alles exporteren: `/cdce moi export` · alles wissen: `/cdce moi supprimer`",
    "me.button.export": "Exporteren (JSON)", "me.button.erase": "Mijn gegevens wissen", "me.button.confirmErase": "Ja, alles wissen",
    "me.error.unknown": "Ik vind niets op uw naam.",
    "me.export.ready": "Hier zijn al uw gegevens: `{name}` ({size} bytes).", "me.export.long": "De export is lang: hij zit als bestand in de bijlage.",
    "me.erase.confirm": "Uw gegevens wissen? Uw naam, accounts, rollen en contactgegevens worden verwijderd. Uw initiatieven, fiches, ideeën en peilingen blijven voor het netwerk, zonder uw naam; uw stemmen blijven geteld, zonder u. Dit is definitief.",
    "me.erase.done": "Klaar: uw persoonsgegevens zijn gewist. Als u de bot nog gebruikt, bent u voor hem een nieuwe persoon.",
  },
  en: {
    "me.title": "What the bot keeps about you", "me.intro": "This data is used to answer you in your language, recognise you on each platform and credit your contributions.",
    "me.field.name": "Name", "me.field.language": "Language and time zone", "me.field.accounts": "Accounts", "me.field.roles": "Roles",
    "me.counts": "Your contributions: {initiatives} initiative(s), {sheets} sheet(s), {ideas} idea(s), {polls} poll(s), {votes} vote(s), {follows} “we’ll do it too”, {tools} tool(s) declared, {registrations} event registration(s); {events} activity record(s), {messages} message(s) to you in the sending queue.",
    "me.hint": "Export everything: `/cdce moi export` · erase everything: `/cdce moi supprimer`",
    "me.button.export": "Export (JSON)", "me.button.erase": "Erase my data", "me.button.confirmErase": "Yes, erase everything",
    "me.error.unknown": "I find nothing in your name.",
    "me.export.ready": "Here is all your data: `{name}` ({size} bytes).", "me.export.long": "The export is long: it comes as a file.",
    "me.erase.confirm": "Erase your data? Your name, accounts, roles and contact details will be deleted. Your initiatives, sheets, ideas and polls stay for the network, without your name; your votes stay counted, without you. This cannot be undone.",
    "me.erase.done": "Done: your personal data is erased. If you use the bot again, it will see you as a new person.",
  },
});

declare module "../../core/i18n/bundles.js" {
  interface FeatureMessageKeys extends KeysOf<typeof privacyMessages> {}
}
