/**
 * The checklists of the co-management kit ("outils pour co-gérer un événement avec la commune
 * ou les partenaires", recommendations of the CDCE, axis 4): what to do before a stand, a
 * workshop, a fair breakfast. Data only: a checklist is added here (or edited) without a
 * line of code elsewhere; `tache modele` reads this list. Each item is due `daysBefore` days
 * before the event starts; `partner` names who usually helps with it (kept on the task).
 */
import type { LocalizedText } from "../../core/types.js";

export interface ChecklistItem {
  title: Required<LocalizedText>;
  daysBefore: number;
  partner?: { name: Required<LocalizedText>; role: Required<LocalizedText> };
}

export interface Checklist {
  /** Typed in `tache modele <event> <key>`; also a local event type it fits by default. */
  key: string;
  name: Required<LocalizedText>;
  items: ChecklistItem[];
}

const l = (fr: string, de: string, nl: string, en: string) => ({ fr, de, nl, en });

export const CHECKLISTS: readonly Checklist[] = [
  {
    key: "stand",
    name: l("Stand commerce équitable", "Fairtrade-Stand", "Fairtradestand", "Fair trade stand"),
    items: [
      { title: l("Demander l’autorisation d’occuper l’espace public", "Genehmigung für den öffentlichen Raum beantragen", "Toelating voor de openbare ruimte aanvragen", "Ask for the public-space permit"), daysBefore: 21 },
      { title: l("Réserver tonnelle, tables et chaises", "Pavillon, Tische und Stühle reservieren", "Partytent, tafels en stoelen reserveren", "Book gazebo, tables and chairs"), daysBefore: 14, partner: { name: l("Service des fêtes de la commune", "Festdienst der Gemeinde", "Feestdienst van de gemeente", "The commune’s events service"), role: l("prête le matériel", "leiht das Material", "leent het materiaal uit", "lends the equipment") } },
      { title: l("Commander les produits équitables à déguster", "Fair gehandelte Produkte zum Probieren bestellen", "Fairtradeproducten om te proeven bestellen", "Order fair trade products for tasting"), daysBefore: 10, partner: { name: l("Magasin du monde", "Weltladen", "Wereldwinkel", "World shop"), role: l("fournit les produits", "liefert die Produkte", "levert de producten", "supplies the products") } },
      { title: l("Imprimer affiches et dépliants du kit", "Plakate und Faltblätter des Kits drucken", "Affiches en folders van de kit drukken", "Print the kit’s posters and leaflets"), daysBefore: 7 },
      { title: l("Annoncer le stand (site, réseaux, bulletin communal)", "Den Stand ankündigen (Website, Netzwerke, Gemeindeblatt)", "De stand aankondigen (website, netwerken, gemeenteblad)", "Announce the stand (website, social media, town bulletin)"), daysBefore: 7 },
      { title: l("Compléter les créneaux bénévoles", "Die Schichten der Ehrenamtlichen besetzen", "De vrijwilligersshifts invullen", "Fill the volunteer slots"), daysBefore: 3 },
    ],
  },
  {
    key: "atelier",
    name: l("Atelier ou animation", "Workshop oder Animation", "Workshop of animatie", "Workshop or activity"),
    items: [
      { title: l("Réserver la salle", "Den Raum reservieren", "De zaal reserveren", "Book the room"), daysBefore: 30 },
      { title: l("Trouver l’animateur·ice ou l’intervenant·e", "Moderation oder Referent·in finden", "Animator of spreker vinden", "Find the facilitator or speaker"), daysBefore: 21, partner: { name: l("Association partenaire", "Partnerverein", "Partnervereniging", "Partner association"), role: l("anime l’atelier", "leitet den Workshop", "begeleidt de workshop", "runs the workshop") } },
      { title: l("Ouvrir les inscriptions", "Die Anmeldung öffnen", "De inschrijvingen openen", "Open registrations"), daysBefore: 14 },
      { title: l("Préparer le matériel d’animation", "Das Material vorbereiten", "Het materiaal voorbereiden", "Prepare the materials"), daysBefore: 5 },
      { title: l("Envoyer un rappel aux inscrit·es", "Die Angemeldeten erinnern", "De ingeschrevenen herinneren", "Remind those registered"), daysBefore: 2 },
    ],
  },
  {
    key: "petit-dejeuner",
    name: l("Petit-déjeuner équitable", "Faires Frühstück", "Eerlijk ontbijt", "Fair breakfast"),
    items: [
      { title: l("Réserver la salle", "Den Raum reservieren", "De zaal reserveren", "Book the room"), daysBefore: 30 },
      { title: l("Emprunter vaisselle et percolateurs", "Geschirr und Kaffeemaschinen ausleihen", "Servies en percolators lenen", "Borrow crockery and coffee urns"), daysBefore: 14, partner: { name: l("Commerce local", "Lokales Geschäft", "Lokale handelaar", "Local shop"), role: l("prête le matériel", "leiht das Material", "leent het materiaal uit", "lends the equipment") } },
      { title: l("Commander café, thé, jus et chocolat équitables", "Fairen Kaffee, Tee, Saft und Schokolade bestellen", "Eerlijke koffie, thee, sap en chocolade bestellen", "Order fair coffee, tea, juice and chocolate"), daysBefore: 10, partner: { name: l("Magasin du monde", "Weltladen", "Wereldwinkel", "World shop"), role: l("fournit les produits", "liefert die Produkte", "levert de producten", "supplies the products") } },
      { title: l("Inviter les écoles et les associations", "Schulen und Vereine einladen", "Scholen en verenigingen uitnodigen", "Invite schools and associations"), daysBefore: 14, partner: { name: l("École communale", "Gemeindeschule", "Gemeenteschool", "Town school"), role: l("vient avec une classe", "kommt mit einer Klasse", "komt met een klas", "comes with a class") } },
      { title: l("Compléter les créneaux bénévoles", "Die Schichten der Ehrenamtlichen besetzen", "De vrijwilligersshifts invullen", "Fill the volunteer slots"), daysBefore: 3 },
    ],
  },
];

/** The checklist of that key, or the one that fits a local event type; the stand's by default. */
export function checklistFor(keyOrType: string | undefined): Checklist | undefined {
  if (!keyOrType) return CHECKLISTS[0];
  return CHECKLISTS.find((c) => c.key === keyOrType.trim().toLowerCase());
}
