/**
 * `/cdce retour contexte:"…" reussi:"…" eviter:"…" conseils:"…" [contact:] [titre:] [type:] [commune:]`
 * Records an experience sheet for new volunteers. Without options: a form of the five
 * fields the users' document asks for (context, what worked, what to avoid, tips, contact).
 */
import { defineCommand } from "../../src/core/commands.js";
import { choice, text } from "../../src/core/options.js";
import { message, reply } from "../../src/core/reply.js";
import { requirePermission } from "../../src/core/permissions.js";
import { CdceError } from "../../src/core/errors.js";
import { INITIATIVE_KINDS, toKind } from "../../src/features/initiatives/vocabulary.js";
import { sheetBlocks, titleFrom } from "../../src/features/initiatives/sheets.js";
import { prefixWithin } from "../../src/core/clip.js";

const long = (fr: string, de: string, nl: string, en: string) => text({ help: { fr, de, nl, en }, max: 2000 });

export default defineCommand({
  name: "retour",
  words: { fr: "retour", de: "erfahrung", nl: "ervaring", en: "feedback" },
  intent: "share",
  optionWords: { contexte: { de: "kontext", nl: "context", en: "context" }, reussi: { de: "gelungen", nl: "gelukt", en: "worked" }, eviter: { de: "vermeiden", nl: "vermijden", en: "avoid" }, conseils: { de: "tipps", nl: "tips", en: "tips" }, contact: { de: "kontakt", nl: "contact", en: "contact" }, titre: { de: "titel", nl: "titel", en: "title" }, type: { de: "typ", nl: "type", en: "type" }, commune: { de: "gemeinde", nl: "gemeente", en: "commune" } },
  changesState: true,
  aliases: ["fiche", "erfahrung", "ervaring", "feedback"],
  help: { fr: "Écrire une fiche « retour d’expérience » pour les nouveaux bénévoles", de: "Einen Erfahrungsbericht für neue Freiwillige schreiben", nl: "Een ervaringsfiche schrijven voor nieuwe vrijwilligers", en: "Write an experience sheet for new volunteers" },
  usage: { fr: 'retour contexte:"Stand au marché de Noël" reussi:"Dégustation de chocolat" eviter:"Trop de flyers" conseils:"Venir à trois"', de: 'retour contexte:"Stand am Weihnachtsmarkt" reussi:"Schokoladenverkostung" eviter:"Zu viele Flyer" conseils:"Zu dritt kommen"', nl: 'retour contexte:"Stand op de kerstmarkt" reussi:"Chocoladeproeverij" eviter:"Te veel flyers" conseils:"Met drie komen"', en: 'retour contexte:"Stand at the Christmas market" reussi:"Chocolate tasting" eviter:"Too many flyers" conseils:"Come as three"' },
  permission: "commune.contribute",
  options: {
    contexte: long("Contexte : quoi, où, pour qui", "Kontext: was, wo, für wen", "Context: wat, waar, voor wie", "Context: what, where, for whom"),
    reussi: long("Ce qui a marché", "Was gut lief", "Wat werkte", "What worked"),
    eviter: long("Ce qu’il vaut mieux éviter", "Was man besser vermeidet", "Wat je beter vermijdt", "What to avoid"),
    conseils: long("Conseils", "Tipps", "Tips", "Tips"),
    contact: text({ help: { fr: "Contact (facultatif)", de: "Kontakt (optional)", nl: "Contact (optioneel)", en: "Contact (optional)" }, max: 200 }),
    titre: text({ help: { fr: "Titre (sinon la première phrase du contexte)", de: "Titel (sonst der erste Satz des Kontexts)", nl: "Titel (anders de eerste zin van de context)", en: "Title (else the first sentence of the context)" }, max: 150 }),
    type: choice({ help: { fr: "Type d’action", de: "Art der Aktion", nl: "Soort actie", en: "Kind of action" }, values: INITIATIVE_KINDS, normalize: toKind }),
    commune: text({ help: { fr: "Commune (par défaut la vôtre)", de: "Gemeinde (standardmäßig Ihre)", nl: "Gemeente (standaard de uwe)", en: "Commune (yours by default)" }, max: 80, autocomplete: "commune" }),
  },
  form: ({ t }) => ({
    title: t("sheet.form.title"),
    submitCommand: "retour",
    submitLabel: t("form.submit"),
    fields: [
      { name: "contexte", label: t("sheet.field.context"), kind: "textarea", required: true },
      { name: "reussi", label: t("sheet.field.worked"), kind: "textarea", required: true },
      { name: "eviter", label: t("sheet.field.avoid"), kind: "textarea", required: true },
      { name: "conseils", label: t("sheet.field.tips"), kind: "textarea", required: true },
      { name: "contact", label: t("sheet.form.contact"), kind: "text", required: false },
    ],
  }),
  async run({ options: o, t, locale, actor, services }) {
    const errors: Record<string, string> = {};
    for (const k of ["contexte", "reussi", "eviter", "conseils"] as const) if (!o[k]) errors[k] = t("error.option.required", { option: k });
    if (Object.keys(errors).length) return { ...message(locale, Object.values(errors).join("\n")), fieldErrors: errors };
    let communeId = actor.communeIds[0] ?? null;
    let communeName: string | null = null;
    if (o.commune) {
      const c = await services.repos.communes.findByName(o.commune);
      if (!c) throw new CdceError("commune.unknown", "commune.unknown", { name: prefixWithin(o.commune, 60) });
      requirePermission(actor, "commune.contribute", { communeId: c.id }, ["sheet.not_member", "initiative.error.notMember", { commune: c.name }]);
      communeId = c.id;
    }
    if (communeId) communeName = (await services.repos.communes.get(communeId))?.name ?? null;
    const sheet = await services.community.sheets.create({
      communeId, authorId: actor.personId, title: o.titre ?? titleFrom(o.contexte!), context: o.contexte!, worked: o.reussi!,
      avoid: o.eviter!, tips: o.conseils!, contact: o.contact ?? null, kind: o.type ?? null, language: locale,
    });
    return reply(locale, [{ type: "section", text: t("sheet.created", { title: sheet.title, ref: sheet.id.slice(0, 8) }) }, ...sheetBlocks(t, sheet, communeName)]);
  },
});
