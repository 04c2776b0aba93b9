/**
 * Which top-level Discord command each registry command lives under, and at what path.
 *
 * Everyday actions of every person are sub-commands of `/cdce` (`/cdce kit mots:jeunes`,
 * `/cdce inscrire code:…`, `/cdce partager`); management moves to a few more top-level
 * commands, one per family, each with its own 8,000-character and 25-entry budget:
 * `/cdce-admin` (network set-up and admin), `/cdce-organiser` (webinars and events),
 * `/cdce-copil` (CoPil roster, Fair-O-Mètre records, diagnostic, experience sheets, tool
 * inventory), `/cdce-veille` (watch, dashboard, mentoring).
 *
 * PLACES gives the readable path of each known command. A command it does not name lands
 * somewhere by itself: in the family of its first word (FAMILY_OF_WORD), else in
 * `/cdce-admin` when it needs a right, else in `/cdce`; its path is its name with dashes
 * (`fom export` → `/cdce-copil fom-export`). The registration test fails when a family
 * outgrows Discord's limits, so a growing family is split here, on purpose.
 */
import type { LocalizedText } from "../../core/types.js";

export const FAMILIES = ["cdce", "cdce-admin", "cdce-organiser", "cdce-copil", "cdce-veille"] as const;
export type Family = (typeof FAMILIES)[number];

/** The everyday command: what every person types. */
export const ROOT_COMMAND: Family = "cdce";

/** What each top-level command is for, as Discord shows it under its name. */
export const FAMILY_HELP: Record<Family, LocalizedText> = {
  cdce: {
    fr: "L’assistant du réseau des Communes du Commerce Équitable",
    de: "Der Assistent des Netzwerks der Fair-Trade-Gemeinden",
    nl: "De assistent van het netwerk van Fairtrade-gemeenten",
    en: "The assistant of the Fair Trade Towns network",
  },
  "cdce-admin": {
    fr: "Mise en place et administration du réseau (coordination)",
    de: "Einrichtung und Verwaltung des Netzwerks (Koordination)",
    nl: "Inrichting en beheer van het netwerk (coördinatie)",
    en: "Network set-up and administration (coordination)",
  },
  "cdce-organiser": {
    fr: "Organiser des webinaires et des événements locaux",
    de: "Webinare und lokale Veranstaltungen organisieren",
    nl: "Webinars en lokale evenementen organiseren",
    en: "Organise webinars and local events",
  },
  "cdce-copil": {
    fr: "Comité de pilotage : membres, Fair-O-Mètre, diagnostic, fiches, outils",
    de: "Steuerungsgruppe: Mitglieder, Fair-O-Meter, Diagnose, Erfahrungen, Werkzeuge",
    nl: "Stuurgroep: leden, Fair-O-Meter, diagnose, ervaringen, tools",
    en: "Steering committee: members, Fair-O-Meter, diagnosis, sheets, tools",
  },
  "cdce-veille": {
    fr: "Veille de la dynamique des communes, tableau de bord et parrainages",
    de: "Dynamik der Gemeinden beobachten, Übersicht und Patenschaften",
    nl: "Dynamiek van de gemeenten opvolgen, overzicht en meterschappen",
    en: "Watch the communes’ momentum, dashboard and mentoring",
  },
};

