/** `/cdce retour supprimer <réf>`: the author (or coordination) deletes an experience sheet. */
import { defineCommand } from "../../src/core/commands.js";
import { text } from "../../src/core/options.js";
import { message } from "../../src/core/reply.js";
import { canModify, PermissionDenied } from "../../src/core/permissions.js";
import { findSheet } from "../../src/features/initiatives/sheets.js";

export default defineCommand({
  name: "retour supprimer",
  words: { fr: "retour supprimer", de: "erfahrung löschen", nl: "ervaring verwijderen", en: "feedback delete" },
  intent: "share",
  optionWords: { ref: { de: "ref", nl: "ref", en: "ref" } },
  changesState: true,
  aliases: ["fiche supprimer", "retour delete"],
  help: { fr: "Supprimer une fiche retour d’expérience (auteur ou coordination)", de: "Einen Erfahrungsbericht löschen (Autor:in oder Koordination)", nl: "Een ervaringsfiche verwijderen (auteur of coördinatie)", en: "Delete an experience sheet (author or coordination)" },
  usage: { fr: "retour supprimer 3f2a9c1b", de: "retour supprimer 3f2a9c1b", nl: "retour supprimer 3f2a9c1b", en: "retour supprimer 3f2a9c1b" },
  options: { ref: text({ help: { fr: "Référence", de: "Referenz", nl: "Referentie", en: "Reference" }, max: 40 }) },
  async run({ options: o, t, locale, actor, services }) {
    const sheet = await findSheet(services, o.ref);
    if (!canModify(actor, sheet)) throw new PermissionDenied("sheet.forbidden", "sheet.error.forbidden");
    await services.community.sheets.delete(sheet.id);
    return message(locale, t("sheet.deleted", { title: sheet.title }));
  },
});
