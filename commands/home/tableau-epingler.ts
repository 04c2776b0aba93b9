/**
 * `/cdce tableau epingler [commune]`: pins in this channel a board the bot keeps current (a
 * message edited in place through the outbox after every change), with the same content as
 * a home on Slack, for the commune named (or the caller's own); coordination without a
 * commune pins the network's board. Discord has no home tab: this is its home.
 */
import { defineCommand } from "../../src/core/commands.js";
import { requirePermission } from "../../src/core/permissions.js";
import { message } from "../../src/core/reply.js";
import { communeOption } from "../../src/core/scope.js";
import { refreshBoard } from "../../src/features/home/index.js";

export default defineCommand({
  name: "tableau epingler",
  words: { fr: "tableau epingler", de: "übersicht anheften", nl: "overzicht vastzetten", en: "dashboard pin" },
  intent: "manage",
  optionWords: { commune: { de: "gemeinde", nl: "gemeente", en: "commune" } },
  changesState: true,
  aliases: ["ubersicht anheften", "overzicht vastzetten", "dashboard pin"],
  help: { fr: "Épingler ici un tableau de la commune tenu à jour", de: "Hier eine stets aktuelle Übersicht der Gemeinde anheften", nl: "Hier een bijgehouden overzicht van de gemeente vastzetten", en: "Pin here a board of the commune kept up to date" },
  usage: { fr: "tableau epingler", de: "tableau epingler Eupen", nl: "tableau epingler", en: "tableau epingler Namur" },
  scope: "commune-optional",
  permission: "commune.manage",
  options: { commune: communeOption({ rest: true }) },
  async run({ commune, actor, t, locale, now, channel, services }) {
    if (!channel) return message(locale, t("home.pin.noChannel"));
    // No commune at all: the network's board, coordination's alone.
    if (!commune) requirePermission(actor, "network.admin", { communeId: null }, ["error.forbidden", "error.forbidden", { command: "tableau epingler" }]);
    const communeId = commune?.id ?? null;
    const where = commune?.name ?? t("home.board.network");
    const existing = await services.boards.get(channel);
    const same = existing && existing.communeId === communeId;
    await services.boards.put({ channel, communeId, messageId: same ? existing.messageId : null });
    await refreshBoard(services, channel, now, "now");
    return message(locale, t(same ? "home.pin.again" : "home.pin.done", { where }), "channel");
  },
});
