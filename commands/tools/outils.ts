/**
 * `/cdce outils [mot]`: who uses which tool (Canva, Framadate, Mailchimp...), by tool name,
 * category (design, planning, newsletter, sondage...) or commune; alone, the most used.
 */
import { defineCommand } from "../../src/core/commands.js";
import { text } from "../../src/core/options.js";
import { reply } from "../../src/core/reply.js";
import type { Block } from "../../src/core/types.js";
import { categoryLabel, findTools, groupTools } from "../../src/features/tools/inventory.js";
import { prefixWithin } from "../../src/core/clip.js";

export default defineCommand({
  name: "outils",
  words: { fr: "outils", de: "werkzeuge", nl: "tools", en: "tools" },
  intent: "find",
  optionWords: { mot: { de: "wort", nl: "woord", en: "word" } },
  changesState: false,
  aliases: ["tools", "werkzeuge", "inventaire"],
  help: { fr: "Inventaire des outils : quelle commune utilise quoi", de: "Werkzeuginventar: welche Gemeinde nutzt was", nl: "Inventaris van tools: welke gemeente gebruikt wat", en: "Tool inventory: which commune uses what" },
  usage: { fr: "outils canva", de: "outils newsletter", nl: "outils planning", en: "outils survey" },
  options: { mot: text({ help: { fr: "Outil, catégorie ou commune", de: "Werkzeug, Kategorie oder Gemeinde", nl: "Tool, categorie of gemeente", en: "Tool, category or commune" }, max: 80, rest: true }) },
  async run({ options: o, t, locale, services }) {
    const communes = await services.repos.communes.list();
    const groups = groupTools(await services.community.tools.all(), new Map(communes.map((c) => [c.id, c])));
    if (groups.length === 0) return reply(locale, [{ type: "section", text: t("tool.empty") }]);
    const found = o.mot ? findTools(o.mot, groups, communes) : { groups };
    const title = !o.mot
      ? t("tool.top", { count: groups.length })
      : found.category ? t("tool.inCategory", { category: categoryLabel(t, found.category) })
      : found.commune ? t("tool.inCommune", { commune: found.commune.name })
      : t("tool.matching", { word: prefixWithin(o.mot, 40) });
    if (found.groups.length === 0) return reply(locale, [{ type: "section", text: `${t("tool.none", { word: prefixWithin(o.mot ?? "", 40) })}\n${t("tool.hint")}` }]);
    const lines = found.groups.slice(0, 15).map((g) =>
      `**${g.name}** (${categoryLabel(t, g.category)}) — ${t("tool.usedBy", { count: g.communes.length })} ${g.communes.slice(0, 12).join(", ")}${g.communes.length > 12 ? "…" : ""}`);
    const blocks: Block[] = [{ type: "header", text: title }, { type: "section", text: lines.join("\n") }, { type: "context", text: t("tool.hint") }];
    return reply(locale, blocks);
  },
});
