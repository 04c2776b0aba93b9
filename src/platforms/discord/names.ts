/**
 * The words Discord shows for command, group, sub-command and option names, in German,
 * Dutch and English beside the French base name. A German user sees `/cdce kit wörter:`,
 * Discord still sends the base names (`kit`, `mots`), so the router and the core only ever
 * meet the French words.
 *
 * The words come from what the commands already say in each language: their aliases
 * (`kit add`, `webinar anmelden`, `initiative freigeben`, `umfrage`, `erfahrung`) and
 * their help texts; option names from their help (`Titre` / `Titel` / `Title`). A French
 * word missing here gets a derived name (the French word itself, which Discord accepts in
 * every locale), listed in the registration plan (`derived`) and by test/unit/discord-registration.test.ts, so a
 * new command or option without words is seen, never silently half-translated.
 */
import type { LocalizationMap } from "discord.js";

/** German, Dutch and English for one French word; `gb` when British English differs. */
interface Words {
  de: string;
  nl: string;
  en: string;
  gb?: string;
}

const w = (de: string, nl: string, en: string, gb?: string): Words => ({ de, nl, en, ...(gb ? { gb } : {}) });

/**
 * Words that are the same in every language (codes, loanwords): not translations missing,
 * so they are not listed as derived.
 */
const SAME = new Set(["cdce", "kit", "ics", "code", "page", "format", "type", "fom", "c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8", "c9", "c10", "province", "ref", "agenda"]);

