/** `/cdce idees [statut:] [commune:]`: the ideas of a commune's box (the caller's by default), newest first. */
import { defineCommand } from "../../src/core/commands.js";
import { choice } from "../../src/core/options.js";
import { communeOption } from "../../src/core/scope.js";
import { reply } from "../../src/core/reply.js";
import { can } from "../../src/core/permissions.js";
import type { Block } from "../../src/core/types.js";
import { IDEA_STATUSES, LISTED_STATUSES, UNMODERATED_STATUSES } from "../../src/features/ideas/ports.js";
import { ideaBlocks, statusLabel, toIdeaStatus } from "../../src/features/ideas/service.js";

export default defineCommand({
  // Under `idee` so that Discord keeps it in that group; `/cdce idees` still works.
  name: "idee liste",
  words: { fr: "idee liste", de: "idee liste", nl: "idee lijst", en: "idea list" },
  intent: "find",
  optionWords: { statut: { de: "status", nl: "status", en: "status" }, commune: { de: "gemeinde", nl: "gemeente", en: "commune" } },
  changesState: false,
  aliases: ["idees", "ideas", "idées", "ideeen", "idee list"],
  help: { fr: "Voir la boîte à idées d’une commune", de: "Die Ideenbox einer Gemeinde ansehen", nl: "De ideeënbus van een gemeente bekijken", en: "See a commune’s idea box" },
  usage: { fr: "idees statut:nouvelle", de: "idees statut:new", nl: "idees statut:new", en: "idees statut:new" },
  scope: "commune",
  options: {
    statut: choice({ help: { fr: "nouvelle, etude, retenue, realisee, ecartee ; attente, refusee (CoPil)", de: "new, study, kept, done, dropped; pending, refused (CoPil)", nl: "new, study, kept, done, dropped; pending, refused (CoPil)", en: "new, study, kept, done, dropped; pending, refused (CoPil)" }, values: IDEA_STATUSES, normalize: toIdeaStatus }),
    commune: communeOption({ rest: true }),
  },
  async run({ options: o, commune, t, locale, actor, services }) {
    const manage = can(actor, "commune.manage", { communeId: commune.id });
    // Ideas awaiting moderation (or refused) are for the CoPil alone, and only when asked for.
    const statuses = (o.statut ? [o.statut] : LISTED_STATUSES).filter((s) => manage || !UNMODERATED_STATUSES.includes(s));
    const ideas = statuses.length ? await services.community.ideas.list(commune.id, statuses, 10) : [];
    if (ideas.length === 0) return reply(locale, [{ type: "section", text: t("idea.none", { commune: commune.name }) }]);
    const blocks: Block[] = [{ type: "header", text: t("idea.list.title", { commune: commune.name, count: ideas.length }) }];
    if (o.statut) blocks.push({ type: "context", text: statusLabel(t, o.statut) });
    for (const idea of ideas) {
      const author = !idea.anonymous && idea.authorId ? await services.repos.identity.getPerson(idea.authorId) : null;
      blocks.push(...ideaBlocks(t, idea, author?.name ?? null, manage), { type: "divider" });
    }
    // The renderers split a long reply into messages: every idea keeps its buttons.
    return reply(locale, blocks);
  },
});
