/** `/cdce idees [statut:] [commune:]`: the ideas of a commune's box (the caller's by default), newest first. */
import { defineCommand } from "../../src/core/commands.js";
import { choice, text } from "../../src/core/options.js";
import { reply } from "../../src/core/reply.js";
import { can } from "../../src/core/permissions.js";
import { CdceError } from "../../src/core/errors.js";
import type { Block } from "../../src/core/types.js";
import { IDEA_STATUSES } from "../../src/features/ideas/ports.js";
import { ideaBlocks, statusLabel, toIdeaStatus } from "../../src/features/ideas/service.js";
import { prefixWithin } from "../../src/core/clip.js";

export default defineCommand({
  // Under `idee` so that Discord keeps it in that group; `/cdce idees` still works.
  name: "idee liste",
  changesState: false,
  aliases: ["idees", "ideas", "idées", "ideeen", "idee list"],
  help: { fr: "Voir la boîte à idées d’une commune", de: "Die Ideenbox einer Gemeinde ansehen", nl: "De ideeënbus van een gemeente bekijken", en: "See a commune’s idea box" },
  usage: { fr: "idees statut:nouvelle", de: "idees statut:new", nl: "idees statut:new", en: "idees statut:new" },
  options: {
    statut: choice({ help: { fr: "nouvelle, etude, retenue, realisee, ecartee", de: "new, study, kept, done, dropped", nl: "new, study, kept, done, dropped", en: "new, study, kept, done, dropped" }, values: IDEA_STATUSES, normalize: toIdeaStatus }),
    commune: text({ help: { fr: "Commune (par défaut la vôtre)", de: "Gemeinde (standardmäßig Ihre)", nl: "Gemeente (standaard de uwe)", en: "Commune (yours by default)" }, max: 80, rest: true, autocomplete: "commune" }),
  },
  async run({ options: o, t, locale, actor, services }) {
    const commune = o.commune
      ? await services.repos.communes.findByName(o.commune)
      : actor.communeIds[0] ? await services.repos.communes.get(actor.communeIds[0]) : null;
    if (o.commune && !commune) throw new CdceError("commune.unknown", "commune.unknown", { name: prefixWithin(o.commune, 60) });
    if (!commune) throw new CdceError("idea.commune_needed", "idea.error.communeNeeded");
    const ideas = await services.community.ideas.list(commune.id, o.statut ? [o.statut] : [], 10);
    if (ideas.length === 0) return reply(locale, [{ type: "section", text: t("idea.none", { commune: commune.name }) }]);
    const manage = can(actor, "commune.manage", { communeId: commune.id });
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
