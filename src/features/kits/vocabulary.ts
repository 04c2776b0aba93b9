/**
 * Words people type, in French, German, Dutch and English, mapped to what they mean for the
 * catalogue: an audience, a theme, a format, a commune profile or a language. Entries are
 * written naturally (accents, plurals, phrases); `compileVocabulary` runs them through the same
 * normalisation as the index, so `élu·es`, `Élus` and `elus` all find the entry `élus`.
 *
 * Adding a synonym = adding a string here. A phrase may belong to several entries (its
 * targets are merged).
 */
import type { Audience, CommuneProfile, KitFormat, Theme } from "../../core/ports.js";
import type { Locale } from "../../core/types.js";
import { STOP_WORDS, stem, words } from "./normalize.js";

export type Target =
  | { kind: "audience"; value: Audience }
  | { kind: "theme"; value: Theme }
  | { kind: "format"; value: KitFormat }
  | { kind: "profile"; value: CommuneProfile }
  | { kind: "language"; value: Locale };

type Words = Partial<Record<Locale, string[]>>;
interface Entry { target: Target; words: Words }

const a = (value: Audience, w: Words): Entry => ({ target: { kind: "audience", value }, words: w });
const t = (value: Theme, w: Words): Entry => ({ target: { kind: "theme", value }, words: w });
const f = (value: KitFormat, w: Words): Entry => ({ target: { kind: "format", value }, words: w });
const p = (value: CommuneProfile, w: Words): Entry => ({ target: { kind: "profile", value }, words: w });
const l = (value: Locale, w: Words): Entry => ({ target: { kind: "language", value }, words: w });

