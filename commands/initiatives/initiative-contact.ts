/**
 * `/cdce initiative contact <réf>` (the "Get in touch" button of a network post): the
 * author gets a direct message naming who wants to talk, on every platform they use; the
 * person who clicked is told, and learns which commune to contact if the author is gone.
 */
import { defineCommand } from "../../src/core/commands.js";
import { text } from "../../src/core/options.js";
import { message } from "../../src/core/reply.js";
import { cardInfo, findInitiative } from "../../src/features/initiatives/service.js";
import { contactRequest } from "../../src/features/initiatives/notifications.js";

export default defineCommand({
  name: "initiative contact",
  words: { fr: "initiative contact", de: "initiative kontakt", nl: "initiatief contact", en: "initiative contact" },
  intent: "find",
  optionWords: { ref: { de: "ref", nl: "ref", en: "ref" } },
  changesState: true,
  hidden: true,
  help: { fr: "Entrer en contact avec l’auteur d’une initiative", de: "Mit der Autorin / dem Autor einer Initiative Kontakt aufnehmen", nl: "Contact opnemen met de auteur van een initiatief", en: "Get in touch with an initiative’s author" },
  usage: { fr: "initiative contact 3f2a9c1b", de: "initiative contact 3f2a9c1b", nl: "initiative contact 3f2a9c1b", en: "initiative contact 3f2a9c1b" },
  options: { ref: text({ help: { fr: "Référence", de: "Referenz", nl: "Referentie", en: "Reference" }, max: 40 }) },
  async run({ options: o, t, locale, actor, now, services }) {
    const i = await findInitiative(services, o.ref, actor);
    const info = await cardInfo(services, i);
    if (!i.authorId || !info.authorName) return message(locale, t("initiative.contact.noAuthor", { commune: info.communeName }));
    if (i.authorId === actor.personId) return message(locale, t("initiative.contact.self"));
    const home = actor.communeIds[0] ? await services.repos.communes.get(actor.communeIds[0]) : null;
    const result = await services.notifier.enqueue(contactRequest(i, i.authorId, { personId: actor.personId, name: actor.name, commune: home?.name ?? null }, now));
    if (result.queued + result.duplicates === 0) return message(locale, t("initiative.contact.unreachable", { author: info.authorName, commune: info.communeName }));
    return message(locale, t("initiative.contact.sent", { author: info.authorName, title: i.title }));
  },
});
