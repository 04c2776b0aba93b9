/** `/cdce langue de`: the language of my replies (fr, de, nl, en). */
import { defineCommand } from "../../src/core/commands.js";
import { choice } from "../../src/core/options.js";
import { LOCALES } from "../../src/core/types.js";
import { message } from "../../src/core/reply.js";
import { translator, toLocale } from "../../src/core/i18n/catalogue.js";
import { fold } from "../../src/core/fold.js";
import { wordTable } from "../../src/core/word-table.js";

/** Language names as people type them, in the four languages. */
const NAMES = wordTable<(typeof LOCALES)[number]>({
  francais: "fr", french: "fr", franzosisch: "fr", frans: "fr",
  deutsch: "de", allemand: "de", german: "de", duits: "de",
  nederlands: "nl", neerlandais: "nl", dutch: "nl", niederlandisch: "nl", vlaams: "nl",
  english: "en", anglais: "en", englisch: "en", engels: "en",
});

export default defineCommand({
  name: "langue",
  words: { fr: "langue", de: "sprache", nl: "taal", en: "language" },
  intent: "me",
  optionWords: { code: { de: "code", nl: "code", en: "code" } },
  changesState: true,
  aliases: ["language", "sprache", "taal"],
  help: { fr: "Choisir la langue de mes réponses", de: "Die Sprache meiner Antworten wählen", nl: "De taal van mijn antwoorden kiezen", en: "Choose the language of my replies" },
  usage: { fr: "langue fr", de: "langue de", nl: "langue nl", en: "langue en" },
  options: {
    code: choice({
      help: { fr: "fr, de, nl ou en", de: "fr, de, nl oder en", nl: "fr, de, nl of en", en: "fr, de, nl or en" },
      values: LOCALES,
      normalize: (raw) => toLocale(raw) ?? NAMES.get(fold(raw)),
    }),
  },
  async run({ options, actor, t, locale, services }) {
    if (!options.code) return message(locale, t("lang.current", { language: t(`language.${locale}`) }));
    await services.repos.identity.updatePerson(actor.personId, { locale: options.code, localeChosen: true });
    const t2 = translator(options.code);
    return message(options.code, t2("lang.changed", { language: t2(`language.${options.code}`) }));
  },
});
