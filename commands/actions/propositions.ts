/** `/cdce propositions [commune]`: the actions proposed to my commune's CoPil, waiting for a decision. */
import { defineCommand } from "../../src/core/commands.js";
import { communeOption } from "../../src/core/scope.js";
import { message, reply } from "../../src/core/reply.js";
import type { Block } from "../../src/core/types.js";
import { decisionButtons, proposalBlocks } from "../../src/features/actions/proposals.js";
import { proposerName } from "../../src/features/actions/decide.js";

export default defineCommand({
  name: "propositions",
  words: { fr: "propositions", de: "vorschlaege", nl: "voorstellen", en: "proposals" },
  intent: "manage",
  optionWords: { commune: { de: "gemeinde", nl: "gemeente", en: "commune" } },
  changesState: false,
  aliases: ["vorschläge", "vorschlaege", "voorstellen", "proposals"],
  help: { fr: "Les actions proposées à ma commune, en attente du CoPil", de: "Die meiner Gemeinde vorgeschlagenen Aktionen, die auf die Steuerungsgruppe warten", nl: "De aan mijn gemeente voorgestelde acties, wachtend op de stuurgroep", en: "Actions proposed to my commune, waiting for the committee" },
  usage: { fr: "propositions", de: "vorschlaege", nl: "voorstellen", en: "proposals" },
  scope: "commune",
  permission: "commune.manage",
  refusal: "act.proposal.forbidden",
  options: { commune: communeOption({ rest: true }) },
  async run({ commune, actor, t, locale, services }) {
    const pending = await services.actions.proposals.list(commune.id, "pending", 10);
    if (pending.length === 0) return message(locale, t("act.proposals.none", { commune: commune.name }));
    const blocks: Block[] = [{ type: "header", text: t("act.proposals.title", { commune: commune.name, count: pending.length }) }];
    for (const p of pending.slice(0, 5)) {
      blocks.push({ type: "context", text: await proposerName(services, p, t("act.someone")) }, ...proposalBlocks(t, locale, p, actor.timeZone), decisionButtons(t, p));
    }
    return reply(locale, blocks);
  },
});
