/**
 * `/cdce sondage "Question ?" "Choix 1" "Choix 2" … [anonyme:oui] [fin:"vendredi 18h"]`
 * `/cdce sondage modele:modeles-enquete-citoyenne [numero:2]` (a survey template of the kit catalogue)
 * Posts a poll in the channel, one button per choice; results are live (each vote answers
 * with the current tally) and one vote per person, whatever the platform or the clicks.
 * Without options: a form (question, choices one per line, anonymous, closing time).
 */
import { defineCommand } from "../../src/core/commands.js";
import { choice, int, text } from "../../src/core/options.js";
import { message, reply } from "../../src/core/reply.js";
import { CdceError } from "../../src/core/errors.js";
import type { Block } from "../../src/core/types.js";
import { parseDeadline } from "../../src/core/time/dates.js";
import { pollView } from "../../src/features/polls/service.js";
import { publicPollUrl, qrPngFile } from "../../src/features/polls/public.js";
import { POLL_TEMPLATES, templateQuestions } from "../../src/features/polls/templates.js";
import { prefixWithin } from "../../src/core/clip.js";

const yesNo = (s: string) => (/^(oui|yes|ja|y|o|1|true)$/i.test(s) ? "oui" : /^(non|no|nein|nee|n|0|false)$/i.test(s) ? "non" : undefined);
const choiceHelp = (n: number) => ({ fr: `Choix ${n}`, de: `Option ${n}`, nl: `Keuze ${n}`, en: `Choice ${n}` });
const positional = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`c${i + 1}`, text({ help: choiceHelp(i + 1), max: 100 })])) as Record<`c${1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10}`, ReturnType<typeof text>>;

