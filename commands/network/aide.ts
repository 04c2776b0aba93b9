/** `/cdce aide [commande]`: the sub-commands this user may use, in their language. */
import { defineCommand } from "../../src/core/commands.js";
import { text } from "../../src/core/options.js";
import { can } from "../../src/core/permissions.js";
import { reply } from "../../src/core/reply.js";
import type { Block } from "../../src/core/types.js";

export default defineCommand({
  name: "aide",
  changesState: false,
  aliases: ["help", "hilfe", "hulp", "?"],
  help: { fr: "Ce que je sais faire pour vous", de: "Was ich für Sie tun kann", nl: "Wat ik voor u kan doen", en: "What I can do for you" },
  usage: { fr: "aide kit", de: "aide kit", nl: "aide kit", en: "aide kit" },
  options: {
    commande: text({ help: { fr: "Une commande en particulier", de: "Ein bestimmter Befehl", nl: "Een bepaalde opdracht", en: "One command in particular" }, max: 60, rest: true }),
  },
  async run({ options, actor, t, locale, registry }) {
    const visible = registry.all().filter((d) => !d.hidden && (!d.permission || can(actor, d.permission)));
    const wanted = options.commande ? registry.get(options.commande) : undefined;
    if (wanted && visible.includes(wanted)) {
      const blocks: Block[] = [
        { type: "header", text: `/cdce ${wanted.name}` },
        { type: "section", text: wanted.help[locale] ?? wanted.help.fr },
        { type: "section", text: `${t("help.usage")} \`/cdce ${wanted.usage[locale] ?? wanted.usage.fr}\`` },
      ];
      const opts = Object.entries(wanted.options).map(([name, o]) => {
        const values = o.meta.values && o.meta.values.length <= 15 ? ` (${o.meta.values.join(", ")})` : "";
        return `• \`${name}:\` ${o.meta.help[locale] ?? o.meta.help.fr}${values}`;
      });
      if (opts.length) blocks.push({ type: "section", text: `**${t("help.options")}**\n${opts.join("\n")}` });
      return reply(locale, blocks);
    }
    const lines = visible.map((d) => `• \`/cdce ${d.name}\` — ${d.help[locale] ?? d.help.fr}`);
    return reply(locale, [
      { type: "header", text: t("help.title") },
      { type: "section", text: lines.join("\n") },
      { type: "context", text: t("help.footer") },
    ]);
  },
});