/** Sub-command groups: what the group holds, as Discord shows it. */
export const GROUP_HELP: Record<string, LocalizedText> = {
  initiative: {
    fr: "Voir, modifier ou supprimer une initiative",
    de: "Eine Initiative zeigen, bearbeiten oder löschen",
    nl: "Een initiatief tonen, wijzigen of verwijderen",
    en: "Show, edit or delete an initiative",
  },
  sondage: {
    fr: "Créer un sondage, voir ses résultats, le fermer",
    de: "Eine Umfrage erstellen, Ergebnisse sehen, schließen",
    nl: "Een peiling maken, resultaten bekijken, sluiten",
    en: "Create a poll, see its results, close it",
  },
  moi: {
    fr: "Mes données : les voir, les exporter, les supprimer",
    de: "Meine Daten: ansehen, exportieren, löschen",
    nl: "Mijn gegevens: bekijken, exporteren, verwijderen",
    en: "My data: see, export or delete it",
  },
  fom: {
    fr: "Le Fair-O-Mètre : état, dossier, envoi, preuves",
    de: "Das Fair-O-Meter: Stand, Dossier, Einreichung, Nachweise",
    nl: "De Fair-O-Meter: stand, dossier, indiening, bewijzen",
    en: "The Fair-O-Meter: status, file, submission, evidence",
  },
  diagnostic: {
    fr: "Le diagnostic des freins de la commune",
    de: "Die Diagnose der Hindernisse der Gemeinde",
    nl: "De diagnose van de remmen van de gemeente",
    en: "The diagnosis of the commune’s obstacles",
  },
  fiche: {
    fr: "Fiches d’expérience : en écrire, en supprimer",
    de: "Erfahrungsberichte: schreiben, löschen",
    nl: "Ervaringsfiches: schrijven, verwijderen",
    en: "Experience sheets: write or delete one",
  },
  outil: {
    fr: "L’inventaire des outils de la commune",
    de: "Das Werkzeuginventar der Gemeinde",
    nl: "De toolinventaris van de gemeente",
    en: "The commune’s tool inventory",
  },
};

/** A registry command's place: its top-level command, then `sub` or `group sub`. */
export interface Place {
  family: Family;
  path: string;
}

const at = (family: Family, path: string): Place => ({ family, path });

/** The readable places of the known commands (see the file comment). */
export const PLACES: Readonly<Record<string, Place>> = {
  // Everyday, every person: /cdce …
  aide: at("cdce", "aide"),
  langue: at("cdce", "langue"),
  kit: at("cdce", "kit"),
  agenda: at("cdce", "agenda"),
  "agenda lien": at("cdce", "abonnement"),
  ics: at("cdce", "calendrier"),
  rappels: at("cdce", "rappels"),
  webinaires: at("cdce", "webinaires"),
  webinaire: at("cdce", "webinaire"),
  "webinaire rejoindre": at("cdce", "inscrire"),
  "webinaire quitter": at("cdce", "desinscrire"),
  evenements: at("cdce", "evenements"),
  initiative: at("cdce", "partager"),
  "initiative chercher": at("cdce", "initiatives"),
  "initiative carte": at("cdce", "carte"),
  "initiative voir": at("cdce", "initiative voir"),
  "initiative modifier": at("cdce", "initiative modifier"),
  "initiative supprimer": at("cdce", "initiative supprimer"),
  "retour chercher": at("cdce", "fiches"),
  "retour voir": at("cdce", "fiche"),
  sondage: at("cdce", "sondage creer"),
  "sondage resultats": at("cdce", "sondage resultats"),
  "sondage fermer": at("cdce", "sondage fermer"),
  idee: at("cdce", "idee"),
  "idee liste": at("cdce", "idees"),
  outils: at("cdce", "outils"),
  moi: at("cdce", "moi voir"),
  "moi export": at("cdce", "moi exporter"),
  "moi supprimer": at("cdce", "moi supprimer"),
  accueil: at("cdce", "accueil"),
  // Network set-up and admin.
  "config canal": at("cdce-admin", "canal"),
  "config moderation": at("cdce-admin", "moderation"),
  role: at("cdce-admin", "role"),
  "admin envois": at("cdce-admin", "envois"),
  "admin revendiquer": at("cdce-admin", "revendiquer"),
  "kit ajouter": at("cdce-admin", "ajouter-kit"),
  "kit importer": at("cdce-admin", "importer-kits"),
  "kit modifier": at("cdce-admin", "modifier-kit"),
  "kit retirer": at("cdce-admin", "retirer-kit"),
  "kit historique": at("cdce-admin", "historique-kit"),
  "commune ajouter": at("cdce-admin", "commune-ajouter"),
  "commune modifier": at("cdce-admin", "commune-modifier"),
  "commune fusionner": at("cdce-admin", "commune-fusionner"),
  "initiative valider": at("cdce-admin", "valider"),
  "initiative refuser": at("cdce-admin", "refuser"),
  "idee statut": at("cdce-admin", "idee"),
  boite: at("cdce-admin", "boite"),
  "demo avancer": at("cdce-admin", "avancer"),
  // Webinars and local events, for those who organise them.
  "webinaire planifier": at("cdce-organiser", "planifier"),
  "webinaire serie": at("cdce-organiser", "serie"),
  "webinaire modifier": at("cdce-organiser", "modifier"),
  "webinaire deplacer": at("cdce-organiser", "deplacer"),
  "webinaire annuler": at("cdce-organiser", "annuler"),
  "webinaire presences": at("cdce-organiser", "presences"),
  "webinaire relancer": at("cdce-organiser", "relancer"),
  "evenement creer": at("cdce-organiser", "evenement"),
  "evenement partager": at("cdce-organiser", "annoncer"),
  participations: at("cdce-organiser", "participations"),
  // The steering committee's records.
  copil: at("cdce-copil", "membres"),
  "copil ajouter": at("cdce-copil", "ajouter"),
  "copil retirer": at("cdce-copil", "retirer"),
  "copil reunion": at("cdce-copil", "reunion"),
  fom: at("cdce-copil", "fom etat"),
  "fom dossier": at("cdce-copil", "fom dossier"),
  "fom soumis": at("cdce-copil", "fom soumis"),
  "fom preuve": at("cdce-copil", "fom preuve"),
  diagnostic: at("cdce-copil", "diagnostic remplir"),
  "diagnostic envoyer": at("cdce-copil", "diagnostic envoyer"),
  retour: at("cdce-copil", "fiche ecrire"),
  "retour supprimer": at("cdce-copil", "fiche supprimer"),
  "outils declarer": at("cdce-copil", "outil declarer"),
  "outils retirer": at("cdce-copil", "outil retirer"),
  // Watch and mentoring.
  veille: at("cdce-veille", "dynamique"),
  tableau: at("cdce-veille", "tableau"),
  "tableau epingler": at("cdce-veille", "tableau-epingler"),
  parrainage: at("cdce-veille", "parrainages"),
  "parrainage proposer": at("cdce-veille", "proposer"),
  "parrainage terminer": at("cdce-veille", "terminer"),
};

