/**
 * `/cdce copil candidats [commune]`: the people who answered the CoPil's recruitment calls,
 * newest first, each with an "Invite" button (`copil inviter`). For the commune's CoPil.
 */
import { defineCommand } from "../../src/core/commands.js";
import { communeOption } from "../../src/core/scope.js";
import { reply } from "../../src/core/reply.js";
import type { Block, Button } from "../../src/core/types.js";
import { formatLocalDay } from "../../src/core/time/local.js";
import { recruitRef } from "../../src/features/joining/recruit.js";

/** Buttons shown: Discord holds five rows of five; the list says the rest. */
const MAX_BUTTONS = 10;

export default defineCommand({
  name: "copil candidats",
  words: { fr: "copil candidats", de: "copil kandidaten", nl: "copil kandidaten", en: "copil candidates" },
  intent: "manage",
  optionWords: { commune: { de: "gemeinde", nl: "gemeente", en: "commune" } },
  changesState: false,
  aliases: ["copil candidates", "copil interesses"],
  help: { fr: "Les personnes intéressées par le CoPil, à inviter en un clic", de: "Die an der Steuerungsgruppe Interessierten, mit einem Klick einzuladen", nl: "De geïnteresseerden voor de stuurgroep, met één klik uit te nodigen", en: "The people interested in the CoPil, to invite in one click" },
  usage: { fr: "copil candidats", de: "copil candidats Eupen", nl: "copil candidats", en: "copil candidats Namur" },
  scope: "commune",
  permission: "copil.manage",
  options: {
    commune: communeOption({ rest: true }),
  },
  async run({ commune, t, locale, actor, services }) {
    const answers = await services.joining.recruit.answers(commune.id, 50);
    if (answers.length === 0) return reply(locale, [{ type: "section", text: t("recruit.candidates.none", { commune: commune.name }) }]);
    const lines: string[] = [];
    const buttons: Button[] = [];
    for (const a of answers) {
      const name = (await services.repos.identity.getPerson(a.personId))?.name ?? "?";
      lines.push(`• ${t("recruit.candidate", { name, date: formatLocalDay(a.answeredAt, actor.timeZone, locale), invited: a.invitedAt ? t("recruit.candidate.invited") : "" })}`);
      if (!a.invitedAt && buttons.length < MAX_BUTTONS) buttons.push({ label: t("recruit.button.invite", { name: name.slice(0, 40) }), command: `copil inviter ${recruitRef(a.id)}` });
    }
    const blocks: Block[] = [{ type: "header", text: t("recruit.candidates.title", { commune: commune.name, count: answers.length }) }, { type: "section", text: lines.join("\n") }];
    if (buttons.length) blocks.push({ type: "actions", buttons });
    return reply(locale, blocks);
  },
});
