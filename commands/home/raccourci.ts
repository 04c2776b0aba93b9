/**
 * `/cdce raccourci initiative|webinaire|kit [texte:] [lien:]` (hidden): what a platform's
 * shortcut opens (Slack's global shortcuts and its message shortcut "Partager avec le
 * réseau"): the form of the command it stands for, pre-filled with a message's text and link.
 * The person's rights are checked first, with the command's own permission: a shortcut never
 * opens a form whose submission would be refused.
 */
import { defineCommand } from "../../src/core/commands.js";
import { choice, text } from "../../src/core/options.js";
import { message } from "../../src/core/reply.js";
import { SHORTCUTS, shortcutForm } from "../../src/features/home/index.js";

export default defineCommand({
  name: "raccourci",
  words: { fr: "raccourci", de: "verknüpfung", nl: "snelkoppeling", en: "shortcut" },
  intent: "share",
  optionWords: { quoi: { de: "was", nl: "wat", en: "which" }, texte: { de: "text", nl: "tekst", en: "text" }, lien: { de: "link", nl: "koppeling", en: "link" } },
  changesState: false,
  hidden: true,
  aliases: ["shortcut", "verknupfung", "snelkoppeling"],
  help: { fr: "Ouvre le formulaire d’un raccourci", de: "Öffnet das Formular einer Verknüpfung", nl: "Opent het formulier van een snelkoppeling", en: "Opens a shortcut's form" },
  usage: { fr: "raccourci initiative", de: "raccourci initiative", nl: "raccourci initiative", en: "raccourci initiative" },
  options: {
    quoi: choice({ help: { fr: "Quel raccourci", de: "Welche Verknüpfung", nl: "Welke snelkoppeling", en: "Which shortcut" }, values: SHORTCUTS }),
    texte: text({ help: { fr: "Texte du message partagé", de: "Text der geteilten Nachricht", nl: "Tekst van het gedeelde bericht", en: "Text of the shared message" }, max: 4000 }),
    lien: text({ help: { fr: "Lien du message partagé", de: "Link der geteilten Nachricht", nl: "Link van het gedeelde bericht", en: "Link of the shared message" }, max: 500 }),
  },
  async run({ options, actor, t, locale, registry }) {
    if (!options.quoi) return message(locale, t("home.shortcut.unknown"));
    return shortcutForm({ t, locale, actor, registry }, options.quoi, { text: options.texte, link: options.lien });
  },
});
