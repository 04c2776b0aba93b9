/**
 * Survey templates of the kit catalogue that can be started as polls
 * (`/cdce sondage modele:modeles-enquete-citoyenne question:2`). Keyed by kit id; each
 * question has its choices in the four languages. The kit keeps its full questionnaire;
 * these are the one-click questions a chat poll can carry.
 */
import type { LocalizedText, Locale } from "../../core/types.js";
import { wordTable } from "../../core/word-table.js";

export interface TemplateQuestion {
  question: Required<LocalizedText>;
  choices: Required<LocalizedText>[];
}

const q = (fr: string, de: string, nl: string, en: string) => ({ fr, de, nl, en });

export const POLL_TEMPLATES = wordTable<TemplateQuestion[]>({
  "modeles-enquete-citoyenne": [
    {
      question: q("À quelle fréquence achetez-vous des produits équitables ?", "Wie oft kaufen Sie fair gehandelte Produkte?", "Hoe vaak koopt u eerlijke-handelsproducten?", "How often do you buy fair-trade products?"),
      choices: [
        q("Chaque semaine", "Jede Woche", "Elke week", "Every week"),
        q("Chaque mois", "Jeden Monat", "Elke maand", "Every month"),
        q("Rarement", "Selten", "Zelden", "Rarely"),
        q("Jamais", "Nie", "Nooit", "Never"),
      ],
    },
    {
      question: q("Saviez-vous que notre commune est « Commune du Commerce Équitable » ?", "Wussten Sie, dass unsere Gemeinde eine „Fair-Trade-Gemeinde“ ist?", "Wist u dat onze gemeente een ‘Fairtradegemeente’ is?", "Did you know our commune is a “Fair Trade Town”?"),
      choices: [
        q("Oui, et je sais ce que ça veut dire", "Ja, und ich weiß, was es bedeutet", "Ja, en ik weet wat het betekent", "Yes, and I know what it means"),
        q("Oui, vaguement", "Ja, ungefähr", "Ja, vaag", "Yes, vaguely"),
        q("Non", "Nein", "Nee", "No"),
      ],
    },
    {
      question: q("Quelle action aimeriez-vous voir dans la commune ?", "Welche Aktion würden Sie gern in der Gemeinde sehen?", "Welke actie zou u graag in de gemeente zien?", "Which action would you like to see in the commune?"),
      choices: [
        q("Un petit-déjeuner équitable", "Ein faires Frühstück", "Een eerlijk ontbijt", "A fair-trade breakfast"),
        q("Un marché avec des producteurs locaux", "Ein Markt mit lokalen Erzeugern", "Een markt met lokale producenten", "A market with local producers"),
        q("Des ateliers dans les écoles", "Workshops in den Schulen", "Workshops in de scholen", "Workshops in schools"),
        q("Une soirée film ou débat", "Ein Film- oder Diskussionsabend", "Een film- of debatavond", "A film or debate evening"),
      ],
    },
  ],
  "diagnostic-freins-mobilisation": [
    {
      question: q("Qu’est-ce qui freine le plus votre engagement dans la campagne ?", "Was bremst Ihr Engagement in der Kampagne am meisten?", "Wat remt uw inzet voor de campagne het meest af?", "What holds back your involvement in the campaign most?"),
      choices: [
        q("Le manque de temps", "Zeitmangel", "Tijdgebrek", "Lack of time"),
        q("Je ne sais pas quoi faire concrètement", "Ich weiß nicht, was ich konkret tun kann", "Ik weet niet wat ik concreet kan doen", "I don’t know what to do in practice"),
        q("Je me sens seul·e à porter les actions", "Ich fühle mich mit den Aktionen allein", "Ik voel me alleen met de acties", "I feel alone carrying the actions"),
        q("Peu de soutien de la commune", "Wenig Unterstützung der Gemeinde", "Weinig steun van de gemeente", "Little support from the commune"),
      ],
    },
    {
      question: q("Quel soutien vous aiderait le plus ?", "Welche Unterstützung würde Ihnen am meisten helfen?", "Welke steun zou u het meest helpen?", "Which support would help you most?"),
      choices: [
        q("Des outils prêts à l’emploi", "Gebrauchsfertige Werkzeuge", "Kant-en-klare tools", "Ready-to-use tools"),
        q("Une formation", "Eine Schulung", "Een opleiding", "A training"),
        q("Une commune marraine", "Eine Patengemeinde", "Een meterschapsgemeente", "A mentoring commune"),
        q("De nouveaux membres au CoPil", "Neue Mitglieder in der Steuerungsgruppe", "Nieuwe leden in de stuurgroep", "New members for the steering committee"),
      ],
    },
  ],
});

/** The questions of a template in one language, or undefined for an unknown kit id. */
export function templateQuestions(kitId: string, locale: Locale): Array<{ question: string; choices: string[] }> | undefined {
  const t = POLL_TEMPLATES.get(kitId);
  return t?.map((x) => ({ question: x.question[locale], choices: x.choices.map((c) => c[locale]) }));
}
