/**
 * `/cdce initiative refuser <réf> [raison]`: coordination refuses an initiative waiting for
 * moderation; its author is told why. It stays stored (the author may edit and ask again)
 * but is not shown to the network.
 */
import { defineCommand } from "../../src/core/commands.js";
import { text } from "../../src/core/options.js";
import { message } from "../../src/core/reply.js";
import { findInitiative, withdraw } from "../../src/features/initiatives/service.js";
import { authorVerdict } from "../../src/features/initiatives/notifications.js";

export default defineCommand({
  name: "initiative refuser",
  words: { fr: "initiative refuser", de: "initiative ablehnen", nl: "initiatief weigeren", en: "initiative reject" },
  intent: "manage",
  optionWords: { ref: { de: "ref", nl: "ref", en: "ref" }, raison: { de: "grund", nl: "reden", en: "reason" } },
  changesState: true,
  aliases: ["initiative reject", "initiative ablehnen", "initiative weigeren"],
  help: { fr: "Refuser une initiative en attente (coordination)", de: "Eine wartende Initiative ablehnen (Koordination)", nl: "Een wachtend initiatief weigeren (coördinatie)", en: "Reject a pending initiative (coordination)" },
  usage: { fr: "initiative refuser 3f2a9c1b doublon", de: "initiative refuser 3f2a9c1b Duplikat", nl: "initiative refuser 3f2a9c1b dubbel", en: "initiative refuser 3f2a9c1b duplicate" },
  permission: "network.admin",
  options: {
    ref: text({ help: { fr: "Référence", de: "Referenz", nl: "Referentie", en: "Reference" }, max: 40 }),
    raison: text({ help: { fr: "Raison, transmise à l’auteur", de: "Grund, an die Autorin / den Autor", nl: "Reden, doorgegeven aan de auteur", en: "Reason, passed on to the author" }, max: 500, rest: true }),
  },
  async run({ options: o, t, locale, actor, now, services }) {
    const i = await findInitiative(services, o.ref, actor);
    if (i.status === "rejected") return message(locale, t("initiative.moderation.alreadyRejected", { title: i.title }));
    const wasPublished = i.status === "published";
    const rejected = await services.community.initiatives.update(i.id, { status: "rejected", moderatedAt: now });
    // Refusing after publication also takes the posts down.
    if (wasPublished) await withdraw(services, i);
    await services.community.initiatives.removeActivity(i.id);
    if (rejected.authorId) await services.notifier.enqueue(authorVerdict(rejected, rejected.authorId, "rejected", o.raison, now));
    if (services.notifier.queuedUnder(`initiative:${i.id}:author:rejected`) > 0) return message(locale, t("initiative.moderation.rejected", { title: i.title }));
    return message(locale, `${t("initiative.moderation.rejected.base", { title: i.title })} ${t("initiative.author.untold")}`);
  },
});
