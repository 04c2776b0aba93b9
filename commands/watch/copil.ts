/**
 * `/cdce copil [commune]`: the CoPil roster (members, roles, mandates) with its health:
 * size, criterion 5's diversity, mandates ending. For the commune's members and coordination.
 */
import { defineCommand } from "../../src/core/commands.js";
import { communeOption } from "../../src/core/scope.js";
import { reply } from "../../src/core/reply.js";
import type { Block } from "../../src/core/types.js";
import { rosterHealth } from "../../src/features/watch/roster.js";
import { MOMENTUM_CONFIG } from "../../src/features/watch/config.js";
import { formatDay, formatList, groupLabel, kindLabel } from "../../src/features/watch/format.js";
import { KIND_EXAMPLES } from "../../src/features/watch/input.js";

export default defineCommand({
  name: "copil",
  words: { fr: "copil", de: "copil", nl: "copil", en: "copil" },
  intent: "manage",
  optionWords: { commune: { de: "gemeinde", nl: "gemeente", en: "commune" } },
  changesState: false,
  aliases: ["comite"],
  help: {
    fr: "Le CoPil de la commune : membres, rôles, mandats, diversité",
    de: "Das CoPil der Gemeinde: Mitglieder, Rollen, Mandate, Vielfalt",
    nl: "De CoPil van de gemeente: leden, rollen, mandaten, diversiteit",
    en: "The commune's CoPil: members, roles, mandates, diversity",
  },
  usage: { fr: "copil", de: "copil Eupen", nl: "copil", en: "copil Namur" },
  scope: "commune",
  permission: "commune.view",
  options: {
    commune: communeOption({ rest: true }),
  },
  async run({ commune, t, locale, now, services }) {
    const members = await services.watch.copil.active(commune.id, now);
    const health = rosterHealth(members, now);
    const list = members.map((m) => `• **${m.name}** — ${kindLabel(t, m.kind)}${m.mandateEndsOn ? ` (${t("copil.mandate", { date: formatDay(locale, m.mandateEndsOn) })})` : ""}`);
    const status: string[] = [];
    if (health.small) status.push(t("copil.health.small", { min: MOMENTUM_CONFIG.roster.minSize }));
    if (health.composition.missing.length) status.push(t("copil.health.missing", { groups: formatList(locale, health.composition.missing.map((g) => groupLabel(t, g))) }));
    if (health.mandatesEnding.length) status.push(t("copil.health.mandates", { list: health.mandatesEnding.map((m) => `${m.name} (${formatDay(locale, m.mandateEndsOn!)})`).join(", ") }));
    if (status.length === 0) status.push(t("copil.health.ok"));
    const blocks: Block[] = [
      { type: "header", text: t("copil.title", { commune: commune.name, size: members.length }) },
      { type: "section", text: list.length ? list.join("\n") : t("copil.empty") },
      { type: "section", text: status.join("\n") },
      { type: "context", text: t("copil.hint", { kinds: KIND_EXAMPLES.join(", ") }) },
    ];
    return reply(locale, blocks);
  },
});