/** By French word: sub-commands, groups, top-level commands, options. */
const WORDS: Record<string, Words> = {
  // Top-level commands (families).
  "cdce-admin": w("cdce-admin", "cdce-beheer", "cdce-admin"),
  "cdce-organiser": w("cdce-organisieren", "cdce-organiseren", "cdce-organize", "cdce-organise"),
  "cdce-copil": w("cdce-steuerung", "cdce-stuurgroep", "cdce-committee"),
  "cdce-veille": w("cdce-beobachtung", "cdce-opvolging", "cdce-watch"),
  // Sub-commands and groups.
  aide: w("hilfe", "hulp", "help"),
  langue: w("sprache", "taal", "language"),
  calendrier: w("kalender", "kalender", "calendar"),
  abonnement: w("abonnieren", "abonneren", "subscribe"),
  rappels: w("erinnerungen", "herinneringen", "reminders"),
  webinaires: w("webinare", "webinars", "webinars"),
  webinaire: w("webinar", "webinar", "webinar"),
  inscrire: w("anmelden", "aanmelden", "join"),
  desinscrire: w("abmelden", "afmelden", "leave"),
  evenements: w("veranstaltungen", "evenementen", "events"),
  evenement: w("veranstaltung", "evenement", "event"),
  partager: w("teilen", "delen", "share"),
  initiatives: w("initiativen", "initiatieven", "initiatives"),
  initiative: w("initiative", "initiatief", "initiative"),
  carte: w("karte", "kaart", "map"),
  voir: w("zeigen", "tonen", "show"),
  modifier: w("bearbeiten", "wijzigen", "edit"),
  supprimer: w("löschen", "verwijderen", "delete"),
  fiches: w("erfahrungen", "ervaringen", "sheets"),
  fiche: w("erfahrung", "ervaring", "sheet"),
  sondage: w("umfrage", "peiling", "poll"),
  creer: w("erstellen", "maken", "create"),
  resultats: w("ergebnisse", "resultaten", "results"),
  fermer: w("schliessen", "sluiten", "close"),
  idee: w("idee", "idee", "idea"),
  idees: w("ideen", "ideeen", "ideas"),
  outils: w("werkzeuge", "tools", "tools"),
  outil: w("werkzeug", "tool", "tool"),
  moi: w("ich", "ik", "me"),
  exporter: w("exportieren", "exporteren", "export"),
  planifier: w("planen", "plannen", "schedule"),
  serie: w("reihe", "reeks", "series"),
  deplacer: w("verschieben", "verplaatsen", "move"),
  annuler: w("absagen", "annuleren", "cancel"),
  presences: w("anwesenheit", "aanwezigheid", "attendance"),
  relancer: w("erinnern", "herinneren", "nudge"),
  annoncer: w("ankündigen", "aankondigen", "announce"),
  participations: w("teilnahmen", "deelnames", "participation"),
  canal: w("kanal", "kanaal", "channel"),
  moderation: w("moderierung", "moderatie", "moderation"),
  role: w("rolle", "rol", "role"),
  envois: w("versand", "verzending", "outbox"),
  revendiquer: w("beanspruchen", "opeisen", "claim"),
  "ajouter-kit": w("kit-hinzufuegen", "kit-toevoegen", "add-kit"),
  "importer-kits": w("kits-importieren", "kits-importeren", "import-kits"),
  "modifier-kit": w("kit-bearbeiten", "kit-wijzigen", "edit-kit"),
  "retirer-kit": w("kit-zurueckziehen", "kit-intrekken", "withdraw-kit"),
  "historique-kit": w("kit-verlauf", "kit-geschiedenis", "kit-history"),
  fichier: w("datei", "bestand", "file"),
  accueil: w("startseite", "startpagina", "home"),
  "tableau-epingler": w("übersicht-anheften", "overzicht-vastzetten", "pin-dashboard"),
  "commune-ajouter": w("gemeinde-hinzufuegen", "gemeente-toevoegen", "add-commune"),
  "commune-modifier": w("gemeinde-aendern", "gemeente-wijzigen", "edit-commune"),
  "commune-fusionner": w("gemeinde-fusionieren", "gemeente-fuseren", "merge-communes"),
  reunion: w("sitzung", "vergadering", "meeting"),
  valider: w("freigeben", "goedkeuren", "approve"),
  refuser: w("ablehnen", "weigeren", "reject"),
  avancer: w("vorspulen", "vooruit", "advance"),
  boite: w("postfach", "postvak", "inbox"),
  membres: w("mitglieder", "leden", "members"),
  ajouter: w("hinzufuegen", "toevoegen", "add"),
  retirer: w("entfernen", "verwijderen", "remove"),
  etat: w("stand", "stand", "status"),
  dossier: w("dossier", "dossier", "file"),
  soumis: w("eingereicht", "ingediend", "submitted"),
  preuve: w("nachweis", "bewijs", "evidence"),
  diagnostic: w("diagnose", "diagnose", "diagnosis"),
  remplir: w("ausfüllen", "invullen", "fill"),
  envoyer: w("senden", "versturen", "send"),
  ecrire: w("schreiben", "schrijven", "write"),
  declarer: w("melden", "melden", "declare"),
  dynamique: w("dynamik", "dynamiek", "momentum"),
  tableau: w("übersicht", "overzicht", "dashboard"),
  parrainages: w("patenschaften", "meterschappen", "mentoring"),
  proposer: w("vorschlagen", "voorstellen", "propose"),
  terminer: w("beenden", "beeindigen", "end"),
  // Options.
  commande: w("befehl", "opdracht", "command"),
  usage: w("zweck", "gebruik", "purpose"),
  commune: w("gemeinde", "gemeente", "commune"),
  qui: w("wer", "wie", "who"),
  retry: w("wiederholen", "opnieuw", "retry"),
  cancel: w("abbrechen", "annuleren", "cancel"),
  mots: w("wörter", "woorden", "words"),
  mot: w("wort", "woord", "word"),
  public: w("zielgruppe", "doelgroep", "audience"),
  theme: w("thema", "thema", "theme"),
  profil: w("profil", "profiel", "profile"),
  titre: w("titel", "titel", "title"),
  resume: w("zusammenfassung", "samenvatting", "summary"),
  langues: w("sprachen", "talen", "languages"),
  lien: w("link", "link", "link"),
  liens: w("links", "links", "links"),
  debut: w("beginn", "begin", "start"),
  duree: w("dauer", "duur", "duration"),
  capacite: w("plätze", "plaatsen", "capacity"),
  details: w("einzelheiten", "details", "details"),
  creneau: w("termin", "tijdslot", "slot"),
  creneaux: w("termine", "tijdsloten", "slots"),
  confirmer: w("bestätigen", "bevestigen", "confirm"),
  quand: w("wann", "wanneer", "when"),
  inscription: w("anmeldung", "inschrijving", "registration"),
  noms: w("namen", "namen", "names"),
  nom: w("name", "naam", "name"),
  tous: w("alle", "allen", "all"),
  lieu: w("ort", "plaats", "place"),
  description: w("beschreibung", "beschrijving", "description"),
  nombre: w("anzahl", "aantal", "count"),
  depuis: w("ab", "vanaf", "from"),
  date: w("datum", "datum", "date"),
  partenaires: w("partner", "partners", "partners"),
  partenaire: w("partnerin", "partner", "partner"),
  criteres: w("kriterien", "criteria", "criteria"),
  critere: w("kriterium", "criterium", "criterion"),
  raison: w("grund", "reden", "reason"),
  periode: w("zeitraum", "periode", "period"),
  valeur: w("wert", "waarde", "value"),
  contexte: w("kontext", "context", "context"),
  reussi: w("gelungen", "gelukt", "worked"),
  eviter: w("vermeiden", "vermijden", "avoid"),
  conseils: w("tipps", "tips", "tips"),
  contact: w("kontakt", "contact", "contact"),
  question: w("frage", "vraag", "question"),
  choix: w("wahl", "keuze", "choice"),
  anonyme: w("anonym", "anoniem", "anonymous"),
  fin: w("ende", "einde", "end"),
  modele: w("vorlage", "sjabloon", "template"),
  numero: w("nummer", "nummer", "number"),
  texte: w("text", "tekst", "text"),
  statut: w("status", "status", "status"),
  note: w("notiz", "notitie", "note"),
  categorie: w("kategorie", "categorie", "category"),
  accompagnee: w("begleitet", "begeleid", "mentee"),
  marraine: w("patin", "meter", "mentor"),
  resultat: w("ergebnis", "resultaat", "outcome"),
  freins: w("hindernisse", "remmen", "obstacles"),
  principal: w("haupt", "belangrijkste", "main"),
  besoin: w("bedarf", "behoefte", "need"),
  detail: w("einzelheit", "toelichting", "detail"),
};

/** Discord's locales for our languages (English has two on Discord). */
type LocaleKey = "fr" | "de" | "nl" | "en-GB" | "en-US";

/** The localized names of one French word; `derived` when no words were found for it. */
export function localizedName(word: string): { map: LocalizationMap; derived: boolean } {
  const found = WORDS[word];
  const same = SAME.has(word);
  const words = found ?? { de: word, nl: word, en: word };
  const map: Record<LocaleKey, string> = { fr: word, de: words.de, nl: words.nl, "en-GB": words.gb ?? words.en, "en-US": words.en };
  return { map: map as LocalizationMap, derived: !found && !same };
}