export default defineCommand({
  name: "sondage",
  words: { fr: "sondage", de: "umfrage", nl: "peiling", en: "poll" },
  intent: "share",
  optionWords: { question: { de: "frage", nl: "vraag", en: "question" }, c1: { de: "c1", nl: "c1", en: "c1" }, c2: { de: "c2", nl: "c2", en: "c2" }, c3: { de: "c3", nl: "c3", en: "c3" }, c4: { de: "c4", nl: "c4", en: "c4" }, c5: { de: "c5", nl: "c5", en: "c5" }, c6: { de: "c6", nl: "c6", en: "c6" }, c7: { de: "c7", nl: "c7", en: "c7" }, c8: { de: "c8", nl: "c8", en: "c8" }, c9: { de: "c9", nl: "c9", en: "c9" }, c10: { de: "c10", nl: "c10", en: "c10" }, choix: { de: "auswahl", nl: "keuze", en: "choices" }, anonyme: { de: "anonym", nl: "anoniem", en: "anonymous" }, fin: { de: "ende", nl: "einde", en: "end" }, modele: { de: "vorlage", nl: "sjabloon", en: "template" }, numero: { de: "nummer", nl: "nummer", en: "number" }, public: { de: "oeffentlich", nl: "openbaar", en: "public" } },
  changesState: true,
  aliases: ["poll", "umfrage", "peiling"],
  help: { fr: "Lancer un sondage avec des boutons (anonyme si vous voulez)", de: "Eine Umfrage mit Schaltflächen starten (auf Wunsch anonym)", nl: "Een peiling met knoppen starten (anoniem als u wilt)", en: "Start a poll with buttons (anonymous if you like)" },
  usage: { fr: 'sondage "Quel jour pour le stand ?" "Samedi" "Dimanche" fin:vendredi', de: 'sondage "Welcher Tag für den Stand?" "Samstag" "Sonntag" fin:3d', nl: 'sondage "Welke dag voor de stand?" "Zaterdag" "Zondag" fin:3d', en: 'sondage "Which day for the stand?" "Saturday" "Sunday" fin:3d' },
  options: {
    question: text({ help: { fr: "La question", de: "Die Frage", nl: "De vraag", en: "The question" }, max: 300 }),
    ...positional,
    choix: text({ help: { fr: "Les choix, séparés par ; ou un par ligne", de: "Die Optionen, durch ; getrennt oder eine pro Zeile", nl: "De keuzes, gescheiden door ; of één per regel", en: "The choices, separated by ; or one per line" }, max: 1200 }),
    anonyme: choice({ help: { fr: "oui : les votes ne sont jamais nominatifs", de: "oui: Stimmen werden nie namentlich gezeigt", nl: "oui: stemmen worden nooit op naam getoond", en: "oui: votes are never shown by name" }, values: ["oui", "non"] as const, normalize: yesNo }),
    fin: text({ help: { fr: "Clôture : 2h, 3j, vendredi 18h, 2026-12-05", de: "Ende: 2h, 3d, Freitag 18 Uhr, 2026-12-05", nl: "Einde: 2h, 3d, vrijdag 18u, 2026-12-05", en: "Closes: 2h, 3d, Friday 6pm, 2026-12-05" }, max: 60 }),
    modele: choice({ help: { fr: "Modèle d’enquête du catalogue", de: "Umfragevorlage aus dem Katalog", nl: "Enquêtesjabloon uit de catalogus", en: "Survey template from the catalogue" }, values: [...POLL_TEMPLATES.keys()] as [string, ...string[]] }),
    public: choice({ help: { fr: "oui : ouvert aux habitant·es sur la page publique de la commune (lien et QR code)", de: "oui: offen für Einwohner:innen auf der öffentlichen Seite der Gemeinde (Link und QR-Code)", nl: "oui: open voor inwoners op de openbare pagina van de gemeente (link en QR-code)", en: "oui: open to residents on the commune’s public page (link and QR code)" }, values: ["oui", "non"] as const, normalize: yesNo }),
    numero: int({ help: { fr: "Question du modèle", de: "Frage der Vorlage", nl: "Vraag van het sjabloon", en: "Template question" }, min: 0, max: 10, default: 0 }),
  },
  form: ({ t }) => ({
    title: t("poll.form.title"),
    submitCommand: "sondage",
    submitLabel: t("poll.form.submit"),
    fields: [
      { name: "question", label: t("poll.form.question"), kind: "text", required: true },
      { name: "choix", label: t("poll.form.choices"), kind: "textarea", required: true, placeholder: t("poll.form.choicesPlaceholder") },
      { name: "anonyme", label: t("poll.form.anonymous"), kind: "text", required: false, placeholder: "oui / non" },
      { name: "fin", label: t("poll.form.closes"), kind: "text", required: false, placeholder: "3j, vendredi 18h" },
      { name: "public", label: t("poll.form.public"), kind: "text", required: false, placeholder: "oui / non" },
    ],
  }),
  async run({ options: o, t, locale, actor, now, services }) {
    let question = o.question;
    let choices = [o.c1, o.c2, o.c3, o.c4, o.c5, o.c6, o.c7, o.c8, o.c9, o.c10].filter((c): c is string => !!c);
    if (o.choix) choices.push(...o.choix.split(/[;\n]/).map((c) => c.trim()).filter(Boolean));
    if (o.modele) {
      const questions = templateQuestions(o.modele, locale)!;
      if (o.numero === 0) {
        const blocks: Block[] = [{ type: "header", text: t("poll.template.title", { kit: o.modele }) }];
        questions.forEach((x, i) => blocks.push({ type: "section", text: `**${i + 1}.** ${x.question}\n_${x.choices.join(" · ")}_` }));
        blocks.push({ type: "actions", buttons: questions.slice(0, 5).map((_, i) => ({ label: t("poll.template.start", { n: i + 1 }), command: `sondage modele:${o.modele} numero:${i + 1}` })) });
        return reply(locale, blocks);
      }
      const chosen = questions[o.numero - 1];
      if (!chosen) throw new CdceError("poll.template_question", "poll.error.templateQuestion", { max: questions.length });
      question = chosen.question;
      choices = chosen.choices;
    }
    const errors: Record<string, string> = {};
    if (!question) errors.question = t("error.option.required", { option: "question" });
    choices = [...new Set(choices.map((c) => prefixWithin(c, 100)))];
    if (choices.length < 2 || choices.length > 10) errors.choix = t("poll.error.choices");
    const zone = actor.timeZone;
    const closesAt = o.fin ? parseDeadline(o.fin, locale, zone, now) : null;
    if (o.fin && !closesAt) errors.fin = t("poll.error.closes", { value: prefixWithin(o.fin, 40) });
    // A public poll shows on its commune's page: it needs one.
    const isPublic = o.public === "oui";
    if (isPublic && !actor.communeIds[0]) errors.public = t("poll.error.publicNeedsCommune");
    if (Object.keys(errors).length) return { ...message(locale, Object.values(errors).join("\n")), fieldErrors: errors };
    const poll = await services.community.polls.create({
      question: question!, choices, anonymous: o.anonyme === "oui", closesAt: closesAt ?? null,
      authorId: actor.personId, communeId: actor.communeIds[0] ?? null, templateId: o.modele ?? null, language: locale, isPublic,
    });
    services.logger.info({ poll: poll.id, choices: choices.length, anonymous: poll.anonymous }, "poll created");
    const blocks = await pollView(services, poll, { locale, zone, now, actor });
    if (!isPublic) return reply(locale, blocks, "channel");
    if (!services.publicUrl) return reply(locale, [...blocks, { type: "context", text: t("poll.publicNoUrl") }], "channel");
    const url = publicPollUrl(services.publicUrl, poll.id);
    return { ...reply(locale, [...blocks, { type: "section", text: t("poll.publicLink", { url }) }], "channel"), files: [await qrPngFile(url, `sondage-${poll.id.slice(0, 8)}-qr.png`)] };
  },
});