/** Where a command not named in PLACES goes, by its first word. */
const FAMILY_OF_WORD: Readonly<Record<string, Family>> = {
  config: "cdce-admin",
  admin: "cdce-admin",
  demo: "cdce-admin",
  webinaire: "cdce-organiser",
  evenement: "cdce-organiser",
  copil: "cdce-copil",
  fom: "cdce-copil",
  diagnostic: "cdce-copil",
  retour: "cdce-copil",
  veille: "cdce-veille",
  parrainage: "cdce-veille",
};

/** The place of any command: from PLACES, else derived (see the file comment). */
export function placeOf(command: string, needsRight: boolean): Place & { derived: boolean } {
  const known = PLACES[command];
  if (known) return { ...known, derived: false };
  const family = FAMILY_OF_WORD[command.split(" ")[0]!] ?? (needsRight ? "cdce-admin" : "cdce");
  return { family, path: command.replace(/ /g, "-"), derived: true };
}

const byPath = new Map(Object.entries(PLACES).map(([command, p]) => [`${p.family} ${p.path}`, command]));

/**
 * The registry command a Discord path names, without the registry: Discord sends the base
 * names whatever the user's language, so `/cdce-admin canal` → `config canal`. A path not in
 * PLACES is a derived one (dashes back to spaces); the core answers an unknown one.
 */
export function commandAt(root: string, group: string | null | undefined, sub: string): string {
  const path = group ? `${group} ${sub}` : sub;
  return byPath.get(`${root} ${path}`) ?? (group ? path : sub.replace(/-/g, " "));
}

/** Whether a path is reserved by PLACES (a derived command may not take it). */
export function isReserved(family: Family, path: string): boolean {
  return byPath.has(`${family} ${path}`);
}
