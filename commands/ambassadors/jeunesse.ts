/** `/cdce jeunesse [commune]`: the youth groups of a commune and who goes there. */
import { defineCommand } from "../../src/core/commands.js";
import { communeOption } from "../../src/core/scope.js";
import { message, reply } from "../../src/core/reply.js";
import type { Block } from "../../src/core/types.js";
import { groupLines } from "../../src/features/ambassadors/youth.js";

export default defineCommand({
  name: "jeunesse",
  words: { fr: "jeunesse", de: "jugend", nl: "jeugd", en: "youth" },
  intent: "find",
  optionWords: { commune: { de: "gemeinde", nl: "gemeente", en: "commune" } },
  changesState: false,
  aliases: ["jugend", "jeugd", "youth"],
  help: { fr: "Les groupes de jeunes de ma commune (maisons de jeunes, mouvements de jeunesse) et qui y va", de: "Die Jugendgruppen meiner Gemeinde (Jugendhäuser, Jugendbewegungen) und wer hingeht", nl: "De jeugdgroepen van mijn gemeente (jeugdhuizen, jeugdbewegingen) en wie erheen gaat", en: "My commune’s youth groups (youth centres, youth movements) and who goes there" },
  usage: { fr: "jeunesse Namur", de: "jugend Eupen", nl: "jeugd Jette", en: "youth Namur" },
  scope: "commune",
  options: { commune: communeOption({ rest: true }) },
  async run({ commune, t, locale, services }) {
    const groups = await services.ambassadorNetwork.youth.ofCommune(commune.id);
    if (groups.length === 0) return message(locale, t("youth.none", { commune: commune.name }));
    const blocks: Block[] = [{ type: "header", text: t("youth.title", { commune: commune.name, count: groups.length }) }, ...groupLines(t, groups)];
    return reply(locale, blocks);
  },
});
