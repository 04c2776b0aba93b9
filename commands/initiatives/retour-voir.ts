/** `/cdce retour voir <réf>`: one experience sheet in full. */
import { defineCommand } from "../../src/core/commands.js";
import { text } from "../../src/core/options.js";
import { reply } from "../../src/core/reply.js";
import { canModify } from "../../src/core/permissions.js";
import { findSheet, sheetBlocks } from "../../src/features/initiatives/sheets.js";

export default defineCommand({
  name: "retour voir",
  words: { fr: "retour voir", de: "erfahrung zeigen", nl: "ervaring tonen", en: "feedback show" },
  intent: "find",
  optionWords: { ref: { de: "ref", nl: "ref", en: "ref" } },
  changesState: false,
  aliases: ["fiche voir", "retour show"],
  help: { fr: "Lire une fiche retour d’expérience", de: "Einen Erfahrungsbericht lesen", nl: "Een ervaringsfiche lezen", en: "Read an experience sheet" },
  usage: { fr: "retour voir 3f2a9c1b", de: "retour voir 3f2a9c1b", nl: "retour voir 3f2a9c1b", en: "retour voir 3f2a9c1b" },
  options: { ref: text({ help: { fr: "Référence", de: "Referenz", nl: "Referentie", en: "Reference" }, max: 40 }) },
  async run({ options: o, t, locale, actor, services }) {
    const sheet = await findSheet(services, o.ref);
    const commune = sheet.communeId ? await services.repos.communes.get(sheet.communeId) : null;
    const blocks = sheetBlocks(t, sheet, commune?.name ?? null);
    if (canModify(actor, sheet)) blocks.push({ type: "actions", buttons: [{ label: t("initiative.button.delete"), command: `retour supprimer ${sheet.id}`, style: "danger" }] });
    return reply(locale, blocks);
  },
});
