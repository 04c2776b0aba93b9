/**
 * `/cdce initiative valider <réf>`: coordination approves an initiative waiting for
 * moderation; it goes out to the network and its author is told.
 */
import { defineCommand } from "../../src/core/commands.js";
import { text } from "../../src/core/options.js";
import { message } from "../../src/core/reply.js";
import { announce, findInitiative, recordActivity } from "../../src/features/initiatives/service.js";
import { authorVerdict } from "../../src/features/initiatives/notifications.js";
import { refOf } from "../../src/features/initiatives/render.js";

export default defineCommand({
  name: "initiative valider",
  words: { fr: "initiative valider", de: "initiative freigeben", nl: "initiatief goedkeuren", en: "initiative approve" },
  intent: "manage",
  optionWords: { ref: { de: "ref", nl: "ref", en: "ref" } },
  changesState: true,
  aliases: ["initiative approve", "initiative freigeben", "initiative goedkeuren"],
  help: { fr: "Valider une initiative en attente (coordination)", de: "Eine wartende Initiative freigeben (Koordination)", nl: "Een wachtend initiatief goedkeuren (coördinatie)", en: "Approve a pending initiative (coordination)" },
  usage: { fr: "initiative valider 3f2a9c1b", de: "initiative valider 3f2a9c1b", nl: "initiative valider 3f2a9c1b", en: "initiative valider 3f2a9c1b" },
  permission: "network.admin",
  options: { ref: text({ help: { fr: "Référence", de: "Referenz", nl: "Referentie", en: "Reference" }, max: 40 }) },
  async run({ options: o, t, locale, actor, now, services }) {
    const i = await findInitiative(services, o.ref, actor);
    if (i.status === "published") return message(locale, t("initiative.moderation.already", { title: i.title }));
    const published = await services.community.initiatives.update(i.id, { status: "published", moderatedAt: now });
    // A refused initiative stopped counting as activity; approved now, it counts again.
    if (i.status === "rejected") await recordActivity(services, published, now);
    await announce(services, published, now);
    if (published.authorId) await services.notifier.enqueue(authorVerdict(published, published.authorId, "approved", undefined, now));
    // "Its author is told" only when the verdict is in the outbox.
    if (services.notifier.queuedUnder(`initiative:${i.id}:author:approved`) > 0) return message(locale, t("initiative.moderation.approved", { title: i.title, ref: refOf(i.id) }));
    return message(locale, `${t("initiative.moderation.approved.base", { title: i.title, ref: refOf(i.id) })} ${t("initiative.author.untold")}`);
  },
});
