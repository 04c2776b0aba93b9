/**
 * `/cdce initiative aussi <réf>` (the "We'll do it too" button): records that the caller
 * (and their commune) picks the initiative up, once per person, and tells the author.
 */
import { defineCommand } from "../../src/core/commands.js";
import { text } from "../../src/core/options.js";
import { message } from "../../src/core/reply.js";
import { findInitiative } from "../../src/features/initiatives/service.js";
import { followNotice } from "../../src/features/initiatives/notifications.js";

export default defineCommand({
  name: "initiative aussi",
  words: { fr: "initiative aussi", de: "initiative auch", nl: "initiatief ook", en: "initiative too" },
  intent: "take-part",
  optionWords: { ref: { de: "ref", nl: "ref", en: "ref" } },
  changesState: true,
  aliases: ["initiative too", "initiative auch", "initiative ook"],
  hidden: true,
  help: { fr: "Dire « on le fait aussi » à une initiative", de: "„Machen wir auch“ zu einer Initiative sagen", nl: "„Wij doen het ook” zeggen bij een initiatief", en: "Say “we’ll do it too” to an initiative" },
  usage: { fr: "initiative aussi 3f2a9c1b", de: "initiative aussi 3f2a9c1b", nl: "initiative aussi 3f2a9c1b", en: "initiative aussi 3f2a9c1b" },
  options: { ref: text({ help: { fr: "Référence", de: "Referenz", nl: "Referentie", en: "Reference" }, max: 40 }) },
  async run({ options: o, t, locale, actor, now, services }) {
    const i = await findInitiative(services, o.ref, actor);
    if (i.status !== "published") return message(locale, t("initiative.error.notPublished", { title: i.title }));
    const communeId = actor.communeIds[0] ?? null;
    const { created, count } = await services.community.initiatives.follow(i.id, actor.personId, communeId, now);
    if (!created) return message(locale, t("initiative.follow.already", { title: i.title, count }));
    if (i.authorId && i.authorId !== actor.personId) {
      const home = communeId ? await services.repos.communes.get(communeId) : null;
      await services.notifier.enqueue(followNotice(i, i.authorId, { personId: actor.personId, name: actor.name, commune: home?.name ?? null }, now));
    }
    if (services.notifier.queuedUnder(`initiative:${i.id}:follow:${actor.personId}`) > 0) return message(locale, t("initiative.follow.done", { title: i.title, count }));
    // The author following their own initiative is not told anything; nor is there anyone to tell.
    if (!i.authorId || i.authorId === actor.personId) return message(locale, t("initiative.follow.done.base", { title: i.title, count }));
    return message(locale, `${t("initiative.follow.done.base", { title: i.title, count })} ${t("initiative.author.untold")}`);
  },
});
