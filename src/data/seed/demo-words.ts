/**
 * Words of the demo history: fictional people's names and the titles of actions and
 * webinars, by language. Demo data, written to look like what CDCE communes do (stands,
 * breakfasts, school actions, markets with local producers), not taken from any register.
 */
import type { Locale } from "../../core/types.js";

/** A deterministic pseudo-random generator (mulberry32): the same seed gives the same history. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a: a stable hash of a text, the seed of a commune's generator. */
export function hashText(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

export const FIRST_NAMES: Record<"fr" | "de" | "nl", readonly string[]> = {
  fr: ["Marie", "Luc", "Sophie", "Jean", "Claire", "Thomas", "Nathalie", "Pierre", "Julie", "Olivier", "Anne", "Benoît", "Camille", "David", "Élise", "François", "Hélène", "Karim", "Laura", "Mathieu", "Nadia", "Pascal", "Sarah", "Vincent"],
  de: ["Anna", "Lukas", "Sabine", "Jürgen", "Petra", "Stefan", "Monika", "Thomas", "Claudia", "Markus", "Ingrid", "Jan"],
  nl: ["An", "Pieter", "Els", "Joris", "Katrien", "Wim", "Lies", "Bart", "Sofie", "Koen"],
};

export const LAST_NAMES: Record<"fr" | "de" | "nl", readonly string[]> = {
  fr: ["Dubois", "Lambert", "Martin", "Dupont", "Leroy", "Lejeune", "Renard", "Simon", "Collard", "Henry", "Lemaire", "Gilson", "Mathy", "Pirard", "Dethier", "Wauters", "François", "Jacquet", "Thiry", "Goffin"],
  de: ["Mertens", "Schmitz", "Kessler", "Heinen", "Cremer", "Lennertz", "Kohnen", "Jost", "Wintgens", "Hilligsmann"],
  nl: ["Peeters", "Janssens", "Maes", "Claes", "Wouters", "Goossens", "De Smet", "Willems"],
};

/** What a local action is called, by the language of the commune. */
export interface ActionWords {
  kind: "stand" | "atelier" | "petit-dejeuner" | "marche" | "ecole" | "degustation" | "conseil";
  /** The event type when the action is a local event (`LOCAL_TYPES`). */
  eventType: "stand" | "atelier" | "petit-dejeuner" | "marche" | "action-ecole" | "autre";
  partners: readonly ("commerce" | "horeca" | "ecole" | "association" | "producteur" | "media")[];
  criteria: readonly number[];
  title: Record<"fr" | "de", string>;
  description: Record<"fr" | "de", string>;
}

export const ACTIONS: readonly ActionWords[] = [
  {
    kind: "stand",
    eventType: "stand",
    partners: ["association"],
    criteria: [4],
    title: { fr: "Stand commerce équitable au marché", de: "Fairtrade-Stand auf dem Markt" },
    description: { fr: "Dégustation de café et de jus équitables, jeu-quiz pour les enfants.", de: "Verkostung von fairem Kaffee und Saft, Quiz für Kinder." },
  },
  {
    kind: "petit-dejeuner",
    eventType: "petit-dejeuner",
    partners: ["association", "producteur"],
    criteria: [4, 6],
    title: { fr: "Petit-déjeuner équitable et local", de: "Faires und regionales Frühstück" },
    description: { fr: "Produits équitables et producteurs de la région, à la salle communale.", de: "Faire Produkte und Erzeuger aus der Region im Gemeindesaal." },
  },
  {
    kind: "ecole",
    eventType: "action-ecole",
    partners: ["ecole"],
    criteria: [3, 4],
    title: { fr: "Animation commerce équitable à l’école", de: "Fairtrade-Projekttag in der Schule" },
    description: { fr: "Deux classes de 5e primaire découvrent le parcours du cacao.", de: "Zwei Klassen entdecken den Weg des Kakaos." },
  },
  {
    kind: "marche",
    eventType: "marche",
    partners: ["commerce", "producteur"],
    criteria: [2, 6],
    title: { fr: "Marché des producteurs locaux et équitables", de: "Markt der regionalen und fairen Erzeuger" },
    description: { fr: "Les commerçant·es du centre et trois producteurs locaux réunis un samedi matin.", de: "Geschäfte und drei regionale Erzeuger an einem Samstagmorgen." },
  },
  {
    kind: "degustation",
    eventType: "stand",
    partners: ["horeca"],
    criteria: [2, 4],
    title: { fr: "Semaine du café équitable dans les cafés", de: "Woche des fairen Kaffees in den Cafés" },
    description: { fr: "Cinq cafés servent un café équitable et affichent la campagne.", de: "Fünf Cafés schenken fairen Kaffee aus und zeigen die Kampagne." },
  },
  {
    kind: "atelier",
    eventType: "atelier",
    partners: ["association"],
    criteria: [4],
    title: { fr: "Atelier « d’où vient mon chocolat ? »", de: "Workshop „Woher kommt meine Schokolade?“" },
    description: { fr: "Atelier tout public avec une association locale.", de: "Workshop für alle mit einem örtlichen Verein." },
  },
  {
    kind: "conseil",
    eventType: "autre",
    partners: [],
    criteria: [1],
    title: { fr: "Café et jus équitables dans les services communaux", de: "Fairer Kaffee und Saft in der Gemeindeverwaltung" },
    description: { fr: "Le collège a renouvelé la commande : deux produits équitables dans tous les services.", de: "Das Kollegium hat die Bestellung erneuert: zwei faire Produkte in allen Diensten." },
  },
];

/** Network webinars of the past year and the coming weeks (title in French, the network's language). */
export const WEBINARS: readonly { theme: "gouvernance" | "communication" | "partenariats" | "echange-pratiques" | "mobilisation" | "sensibilisation" | "marches-publics" | "producteurs-locaux" | "fom" | "animation"; title: string }[] = [
  { theme: "fom", title: "Préparer son Fair-O-Mètre sans stress" },
  { theme: "mobilisation", title: "Recruter et garder des bénévoles" },
  { theme: "communication", title: "Communiquer sur les réseaux sociaux" },
  { theme: "gouvernance", title: "Un CoPil qui tourne : rôles et réunions" },
  { theme: "producteurs-locaux", title: "Travailler avec les producteurs locaux (critère 6)" },
  { theme: "marches-publics", title: "Des achats publics équitables" },
  { theme: "echange-pratiques", title: "Échange de pratiques entre communes" },
  { theme: "sensibilisation", title: "Sensibiliser les écoles" },
  { theme: "animation", title: "Animer un stand qui attire" },
  { theme: "partenariats", title: "Convaincre commerces et Horeca" },
];

/** The locale of a commune's demo texts: German communes in German, the others in French. */
export function textLocale(languages: readonly Locale[]): "fr" | "de" {
  return languages[0] === "de" ? "de" : "fr";
}

/** The name pool of a commune: its main language (Brussels communes mix French and Dutch names). */
export function namePool(languages: readonly Locale[], rand: () => number): "fr" | "de" | "nl" {
  if (languages[0] === "de") return "de";
  if (languages.includes("nl") && rand() < 0.3) return "nl";
  return "fr";
}
