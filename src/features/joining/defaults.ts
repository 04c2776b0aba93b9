/**
 * The default welcome journeys, written into the WelcomeStep table the first time the
 * journeys are read: from then on they are data that coordination edits
 * (`/cdce parcours modifier`), not code. `{name}` and `{commune}` in a text are replaced
 * when the step is sent.
 */
import type { Role } from "../../core/types.js";
import type { StepKind, StepText, WelcomeStep } from "./ports.js";

/** The roles that have a journey (coordination needs none: it runs them). */
export const JOURNEY_ROLES = ["benevole", "ambassadeur", "copil", "elu", "agent"] as const satisfies readonly Role[];

const WELCOME: StepText = {
  fr: "Bienvenue {name} ! Vous voilà dans le réseau des Communes du Commerce Équitable, pour {commune}. Voici où en est la commune aujourd’hui.",
  de: "Willkommen {name}! Sie sind jetzt im Netzwerk der Fair-Trade-Gemeinden, für {commune}. So steht die Gemeinde heute da.",
  nl: "Welkom {name}! U maakt nu deel uit van het netwerk van Fairtrade-gemeenten, voor {commune}. Zo staat de gemeente er vandaag voor.",
  en: "Welcome {name}! You are now part of the Fair Trade Towns network, for {commune}. Here is where the commune stands today.",
};
const KITS: StepText = {
  fr: "Trois kits choisis pour votre rôle, à utiliser tels quels ou à adapter :",
  de: "Drei Kits für Ihre Rolle, so zu verwenden oder anzupassen:",
  nl: "Drie kits voor uw rol, zo te gebruiken of aan te passen:",
  en: "Three kits picked for your role, to use as they are or adapt:",
};
const WEBINAR: StepText = {
  fr: "Le prochain webinaire pour votre rôle : une heure pour rencontrer d’autres communes et poser vos questions.",
  de: "Das nächste Webinar für Ihre Rolle: eine Stunde, um andere Gemeinden zu treffen und Fragen zu stellen.",
  nl: "Het volgende webinar voor uw rol: een uur om andere gemeenten te ontmoeten en vragen te stellen.",
  en: "The next webinar for your role: an hour to meet other communes and ask your questions.",
};
const CONTACTS: StepText = {
  fr: "Les personnes à qui vous adresser :",
  de: "An wen Sie sich wenden können:",
  nl: "Bij wie u terechtkunt:",
  en: "The people to turn to:",
};

/** A first small task, per role. */
const TASKS: Record<(typeof JOURNEY_ROLES)[number], StepText> = {
  benevole: {
    fr: "Une première petite tâche : proposez votre aide pour la prochaine action de {commune} (un stand, un petit-déjeuner…) en répondant dans le canal de la commune, ou déposez une idée avec `/cdce idee`.",
    de: "Eine erste kleine Aufgabe: bieten Sie im Kanal der Gemeinde Ihre Hilfe für die nächste Aktion von {commune} an (ein Stand, ein Frühstück…), oder legen Sie eine Idee mit `/cdce idee` ab.",
    nl: "Een eerste kleine taak: bied in het kanaal van de gemeente uw hulp aan voor de volgende actie van {commune} (een stand, een ontbijt…), of deel een idee met `/cdce idee`.",
    en: "A first small task: offer your help for the next action of {commune} (a stand, a breakfast…) in the commune’s channel, or drop an idea with `/cdce idea`.",
  },
  ambassadeur: {
    fr: "Une première petite tâche : partagez une action équitable que vous avez vue ou menée, avec `/cdce initiative`.",
    de: "Eine erste kleine Aufgabe: teilen Sie eine faire Aktion, die Sie gesehen oder durchgeführt haben, mit `/cdce initiative`.",
    nl: "Een eerste kleine taak: deel een eerlijke actie die u zag of deed, met `/cdce initiatief`.",
    en: "A first small task: share a fair trade action you saw or ran, with `/cdce initiative`.",
  },
  copil: {
    fr: "Une première petite tâche : regardez la composition du CoPil avec `/cdce copil` et notez votre prochaine réunion avec `/cdce copil reunion`.",
    de: "Eine erste kleine Aufgabe: sehen Sie sich die Zusammensetzung des CoPil mit `/cdce copil` an und tragen Sie Ihr nächstes Treffen mit `/cdce copil sitzung` ein.",
    nl: "Een eerste kleine taak: bekijk de samenstelling van de CoPil met `/cdce copil` en noteer uw volgende vergadering met `/cdce copil vergadering`.",
    en: "A first small task: look at the CoPil’s make-up with `/cdce copil` and log your next meeting with `/cdce copil meeting`.",
  },
  elu: {
    fr: "Une première petite tâche : consultez le tableau de bord de {commune} avec `/cdce tableau` et repérez l’échéance du Fair-O-Mètre.",
    de: "Eine erste kleine Aufgabe: sehen Sie sich die Übersicht von {commune} mit `/cdce übersicht` an und merken Sie sich die Frist des Fair-O-Meters.",
    nl: "Een eerste kleine taak: bekijk het overzicht van {commune} met `/cdce overzicht` en noteer de termijn van de Fair-O-Meter.",
    en: "A first small task: open the dashboard of {commune} with `/cdce dashboard` and note the Fair-O-Meter deadline.",
  },
  agent: {
    fr: "Une première petite tâche : vérifiez l’échéance du Fair-O-Mètre avec `/cdce fom` et déclarez les outils de la commune avec `/cdce outils declarer`.",
    de: "Eine erste kleine Aufgabe: prüfen Sie die Frist des Fair-O-Meters mit `/cdce fom` und melden Sie die Werkzeuge der Gemeinde mit `/cdce werkzeuge melden`.",
    nl: "Een eerste kleine taak: controleer de termijn van de Fair-O-Meter met `/cdce fom` en meld de tools van de gemeente met `/cdce tools melden`.",
    en: "A first small task: check the Fair-O-Meter deadline with `/cdce fom` and declare the commune’s tools with `/cdce tools add`.",
  },
};

const PLAN: readonly { kind: StepKind; delayDays: number; text?: StepText }[] = [
  { kind: "welcome", delayDays: 0, text: WELCOME },
  { kind: "kits", delayDays: 3, text: KITS },
  { kind: "webinar", delayDays: 7, text: WEBINAR },
  { kind: "contacts", delayDays: 12, text: CONTACTS },
  { kind: "task", delayDays: 18 },
];

/** Every role's default steps: five messages over two and a half weeks. */
export const DEFAULT_STEPS: readonly WelcomeStep[] = JOURNEY_ROLES.flatMap((role) =>
  PLAN.map((p, i) => ({ role, position: i + 1, kind: p.kind, delayDays: p.delayDays, text: p.text ?? TASKS[role] })),
);
