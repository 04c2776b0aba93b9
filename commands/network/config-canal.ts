/**
 * `/cdce config canal <commune|reseau|coordination|retirer|voir> [commune:Namur]`
 * Coordination maps the channel where the command is typed to a commune's CoPil, to the
 * network's shared channel, or to the coordination channel (where alerts go).
 */
import { defineCommand } from "../../src/core/commands.js";
import { choice, text } from "../../src/core/options.js";
import { message } from "../../src/core/reply.js";
import { CdceError } from "../../src/core/errors.js";
import type { ChannelPurpose } from "../../src/core/ports.js";
import { prefixWithin } from "../../src/core/clip.js";

const USES = ["commune", "reseau", "coordination", "retirer", "voir"] as const;
const PURPOSE = new Map<string, ChannelPurpose>([["commune", "commune"], ["reseau", "network"], ["coordination", "coordination"]]);

export default defineCommand({
  name: "config canal",
  words: { fr: "config canal", de: "konfig kanal", nl: "config kanaal", en: "config channel" },
  intent: "manage",
  optionWords: { usage: { de: "zweck", nl: "gebruik", en: "purpose" }, commune: { de: "gemeinde", nl: "gemeente", en: "commune" } },
  changesState: true,
  aliases: ["config channel"],
  help: { fr: "Relier ce canal à une commune ou au réseau (coordination)", de: "Diesen Kanal mit einer Gemeinde oder dem Netzwerk verbinden (Koordination)", nl: "Dit kanaal koppelen aan een gemeente of het netwerk (coördinatie)", en: "Link this channel to a commune or the network (coordination)" },
  usage: { fr: "config canal commune Namur", de: "config canal commune Eupen", nl: "config canal reseau", en: "config canal reseau" },
  permission: "channels.configure",
  options: {
    usage: choice({ help: { fr: "commune, reseau, coordination, retirer ou voir", de: "commune, reseau, coordination, retirer oder voir", nl: "commune, reseau, coordination, retirer of voir", en: "commune, reseau, coordination, retirer or voir" }, values: USES }),
    commune: text({ help: { fr: "Nom de la commune", de: "Name der Gemeinde", nl: "Naam van de gemeente", en: "Commune name" }, max: 80, rest: true, autocomplete: "commune" }),
  },
  async run({ options, t, locale, channel, services }) {
    if (!channel) throw new CdceError("channel.none", "channel.none");
    const { platform, workspaceId, channelId } = channel;
    const repo = services.repos.channels;
    const use = options.usage ?? "voir";
    if (use === "voir") {
      const link = await repo.find(platform, workspaceId, channelId);
      if (!link) return message(locale, t("channel.unlinked"));
      const commune = link.communeId ? await services.repos.communes.get(link.communeId) : null;
      return message(locale, t(`channel.is.${link.purpose}`, { commune: commune?.name ?? "?" }));
    }
    if (use === "retirer") {
      await repo.unlink(platform, workspaceId, channelId);
      return message(locale, t("channel.removed"));
    }
    let communeId: string | null = null;
    let communeName = "";
    if (use === "commune") {
      if (!options.commune) throw new CdceError("channel.commune_missing", "channel.communeMissing");
      const commune = await services.repos.communes.findByName(options.commune);
      if (!commune) throw new CdceError("commune.unknown", "commune.unknown", { name: prefixWithin(options.commune, 60) });
      communeId = commune.id;
      communeName = commune.name;
    }
    const purpose = PURPOSE.get(use) as ChannelPurpose;
    await repo.link({ platform, workspaceId, channelId, purpose, communeId });
    return message(locale, t(`channel.linked.${purpose}`, { commune: communeName }));
  },
});
