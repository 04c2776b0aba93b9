/** `/cdce retours [mots] [page:]`: searches the experience sheets (every word must appear); alone, the latest. */
import { defineCommand } from "../../src/core/commands.js";
import { int, text } from "../../src/core/options.js";
import { reply } from "../../src/core/reply.js";
import { pageToShow } from "../../src/core/paging.js";
import type { Block } from "../../src/core/types.js";
import { rankSheets, sheetLine } from "../../src/features/initiatives/sheets.js";
import { prefixWithin } from "../../src/core/clip.js";

const PER_PAGE = 8;

export default defineCommand({
  // Under `retour` so that Discord keeps it in that group; `/cdce retours …` still works.
  name: "retour chercher",
  words: { fr: "retour chercher", de: "erfahrung suchen", nl: "ervaring zoeken", en: "feedback search" },
  intent: "find",
  optionWords: { mots: { de: "wörter", nl: "woorden", en: "words" }, page: { de: "seite", nl: "pagina", en: "page" } },
  changesState: false,
  aliases: ["retours", "fiches", "sheets", "erfahrungen", "ervaringen", "retour search"],
  help: { fr: "Chercher dans les fiches retours d’expérience", de: "In den Erfahrungsberichten suchen", nl: "Zoeken in de ervaringsfiches", en: "Search the experience sheets" },
  usage: { fr: "retours stand marché", de: "retours stand markt", nl: "retours stand markt", en: "retours stand market" },
  options: {
    mots: text({ help: { fr: "Mots-clés", de: "Stichwörter", nl: "Trefwoorden", en: "Keywords" }, max: 300, rest: true }),
    page: int({ help: { fr: "Page", de: "Seite", nl: "Pagina", en: "Page" }, min: 1, max: 100, default: 1 }),
  },
  async run({ options: o, t, locale, services }) {
    const all = await services.community.sheets.all();
    const found = o.mots ? rankSheets(all, o.mots, true) : all;
    if (found.length === 0) return reply(locale, [{ type: "section", text: t(all.length ? "sheet.none" : "sheet.empty") }]);
    const names = new Map((await services.repos.communes.list()).map((c) => [c.id, c.name]));
    const pages = Math.ceil(found.length / PER_PAGE);
    const { page, notice } = pageToShow(o.page, pages, t);
    const lines = found.slice((page - 1) * PER_PAGE, page * PER_PAGE).map((s) => `• ${sheetLine(s, s.communeId ? names.get(s.communeId) ?? null : null)}`);
    const blocks: Block[] = [
      { type: "header", text: t("sheet.results", { total: found.length, page, pages }) },
      ...notice,
      { type: "section", text: lines.join("\n") },
      { type: "context", text: t("sheet.seeHint") },
    ];
    if (page < pages) blocks.push({ type: "actions", buttons: [{ label: t("sheet.more"), command: `retours ${prefixWithin(o.mots ?? "", 60)} page:${page + 1}`.replace(/\s+/g, " ") }] });
    return reply(locale, blocks);
  },
});
