/**
 * `/cdce evenement textes <code>`: a press release, a social-media post and a web-page block
 * for one of the commune's local events, in the commune's language, naming its partners and
 * the Fair Trade Town title, from the stored facts only; with the kits that help.
 */
import { defineCommand } from "../../src/core/commands.js";
import { text } from "../../src/core/options.js";
import { requirePermission } from "../../src/core/permissions.js";
import { CdceError } from "../../src/core/errors.js";
import { prefixWithin } from "../../src/core/clip.js";
import { eventFacts } from "../../src/features/texts/facts.js";
import { readyTexts } from "../../src/features/texts/compose.js";
import { textsReply } from "../../src/features/texts/view.js";

export default defineCommand({
  name: "evenement textes",
  words: { fr: "evenement textes", de: "veranstaltung texte", nl: "evenement teksten", en: "event texts" },
  intent: "share",
  optionWords: { code: { de: "code", nl: "code", en: "code" } },
  changesState: false,
  aliases: ["evenement texte", "event texts", "veranstaltung texte", "evenement teksten"],
  help: {
    fr: "Communiqué, post et bloc web prêts à envoyer pour un événement local",
    de: "Pressemitteilung, Beitrag und Webblock für eine lokale Veranstaltung",
    nl: "Persbericht, bericht en webblok voor een lokaal evenement",
    en: "Press release, post and web block for a local event",
  },
  usage: { fr: "evenement textes k3x9q", de: "evenement textes k3x9q", nl: "evenement textes k3x9q", en: "evenement textes k3x9q" },
  permission: "commune.view",
  options: { code: text({ help: { fr: "Code de l’événement", de: "Code der Veranstaltung", nl: "Code van het evenement", en: "Event code" }, max: 20 }) },
  async run({ options: o, actor, t, locale, services }) {
    if (!o.code) throw new CdceError("event.code_missing", "ev.codeMissing");
    const event = await services.events.repo.byCode(o.code);
    if (!event) throw new CdceError("event.unknown", "ev.unknown", { code: prefixWithin(o.code, 20) });
    if (!event.communeId) throw new CdceError("texts.not_local", "texts.error.notLocal", { title: event.title });
    requirePermission(actor, "commune.view", { communeId: event.communeId }, ["texts.forbidden", "texts.error.forbidden"]);
    const commune = (await services.repos.communes.get(event.communeId))!;
    const partners = await services.community.partners.linkedTo({ kind: "event", id: event.id });
    const language = commune.languages[0] ?? "fr";
    const facts = eventFacts(event, commune, partners.map((p) => p.name), language);
    return textsReply(locale, t, { title: event.title, commune: commune.name, language, texts: readyTexts("event", facts, language, services.kits) });
  },
});
