/**
 * `/cdce initiative textes <réf>`: a press release, a social-media post and a web-page block
 * for one of the commune's initiatives, in the commune's language, naming its partners and
 * the Fair Trade Town title, from the stored facts only; with the kits that help.
 */
import { defineCommand } from "../../src/core/commands.js";
import { text } from "../../src/core/options.js";
import { requirePermission } from "../../src/core/permissions.js";
import { findInitiative } from "../../src/features/initiatives/index.js";
import { initiativeFacts } from "../../src/features/texts/facts.js";
import { readyTexts } from "../../src/features/texts/compose.js";
import { textsReply } from "../../src/features/texts/view.js";

export default defineCommand({
  name: "initiative textes",
  words: { fr: "initiative textes", de: "initiative texte", nl: "initiatief teksten", en: "initiative texts" },
  intent: "share",
  optionWords: { ref: { de: "ref", nl: "ref", en: "ref" } },
  changesState: false,
  aliases: ["initiative texte", "initiative texts", "initiatief teksten", "initiative communique"],
  help: {
    fr: "Communiqué, post et bloc web prêts à envoyer pour une initiative",
    de: "Pressemitteilung, Beitrag und Webblock für eine Initiative",
    nl: "Persbericht, bericht en webblok voor een initiatief",
    en: "Press release, post and web block for an initiative",
  },
  usage: { fr: "initiative textes 3f2a9c1b", de: "initiative textes 3f2a9c1b", nl: "initiative textes 3f2a9c1b", en: "initiative textes 3f2a9c1b" },
  permission: "commune.view",
  options: { ref: text({ help: { fr: "Référence de l’initiative", de: "Referenz der Initiative", nl: "Referentie van het initiatief", en: "Initiative reference" }, max: 40 }) },
  async run({ options: o, actor, t, locale, services }) {
    const initiative = await findInitiative(services, o.ref, actor);
    requirePermission(actor, "commune.view", { communeId: initiative.communeId }, ["texts.forbidden", "texts.error.forbidden"]);
    const commune = (await services.repos.communes.get(initiative.communeId))!;
    const partners = await services.community.partners.linkedTo({ kind: "initiative", id: initiative.id });
    const language = commune.languages[0] ?? "fr";
    const facts = initiativeFacts(initiative, commune, partners.map((p) => p.name), language);
    return textsReply(locale, t, { title: initiative.title, commune: commune.name, language, texts: readyTexts("initiative", facts, language, services.kits) });
  },
});
