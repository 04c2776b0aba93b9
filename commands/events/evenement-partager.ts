/** `/cdce evenement partager k3x9q`: the CoPil shares its local event in the network's channels. */
import { defineCommand } from "../../src/core/commands.js";
import { text } from "../../src/core/options.js";
import { message } from "../../src/core/reply.js";
import { assertCanManage, eventByCode } from "../../src/features/events/lookup.js";

export default defineCommand({
  name: "evenement partager",
  words: { fr: "evenement partager", de: "veranstaltung teilen", nl: "evenement delen", en: "event share" },
  intent: "share",
  optionWords: { code: { de: "code", nl: "code", en: "code" } },
  changesState: true,
  aliases: ["evenement share", "veranstaltung teilen", "evenement delen"],
  help: { fr: "Partager une action locale avec tout le réseau", de: "Eine lokale Aktion mit dem ganzen Netzwerk teilen", nl: "Een lokale actie delen met het hele netwerk", en: "Share a local action with the whole network" },
  usage: { fr: "evenement partager k3x9q", de: "evenement partager k3x9q", nl: "evenement partager k3x9q", en: "evenement partager k3x9q" },
  options: { code: text({ help: { fr: "Code", de: "Code", nl: "Code", en: "Code" }, max: 20 }) },
  async run({ options, actor, t, locale, now, services }) {
    const event = await eventByCode(services, options.code);
    assertCanManage(actor, event, "evenement partager");
    if (event.kind !== "local") return message(locale, t("ev.local.notLocal"));
    if (event.state !== "scheduled" || event.endsAt <= now) return message(locale, t("ev.isOver", { title: event.title }));
    if (event.sharedAt) return message(locale, t("ev.local.alreadyShared", { title: event.title }));
    const commune = event.communeId ? await services.repos.communes.get(event.communeId) : null;
    const partners = await services.community.partners.linkedTo({ kind: "event", id: event.id });
    await services.events.announce({ ...event, sharedAt: now }, now, "ev.announce.shared", commune?.name ?? "", partners.map((p) => p.name));
    // "Shared" only when the post is in the outbox. Otherwise not marked shared: it can be shared again once a channel is linked.
    if (services.notifier.queuedUnder(`evt:${event.id}:announce:`) === 0) return message(locale, t("ev.local.noNetworkChannel", { title: event.title }));
    await services.events.repo.update(event.id, { sharedAt: now });
    return message(locale, t("ev.local.shared", { title: event.title }));
  },
});
