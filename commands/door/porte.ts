/**
 * The plain-language front door (hidden: platforms run it for a direct message or a mention,
 * see src/core/inbound.ts): the commands closest to what the person wrote, as buttons, in the
 * language they wrote in; the best kits at once when it reads like a search; else a short
 * answer with the most common actions. Only what the person may run is offered.
 */
import { commandWords, defineCommand, type CommandDefinition } from "../../src/core/commands.js";
import { mayUse } from "../../src/core/chain/index.js";
import { prefixWithin } from "../../src/core/clip.js";
import { FRONT_DOOR_COMMAND, FRONT_DOOR_MAX } from "../../src/core/inbound.js";
import { text } from "../../src/core/options.js";
import { reply } from "../../src/core/reply.js";
import { translator } from "../../src/core/i18n/catalogue.js";
import type { Block, Button, Locale } from "../../src/core/types.js";
import { CommandFinder, languageOf, readsLikeSearch } from "../../src/features/door/index.js";
import { words, type KitSearchResult } from "../../src/features/kits/index.js";

/** Buttons for the closest commands, and kits shown at once. */
const MAX_COMMANDS = 3;
const MAX_KITS = 3;
/** What people ask most, offered when a message cannot be placed (the first three they may run). */
const COMMON = ["kit", "webinaires", "initiative chercher", "aide"];

/** One finder per registry (its commands do not change while it runs). */
const finders = new WeakMap<object, CommandFinder>();

/** A button that runs the command in the reader's words, labelled with what it does. */
function commandButton(def: CommandDefinition, locale: Locale, line?: string): Button {
  return { label: prefixWithin(def.help[locale] ?? def.help.fr, 70), command: line ?? commandWords(def, locale) };
}

export default defineCommand({
  name: FRONT_DOOR_COMMAND,
  words: { fr: "porte", de: "tür", nl: "deur", en: "door" },
  intent: "me",
  optionWords: { message: { de: "nachricht", nl: "bericht", en: "message" } },
  hidden: true,
  changesState: false,
  help: { fr: "Répondre à un message écrit en langage courant", de: "Auf eine frei geschriebene Nachricht antworten", nl: "Antwoorden op een vrij geschreven bericht", en: "Answer a message written in plain language" },
  usage: { fr: "porte je cherche une affiche pour les jeunes", de: "porte wann ist das nächste Webinar?", nl: "porte ik zoek een affiche voor jongeren", en: "porte when is the next webinar?" },
  options: {
    message: text({ help: { fr: "Le message", de: "Die Nachricht", nl: "Het bericht", en: "The message" }, max: FRONT_DOOR_MAX, rest: true }),
  },
  async run({ options, actor, locale: own, registry, services }) {
    const said = options.message ?? "";
    // Answer in the language the person wrote in; their own when the message does not tell.
    const locale = languageOf(said) ?? own;
    const t = translator(locale);
    let finder = finders.get(registry);
    if (!finder) finders.set(registry, (finder = new CommandFinder(registry.all().filter((d) => !d.hidden))));
    const allowed = (d: CommandDefinition) => mayUse(actor, d);
    const ranked = finder.rank(said, locale, allowed).slice(0, MAX_COMMANDS);
    const kitCommand = registry.get("kit");
    const search = readsLikeSearch(said) || ranked[0]?.def === kitCommand;
    const kits: KitSearchResult | undefined = search ? services.kits.search({ words: said, locale }) : undefined;
    const help = registry.get("aide");
    const hint: Block = { type: "context", text: t("door.hint", { help: help ? commandWords(help, locale) : "aide" }) };
    if (ranked.length === 0 && !kits?.total) {
      const common = COMMON.map((n) => registry.get(n)).filter((d): d is CommandDefinition => !!d && allowed(d)).slice(0, 3);
      return reply(locale, [{ type: "section", text: t("door.unplaced") }, { type: "actions", buttons: common.map((d) => commandButton(d, locale)) }, hint]);
    }
    const blocks: Block[] = [];
    if (kits?.total) {
      const lines = kits.hits.slice(0, MAX_KITS).map(({ kit }) => `• **${kit.title[locale] ?? kit.title.fr}** — ${prefixWithin(kit.summary[locale] ?? kit.summary.fr, 160)} \`${kit.id}\``);
      blocks.push({ type: "section", text: `${t("door.kits")}\n${lines.join("\n")}` });
    }
    if (ranked.length) {
      // The kit search itself, with the words the person used (plain words: nothing in them
      // can read as an option), rather than an empty `kit`.
      const kitLine = kitCommand ? `${commandWords(kitCommand, locale)} ${prefixWithin(words(said).join(" "), 70)}`.trim() : undefined;
      const buttons = ranked.map(({ def }) => commandButton(def, locale, def === kitCommand && kits?.total ? kitLine : undefined));
      blocks.push({ type: "section", text: t("door.closest") }, { type: "actions", buttons });
    }
    blocks.push(hint);
    return reply(locale, blocks);
  },
});