/** The raw vocabulary. Canonical values (`jeunes`, `marches-publics`...) are added automatically. */
export const ENTRIES: readonly Entry[] = [
  // ------------------------------------------------------------ audiences
  a("jeunes", {
    fr: ["jeune", "jeunes", "jeunesse", "ados", "adolescents", "maison de jeunes", "maisons de jeunes", "mouvement de jeunesse", "mouvements de jeunesse", "scouts", "patro", "guides et scouts", "16 ans", "16+", "étudiants", "génération z"],
    de: ["Jugend", "Jugendliche", "Jugendlichen", "Jugendhaus", "Jugendheim", "Jugendbewegung", "junge Leute"],
    nl: ["jongeren", "jeugd", "jongere", "jeugdhuis", "jeugdbeweging", "jeugdbewegingen", "tieners"],
    en: ["youth", "young", "young people", "youngsters", "teens", "teenagers", "youth club", "youth movement"],
  }),
  a("elus", {
    fr: ["élu", "élus", "élue", "élues", "mandataire", "mandataires", "mandataires communaux", "échevin", "échevins", "échevine", "échevinat", "bourgmestre", "conseil communal", "conseiller communal", "conseillère communale", "conseillers communaux", "collège communal", "politique", "politiques", "majorité", "inter-échevinal"],
    de: ["Gemeinderat", "Gemeinderäte", "Gemeinderatsmitglied", "Schöffe", "Schöffen", "Schöffin", "Bürgermeister", "Bürgermeisterin", "Mandatare", "Politiker", "Politikerin", "Gewählte", "Gemeindekollegium"],
    nl: ["gemeenteraad", "gemeenteraadslid", "gemeenteraadsleden", "schepen", "schepenen", "burgemeester", "verkozenen", "politici", "mandatarissen", "college van burgemeester en schepenen"],
    en: ["councillor", "councillors", "councilor", "councilors", "elected", "elected officials", "alderman", "aldermen", "mayor", "politicians", "council", "local council", "municipal council"],
  }),
  a("copil", {
    fr: ["copil", "comité de pilotage", "comités de pilotage", "comité", "coordinateur", "coordinatrice", "coordinateurs locaux", "membres du copil"],
    de: ["Steuerungsgruppe", "Lenkungsausschuss", "Steuerungskomitee", "Koordinator", "Koordinatorin"],
    nl: ["stuurgroep", "stuurgroepen", "trekkersgroep", "coördinator"],
    en: ["steering committee", "steering group", "committee", "local coordinator"],
  }),
  a("benevoles", {
    fr: ["bénévole", "bénévoles", "bénévolat", "volontaire", "volontaires", "militant", "militants"],
    de: ["Ehrenamtliche", "Ehrenamtlicher", "Ehrenamt", "Freiwillige", "Freiwilliger", "Helfer"],
    nl: ["vrijwilliger", "vrijwilligers", "vrijwilligerswerk"],
    en: ["volunteer", "volunteers", "volunteering", "activists"],
  }),
  a("ambassadeurs", {
    fr: ["ambassadeur", "ambassadeurs", "ambassadrice", "ambassadrices", "relais", "personnes relais"],
    de: ["Botschafter", "Botschafterin", "Botschafterinnen"],
    nl: ["ambassadeur", "ambassadeurs", "ambassadrice"],
    en: ["ambassador", "ambassadors", "champions"],
  }),
  a("agents", {
    fr: ["agent", "agents", "agent communal", "agents communaux", "administration", "administration communale", "employé", "employés", "employés communaux", "personnel communal", "fonctionnaire", "fonctionnaires", "service communal", "services communaux", "éco-conseiller", "écoconseiller", "acheteur", "acheteurs"],
    de: ["Verwaltung", "Gemeindeverwaltung", "Gemeindepersonal", "Mitarbeiter", "Mitarbeiterin", "Beamte", "Beamter", "Gemeindedienst"],
    nl: ["ambtenaar", "ambtenaren", "administratie", "gemeentepersoneel", "gemeentebestuur", "medewerkers", "gemeentediensten", "aankopers"],
    en: ["staff", "municipal staff", "civil servant", "civil servants", "administration", "officers", "employees", "buyers"],
  }),
  a("citoyens", {
    fr: ["citoyen", "citoyens", "citoyenne", "habitant", "habitants", "grand public", "population", "riverains", "consommateurs"],
    de: ["Bürger", "Bürgerinnen", "Einwohner", "Bevölkerung", "Öffentlichkeit", "Verbraucher"],
    nl: ["burgers", "burger", "inwoners", "bewoners", "publiek", "consumenten"],
    en: ["citizens", "citizen", "residents", "general public", "public", "consumers", "inhabitants"],
  }),
  a("commercants", {
    fr: ["commerçant", "commerçants", "commerce local", "commerces", "magasin", "magasins", "boutique", "boutiques", "horeca", "restaurant", "restaurants", "restaurateurs", "cafés restaurants", "cafetiers", "épicerie", "épiceries", "supermarché", "vitrine", "vitrines"],
    de: ["Geschäfte", "Geschäft", "Händler", "Einzelhandel", "Laden", "Läden", "Gastronomie", "Gaststätten", "Restaurants"],
    nl: ["winkels", "winkel", "handelaars", "handelaar", "winkeliers", "middenstand", "horeca", "restaurants"],
    en: ["shops", "shop", "shopkeepers", "retailers", "stores", "store", "horeca", "restaurants", "hospitality"],
  }),
  a("ecoles", {
    fr: ["école", "écoles", "scolaire", "enseignant", "enseignants", "enseignante", "professeur", "professeurs", "prof", "profs", "élève", "élèves", "classe", "classes", "cantine", "direction d'école"],
    de: ["Schule", "Schulen", "Lehrer", "Lehrerin", "Lehrkräfte", "Schüler", "Klasse", "Schulkantine"],
    nl: ["school", "scholen", "leerkracht", "leerkrachten", "leerlingen", "klas", "leraar"],
    en: ["school", "schools", "teacher", "teachers", "pupils", "students", "classroom"],
  }),
  a("associations", {
    fr: ["association", "associations", "asbl", "club", "clubs", "club sportif", "mouvement", "mouvements", "monde associatif", "organisation", "organisations", "entreprise", "entreprises"],
    de: ["Verein", "Vereine", "Vereinigung", "Organisation", "Organisationen", "Unternehmen", "Betriebe", "Firmen"],
    nl: ["vereniging", "verenigingen", "vzw", "organisatie", "organisaties", "bedrijven", "bedrijf", "sportclub"],
    en: ["association", "associations", "nonprofit", "non-profit", "clubs", "organisation", "organisations", "organization", "organizations", "businesses", "companies"],
  }),
  a("coordination", {
    fr: ["coordination", "équipe de coordination", "coordination nationale", "oxfam", "oxfam-magasins du monde", "fairtrade belgium"],
    de: ["Koordination", "Koordinationsteam"],
    nl: ["coördinatie", "coördinatieteam"],
    en: ["coordination", "coordination team", "national team"],
  }),

  // --------------------------------------------------------------- themes
  t("communication", {
    fr: ["communication", "communiquer", "com", "visibilité", "visuel", "visuels", "logo", "logos", "charte graphique", "identité visuelle", "bulletin communal", "newsletter", "site web", "site internet", "page web"],
    de: ["Kommunikation", "Sichtbarkeit", "Logo", "Webseite", "Gemeindeblatt"],
    nl: ["communicatie", "zichtbaarheid", "logo", "website", "huisstijl", "gemeenteblad"],
    en: ["communication", "communications", "visibility", "branding", "logo", "website", "web page"],
  }),
  t("mobilisation", {
    fr: ["mobilisation", "mobiliser", "recruter", "recrutement", "recrutements", "engagement", "essoufflement", "relance", "relancer", "dynamiser", "motiver", "impliquer", "nouveaux membres", "renouvellement"],
    de: ["Mobilisierung", "mobilisieren", "Anwerbung", "gewinnen", "Engagement", "Rekrutierung", "Motivation"],
    nl: ["mobilisatie", "mobiliseren", "werving", "werven", "rekrutering", "betrokkenheid", "engagement"],
    en: ["mobilisation", "mobilization", "mobilise", "mobilize", "recruitment", "recruit", "recruiting", "engagement", "engage", "outreach"],
  }),
  t("gouvernance", {
    fr: ["gouvernance", "charte", "charte du copil", "fonctionnement", "règles de fonctionnement", "rôles", "organisation interne", "tableau de bord", "bonnes pratiques", "pérenniser", "pérennité"],
    de: ["Governance", "Charta", "Satzung", "Arbeitsweise", "Rollen", "Dashboard", "gute Praxis"],
    nl: ["bestuur", "governance", "charter", "werking", "rollen", "dashboard", "goede praktijken"],
    en: ["governance", "charter", "rules", "roles", "dashboard", "good practices", "best practices"],
  }),
  t("evenement", {
    fr: ["événement", "événements", "évènement", "évènements", "evenement", "animation", "animations", "animer", "stand", "stands", "marché", "marchés", "marché de noël", "marché hebdomadaire", "petit-déjeuner", "petits-déjeuners", "petit déjeuner", "déjeuner", "goûter", "brocante", "fête", "festival", "dégustation", "semaine du commerce équitable", "journée mondiale du commerce équitable", "journée mondiale", "action de sensibilisation", "actions"],
    de: ["Veranstaltung", "Veranstaltungen", "Event", "Stand", "Infostand", "Markt", "Frühstück", "Fest", "Verkostung", "Aktion", "Woche des fairen Handels", "Weltladentag"],
    nl: ["evenement", "evenementen", "activiteit", "activiteiten", "kraam", "infostand", "markt", "ontbijt", "feest", "proeverij", "actie", "week van de fair trade"],
    en: ["event", "events", "stall", "booth", "market", "breakfast", "tasting", "festival", "world fair trade day", "fair trade week", "activity", "action"],
  }),
  t("formation", {
    fr: ["formation", "formations", "former", "se former", "webinaire", "webinaires", "conférence", "cycle de formation", "apprendre", "échange d'expériences", "échange de pratiques"],
    de: ["Schulung", "Schulungen", "Weiterbildung", "Ausbildung", "Fortbildung", "Webinar", "Erfahrungsaustausch"],
    nl: ["opleiding", "opleidingen", "vorming", "training", "webinar", "bijscholing", "uitwisseling"],
    en: ["training", "trainings", "train", "webinar", "webinars", "course", "learning", "coaching"],
  }),
  t("marches-publics", {
    fr: ["marchés publics", "marché public", "clause", "clauses", "clauses sociales", "achat", "achats", "achats publics", "achat public", "cahier des charges", "cahier spécial des charges", "appel d'offres", "commande publique"],
    de: ["öffentliche Aufträge", "öffentliches Auftragswesen", "Vergabe", "Beschaffung", "Ausschreibung", "Klausel", "Klauseln", "Einkauf", "Lastenheft"],
    nl: ["overheidsopdrachten", "overheidsopdracht", "aanbesteding", "aanbestedingen", "clausule", "clausules", "aankoop", "aankopen", "aankoopbeleid", "bestek"],
    en: ["public procurement", "procurement", "tender", "tenders", "purchasing", "clause", "clauses", "buying", "specifications"],
  }),
  t("partenariats", {
    fr: ["partenariat", "partenariats", "partenaire", "partenaires", "synergie", "synergies", "collaboration", "coopération", "marraine", "commune marraine", "parrainage", "marrainage", "mentorat", "binôme", "binômes", "communes voisines", "réseau"],
    de: ["Partnerschaft", "Partnerschaften", "Partner", "Zusammenarbeit", "Patenschaft", "Patengemeinde", "Mentoring", "Netzwerk"],
    nl: ["partnerschap", "partnerschappen", "partners", "samenwerking", "peterschap", "metergemeente", "mentorschap", "netwerk"],
    en: ["partnership", "partnerships", "partners", "cooperation", "collaboration", "mentoring", "mentor", "twinning", "sponsor", "network"],
  }),
  t("sensibilisation", {
    fr: ["sensibilisation", "sensibiliser", "argumentaire", "arguments", "plaidoyer", "convaincre", "expliquer", "informer", "éducation", "pédagogique"],
    de: ["Sensibilisierung", "sensibilisieren", "Argumente", "Argumentation", "überzeugen", "Bewusstsein", "Aufklärung"],
    nl: ["sensibilisering", "sensibiliseren", "bewustmaking", "argumenten", "argumentatie", "overtuigen"],
    en: ["awareness", "raising awareness", "arguments", "advocacy", "convince", "persuade", "education"],
  }),
  t("fom", {
    fr: ["fom", "fair-o-mètre", "fair o mètre", "fairometre", "fair-o-metre", "autoévaluation", "auto-évaluation", "évaluation", "questionnaire fom", "renouvellement du titre", "critères", "six critères", "6 critères", "titre", "reconfirmation"],
    de: ["Selbstbewertung", "Bewertung", "Kriterien", "Titel", "Titelerneuerung"],
    nl: ["zelfevaluatie", "evaluatie", "criteria", "titel", "hernieuwing"],
    en: ["self-assessment", "assessment", "evaluation", "criteria", "title renewal", "title"],
  }),
  t("enquete", {
    fr: ["enquête", "enquêtes", "enquête citoyenne", "sondage", "sondages", "consultation", "boîte à idées", "idées", "idée", "avis", "participation citoyenne"],
    de: ["Umfrage", "Umfragen", "Befragung", "Ideenbox", "Ideenkasten", "Ideen", "Bürgerbeteiligung"],
    nl: ["enquête", "bevraging", "peiling", "ideeënbus", "ideeën", "inspraak", "burgerparticipatie"],
    en: ["survey", "surveys", "poll", "consultation", "idea box", "suggestion box", "ideas", "feedback"],
  }),
  t("medias", {
    fr: ["médias", "média", "médias locaux", "presse", "presse locale", "journal", "journaux", "journaliste", "journalistes", "radio", "télé", "télévision locale", "communiqué de presse", "communiqués"],
    de: ["Medien", "Presse", "Zeitung", "Lokalpresse", "Journalist", "Pressemitteilung", "Rundfunk"],
    nl: ["media", "pers", "lokale media", "krant", "journalist", "persbericht", "lokale radio"],
    en: ["media", "local media", "press", "newspaper", "journalist", "journalists", "press release", "radio"],
  }),
  t("producteurs-locaux", {
    fr: ["producteur", "producteurs", "productrice", "productrices", "producteurs locaux", "collège des producteurs", "agriculteur", "agriculteurs", "agriculture", "agricole", "paysan", "paysans", "circuit court", "circuits courts", "produits locaux", "critère 6", "local et durable", "alimentation durable", "ferme", "fermes"],
    de: ["Erzeuger", "Produzenten", "Landwirte", "Landwirtschaft", "regionale Produkte", "lokale Produkte", "Kriterium 6", "Bauern", "Direktvermarktung"],
    nl: ["producenten", "producent", "boeren", "landbouw", "korte keten", "lokale producten", "criterium 6", "hoeve"],
    en: ["producers", "producer", "farmers", "farming", "agriculture", "local food", "local products", "short supply chain", "criterion 6"],
  }),

  // -------------------------------------------------------------- formats
  f("affiche", {
    fr: ["affiche", "affiches", "affichage", "poster", "posters", "flyer", "flyers", "tract", "tracts", "dépliant", "autocollant", "autocollants", "kakémono", "banderole"],
    de: ["Plakat", "Plakate", "Poster", "Flyer", "Aufkleber", "Aushang"],
    nl: ["affiche", "affiches", "poster", "posters", "flyer", "folder", "sticker"],
    en: ["poster", "posters", "flyer", "flyers", "leaflet", "sticker", "banner"],
  }),
  f("post", {
    fr: ["post", "posts", "publication", "publications", "réseaux sociaux", "réseau social", "instagram", "facebook", "linkedin", "story", "stories", "carrousel"],
    de: ["Beitrag", "Beiträge", "soziale Medien", "soziale Netzwerke", "Social Media"],
    nl: ["bericht", "berichten", "sociale media", "sociale netwerken"],
    en: ["post", "posts", "social media", "social network", "socials"],
  }),
  f("video", {
    fr: ["vidéo", "vidéos", "clip", "clips", "tiktok", "reel", "reels", "youtube", "film", "capsule vidéo", "vidéos courtes"],
    de: ["Video", "Videos", "Kurzvideo", "Film"],
    nl: ["video", "video's", "filmpje", "filmpjes"],
    en: ["video", "videos", "short videos", "clip", "reels"],
  }),
  f("guide", {
    fr: ["guide", "guides", "guide pratique", "vade-mecum", "mode d'emploi", "manuel", "méthode"],
    de: ["Leitfaden", "Handbuch", "Anleitung", "Ratgeber"],
    nl: ["gids", "handleiding", "leidraad", "draaiboek"],
    en: ["guide", "guidebook", "handbook", "manual", "how-to"],
  }),
  f("modele", {
    fr: ["modèle", "modèles", "template", "templates", "gabarit", "canevas", "modèle de mail", "modèles de mails", "exemple de lettre", "trame"],
    de: ["Vorlage", "Vorlagen", "Muster", "Mustertext"],
    nl: ["sjabloon", "sjablonen", "model", "modellen", "voorbeeldtekst"],
    en: ["template", "templates", "model", "sample", "boilerplate"],
  }),
  f("presentation", {
    fr: ["présentation", "présentations", "diaporama", "slides", "powerpoint", "ppt", "support de présentation"],
    de: ["Präsentation", "Präsentationen", "Folien", "Vortrag"],
    nl: ["presentatie", "presentaties", "dia's", "powerpoint"],
    en: ["presentation", "presentations", "slides", "slide deck", "deck", "powerpoint"],
  }),
  f("fiche", {
    fr: ["fiche", "fiches", "fiche pratique", "checklist", "check-list", "liste de contrôle", "aide-mémoire", "mémo", "fiche action"],
    de: ["Merkblatt", "Infoblatt", "Datenblatt", "Checkliste", "Steckbrief"],
    nl: ["fiche", "fiches", "checklist", "infofiche", "factsheet"],
    en: ["sheet", "factsheet", "fact sheet", "checklist", "cheat sheet", "tip sheet"],
  }),
  f("atelier", {
    fr: ["atelier", "ateliers", "animation d'atelier", "séance", "session"],
    de: ["Workshop", "Workshops", "Werkstatt"],
    nl: ["workshop", "workshops", "werksessie"],
    en: ["workshop", "workshops", "session"],
  }),
  f("kit", {
    fr: ["mallette", "boîte à outils", "clé en main", "clés en main", "clé-sur-porte", "pack", "trousse"],
    de: ["Werkzeugkasten", "Toolkit", "Paket", "Materialpaket"],
    nl: ["toolkit", "gereedschapskist", "pakket", "koffer"],
    en: ["toolkit", "toolbox", "pack", "ready-to-use"],
  }),
  f("questionnaire", {
    fr: ["questionnaire", "questionnaires", "formulaire", "formulaires", "grille", "grille d'analyse"],
    de: ["Fragebogen", "Formular"],
    nl: ["vragenlijst", "formulier"],
    en: ["questionnaire", "form", "forms"],
  }),

  // ------------------------------------------------------------- profiles
  p("rural", {
    fr: ["rural", "rurale", "ruraux", "rurales", "village", "villages", "petite commune", "petites communes", "campagne rurale", "ardenne", "ardennes"],
    de: ["ländlich", "ländliche", "Dorf", "Dörfer"],
    nl: ["landelijk", "platteland", "dorp", "dorpen"],
    en: ["rural", "village", "villages", "countryside", "small town"],
  }),
  p("urbain", {
    fr: ["urbain", "urbaine", "urbains", "ville", "villes", "grande ville", "quartier", "quartiers", "métropole"],
    de: ["städtisch", "Stadt", "Städte", "Großstadt", "Viertel"],
    nl: ["stedelijk", "stad", "steden", "wijk", "wijken", "grootstad"],
    en: ["urban", "city", "cities", "neighbourhood", "neighborhood"],
  }),
  p("periurbain", {
    fr: ["périurbain", "périurbaine", "périurbains", "banlieue", "périphérie", "semi-rural"],
    de: ["Stadtrand", "Vorort", "Vororte", "Speckgürtel"],
    nl: ["randstedelijk", "voorstad"],
    en: ["periurban", "peri-urban", "suburban", "suburbs", "suburb"],
  }),

  // ------------------------------------------------------------ languages
  // Bare codes (de, en, nl, fr) are decided by position in query.ts, not here.
  l("fr", { fr: ["français", "francais", "francophone"], de: ["Französisch"], nl: ["Frans", "Franstalig"], en: ["French"] }),
  l("de", { fr: ["allemand", "germanophone", "communauté germanophone"], de: ["Deutsch", "deutsche", "deutschsprachig", "DG", "Ostbelgien"], nl: ["Duits", "Duitstalig"], en: ["German"] }),
  l("nl", { fr: ["néerlandais", "flamand", "néerlandophone"], de: ["Niederländisch", "Flämisch"], nl: ["Nederlands", "Nederlandstalig", "Vlaams"], en: ["Dutch", "Flemish"] }),
  l("en", { fr: ["anglais", "anglophone"], de: ["Englisch"], nl: ["Engels", "Engelstalig"], en: ["English"] }),
];

