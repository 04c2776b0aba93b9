/**
 * `/cdce diagnostic [freins:temps,personnes] [principal:temps] [detail:"…"] [besoin:"…"]`:
 * a CoPil says what holds it back (a form on Slack and Discord, options in the terminal).
 * The answer is kept in the commune's history and shown to coordination.
 */
import { defineCommand } from "../../src/core/commands.js";
import { choice, list, text } from "../../src/core/options.js";
import { message } from "../../src/core/reply.js";
import { communeOption } from "../../src/core/scope.js";
import { OBSTACLES, obstacleOf, type DiagnosticAnswer, type Obstacle } from "../../src/features/watch/diagnostic.js";
import { diagnosticAnswerNotice } from "../../src/features/watch/notices.js";

export default defineCommand({
  name: "diagnostic",
  words: { fr: "diagnostic", de: "diagnose", nl: "diagnose", en: "diagnostic" },
  intent: "manage",
  optionWords: { freins: { de: "hindernisse", nl: "obstakels", en: "obstacles" }, principal: { de: "haupt", nl: "belangrijkste", en: "main" }, detail: { de: "detail", nl: "detail", en: "detail" }, besoin: { de: "bedarf", nl: "behoefte", en: "need" }, commune: { de: "gemeinde", nl: "gemeente", en: "commune" } },
  changesState: true,
  aliases: ["diagnose", "freins"],
  help: {
    fr: "Dire ce qui freine le CoPil (questionnaire diagnostic)",
    de: "Sagen, was das CoPil bremst (Diagnosefragebogen)",
    nl: "Zeggen wat de CoPil afremt (diagnosevragenlijst)",
    en: "Say what holds the CoPil back (diagnostic questionnaire)",
  },
  usage: { fr: 'diagnostic freins:temps,personnes principal:temps besoin:"des bénévoles pour les stands"', de: 'diagnostic freins:temps,politique principal:politique', nl: "diagnostic freins:personnes,partenaires", en: 'diagnostic freins:demarches besoin:"a simpler FOM"' },
  scope: "commune",
  permission: "commune.manage",
  // The answer itself is kept in the commune's history (a reply asking for an obstacle records nothing).
  activity: { kind: "diagnostic", data: ({ options }) => ({ ...answerOf(options) }) },
  options: {
    freins: list({ help: { fr: `Freins : ${OBSTACLES.join(", ")}`, de: `Hindernisse: ${OBSTACLES.join(", ")}`, nl: `Knelpunten: ${OBSTACLES.join(", ")}`, en: `Obstacles: ${OBSTACLES.join(", ")}` }, values: OBSTACLES, normalize: obstacleOf }),
    principal: choice({ help: { fr: "Le frein principal", de: "Das größte Hindernis", nl: "Het grootste knelpunt", en: "The main obstacle" }, values: OBSTACLES, normalize: obstacleOf }),
    detail: text({ help: { fr: "En quelques mots", de: "In wenigen Worten", nl: "In een paar woorden", en: "In a few words" }, max: 1000 }),
    besoin: text({ help: { fr: "Ce qui aiderait le plus", de: "Was am meisten helfen würde", nl: "Wat het meest zou helpen", en: "What would help most" }, max: 1000 }),
    commune: communeOption(),
  },
  form: ({ t }) => ({
    title: t("diagnostic.form.title"),
    submitCommand: "diagnostic",
    submitLabel: t("form.submit"),
    fields: [
      { name: "freins", label: t("diagnostic.field.obstacles"), kind: "text", required: true, placeholder: "temps, personnes" },
      { name: "principal", label: t("diagnostic.field.main"), kind: "text", required: false, placeholder: "temps" },
      { name: "detail", label: t("diagnostic.field.detail"), kind: "textarea", required: false },
      { name: "besoin", label: t("diagnostic.field.need"), kind: "textarea", required: false },
    ],
  }),
  async run({ options, commune, t, locale, now, services }) {
    const answer = answerOf(options);
    if (answer.obstacles.length === 0) {
      const fieldErrors = { freins: t("diagnostic.needObstacle", { list: OBSTACLES.join(", ") }) };
      return { ...message(locale, fieldErrors.freins), fieldErrors };
    }
    await services.notifier.enqueue(diagnosticAnswerNotice(commune, answer, now));
    return message(locale, t("diagnostic.thanks", { commune: commune.name }));
  },
});

/** What the options say, as the commune's history keeps it. */
function answerOf(options: { freins: Obstacle[]; principal?: Obstacle; detail?: string; besoin?: string }): DiagnosticAnswer {
  const obstacles = [...new Set([...options.freins, ...(options.principal ? [options.principal] : [])])];
  return { obstacles, main: options.principal ?? (obstacles.length === 1 ? obstacles[0]! : null), detail: options.detail ?? null, need: options.besoin ?? null };
}
