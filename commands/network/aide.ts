/**
 * `/cdce aide [commande]`: what this reader may do, in their words, grouped by what they want
 * to do (find, take part, share, me, manage). The first page fits a phone screen (a few
 * commands of each group); a "more" button pages through the rest.
 */
import { commandWords, defineCommand, INTENTS, optionWord, usageLine, type CommandDefinition, type Intent } from "../../src/core/commands.js";
import { mayUse } from "../../src/core/chain/index.js";
import { int, text } from "../../src/core/options.js";
import { reply } from "../../src/core/reply.js";
import type { Block, Locale } from "../../src/core/types.js";

/** Commands of each group on the first page: with five groups, one phone screen (under 20 lines). */
const FIRST_PAGE_PER_GROUP = 2;
/** Commands on each further page. */
const LINES_PER_PAGE = 12;

type Entry = { def: CommandDefinition; intent: Intent };

/** The pages of the list: the first takes the head of each group, the others the rest in order. */
function paginate(visible: readonly CommandDefinition[]): Entry[][] {
  const groups = INTENTS.map((intent) => visible.filter((d) => (d.intent ?? "manage") === intent).map((def) => ({ def, intent })));
  const first = groups.flatMap((g) => g.slice(0, FIRST_PAGE_PER_GROUP));
  const rest = groups.flatMap((g) => g.slice(FIRST_PAGE_PER_GROUP));
  const pages = [first];
  for (let i = 0; i < rest.length; i += LINES_PER_PAGE) pages.push(rest.slice(i, i + LINES_PER_PAGE));
  return pages.filter((p) => p.length > 0);
}

/** One section per group present on the page, each command in the reader's words. */
function groupSections(entries: Entry[], locale: Locale, groupTitle: (intent: Intent) => string): Block[] {
  const blocks: Block[] = [];
  for (const intent of INTENTS) {
    const lines = entries.filter((e) => e.intent === intent).map(({ def }) => `• \`/cdce ${commandWords(def, locale)}\` — ${def.help[locale] ?? def.help.fr}`);
    if (lines.length) blocks.push({ type: "section", text: `**${groupTitle(intent)}**\n${lines.join("\n")}` });
  }
  return blocks;
}

const aide = defineCommand({
  name: "aide",
  words: { fr: "aide", de: "hilfe", nl: "hulp", en: "help" },
  intent: "me",
  optionWords: { commande: { de: "befehl", nl: "opdracht", en: "command" }, page: { de: "seite", nl: "pagina", en: "page" } },
  changesState: false,
  aliases: ["?"],
  help: { fr: "Ce que je sais faire pour vous", de: "Was ich für Sie tun kann", nl: "Wat ik voor u kan doen", en: "What I can do for you" },
  usage: { fr: "aide kit", de: "aide kit", nl: "aide kit", en: "aide kit" },
  options: {
    // The rest option first: the words typed after `aide` name a command, never a page.
    commande: text({ help: { fr: "Une commande en particulier", de: "Ein bestimmter Befehl", nl: "Een bepaalde opdracht", en: "One command in particular" }, max: 60, rest: true, namesCommand: true }),
    page: int({ help: { fr: "Page de la liste", de: "Seite der Liste", nl: "Pagina van de lijst", en: "Page of the list" }, min: 1, max: 20, default: 1 }),
  },
  async run({ options, actor, t, locale, registry }) {
    const visible = registry.all().filter((d) => mayUse(actor, d));
    const wanted = options.commande ? registry.get(options.commande) : undefined;
    if (wanted && visible.includes(wanted)) {
      const blocks: Block[] = [
        { type: "header", text: `/cdce ${commandWords(wanted, locale)}` },
        { type: "section", text: wanted.help[locale] ?? wanted.help.fr },
        { type: "section", text: `${t("help.usage")} \`/cdce ${usageLine(wanted, locale)}\`` },
      ];
      const opts = Object.entries(wanted.options).map(([name, o]) => {
        const values = o.meta.values && o.meta.values.length <= 15 ? ` (${o.meta.values.join(", ")})` : "";
        return `• \`${optionWord(wanted, name, locale)}:\` ${o.meta.help[locale] ?? o.meta.help.fr}${values}`;
      });
      if (opts.length) blocks.push({ type: "section", text: `**${t("help.options")}**\n${opts.join("\n")}` });
      return reply(locale, blocks);
    }
    const pages = paginate(visible);
    const page = Math.min(options.page, pages.length);
    const title = pages.length > 1 ? `${t("help.title")} (${t("help.page", { page, pages: pages.length })})` : t("help.title");
    const blocks: Block[] = [{ type: "header", text: title }, ...groupSections(pages[page - 1] ?? [], locale, (intent) => t(`help.group.${intent}`))];
    // The "more" button runs the reader's own words (the terminal prints the line it runs).
    if (page < pages.length) blocks.push({ type: "actions", buttons: [{ label: t("help.more"), command: `${commandWords(aide, locale)} ${optionWord(aide, "page", locale)}:${page + 1}` }] });
    const language = registry.get("langue");
    blocks.push({ type: "context", text: t("help.footer", { help: commandWords(aide, locale), language: language ? commandWords(language, locale) : "langue" }) });
    return reply(locale, blocks);
  },
});
export default aide;