/** A phrase of the vocabulary after normalisation. */
export interface VocabTerm {
  /** Stems of the non-stop words, joined by a space: the lookup key. */
  key: string;
  /** Number of words in the key. */
  length: number;
  /** As written in the vocabulary, for suggestions. */
  surface: string;
  /** Folded surface, for edit distance against folded user words. */
  folded: string;
  locale: Locale;
  targets: Target[];
}

export interface CompiledVocabulary {
  byKey: Map<string, VocabTerm>;
  /** Longest phrase, in words. */
  maxLength: number;
  /** One-word terms, for typo tolerance. */
  single: VocabTerm[];
  /** Every term, for suggestions. */
  all: VocabTerm[];
}

const sameTarget = (x: Target, y: Target) => x.kind === y.kind && x.value === y.value;

/** Normalises every phrase of `entries` into lookup keys (plus the canonical values themselves). */
export function compileVocabulary(entries: readonly Entry[] = ENTRIES): CompiledVocabulary {
  const byKey = new Map<string, VocabTerm>();
  const add = (surface: string, locale: Locale, target: Target) => {
    const stems = words(surface).filter((w) => !STOP_WORDS.has(w)).map(stem);
    if (stems.length === 0) return;
    const key = stems.join(" ");
    const existing = byKey.get(key);
    if (existing) {
      if (!existing.targets.some((x) => sameTarget(x, target))) existing.targets.push(target);
      return;
    }
    byKey.set(key, { key, length: stems.length, surface, folded: words(surface).join(" "), locale, targets: [target] });
  };
  for (const e of entries) {
    // The canonical value is a word too (`marches-publics`, `elus`), written as the command options.
    if (e.target.kind !== "language") add(e.target.value, "fr", e.target);
    for (const [locale, list] of Object.entries(e.words) as [Locale, string[]][]) {
      for (const w of list) add(w, locale, e.target);
    }
  }
  const all = [...byKey.values()];
  return {
    byKey,
    maxLength: Math.max(1, ...all.map((v) => v.length)),
    single: all.filter((v) => v.length === 1),
    all,
  };
}
