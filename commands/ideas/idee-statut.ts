/**
 * `/cdce idee statut <réf> <nouvelle|etude|retenue|realisee|ecartee> [note]`: the CoPil of
 * the idea's commune (or coordination) moves an idea; its author is told by direct message.
 */
import { defineCommand } from "../../src/core/commands.js";
import { text } from "../../src/core/options.js";
import { reply } from "../../src/core/reply.js";
import { requirePermission } from "../../src/core/permissions.js";
import { CdceError } from "../../src/core/errors.js";
import { ideaBlocks, statusLabel, statusNotice, toIdeaStatus } from "../../src/features/ideas/service.js";
import { prefixWithin } from "../../src/core/clip.js";

export default defineCommand({
  name: "idee statut",
  words: { fr: "idee statut", de: "idee status", nl: "idee status", en: "idea status" },
  intent: "manage",
  optionWords: { ref: { de: "ref", nl: "ref", en: "ref" }, statut: { de: "status", nl: "status", en: "status" }, note: { de: "notiz", nl: "notitie", en: "note" } },
  changesState: true,
  aliases: ["idea status", "idee status"],
  help: { fr: "Faire avancer une idée de la boîte à idées (CoPil)", de: "Eine Idee aus der Ideenbox weiterbringen (Steuerungsgruppe)", nl: "Een idee uit de ideeënbus verder brengen (stuurgroep)", en: "Move an idea of the idea box along (CoPil)" },
  usage: { fr: "idee statut 3f2a9c1b retenue Prévu pour mai", de: "idee statut 3f2a9c1b kept Für Mai geplant", nl: "idee statut 3f2a9c1b kept Gepland voor mei", en: "idee statut 3f2a9c1b kept Planned for May" },
  permission: "commune.manage",
  options: {
    ref: text({ help: { fr: "Référence de l’idée", de: "Referenz der Idee", nl: "Referentie van het idee", en: "Idea reference" }, max: 40 }),
    // Text, not a choice: "à l'étude" is two words, read with the first word of the note.
    statut: text({ help: { fr: "nouvelle, etude, retenue, realisee, ecartee, refusee", de: "new, study, kept, done, dropped, refused", nl: "new, study, kept, done, dropped, refused", en: "new, study, kept, done, dropped, refused" }, max: 40 }),
    note: text({ help: { fr: "Un mot pour l’auteur·ice", de: "Ein Wort an die Autorin / den Autor", nl: "Een woord voor de auteur", en: "A word for the author" }, max: 500, rest: true }),
  },
  async run({ options: o, t, locale, actor, now, services }) {
    const r = (o.ref ?? "").trim();
    const found = r ? await services.community.ideas.findByPrefix(r) : [];
    if (found.length !== 1) throw new CdceError("idea.not_found", found.length ? "idea.error.ambiguous" : "idea.error.notFound", { ref: prefixWithin(r, 40) || "?" });
    const idea = found[0]!;
    requirePermission(actor, "commune.manage", { communeId: idea.communeId }, ["idea.forbidden", "idea.error.forbidden"]);
    let note = o.note ?? null;
    let status = o.statut ? toIdeaStatus(o.statut) : undefined;
    const [first, ...rest] = (note ?? "").split(/\s+/);
    if (!status && o.statut && first && toIdeaStatus(`${o.statut} ${first}`)) {
      status = toIdeaStatus(`${o.statut} ${first}`);
      note = rest.join(" ") || null;
    }
    if (!status) throw new CdceError("idea.status_missing", "idea.error.statusMissing");
    const commune = await services.repos.communes.get(idea.communeId);
    const moved = await services.community.ideas.setStatus(idea.id, status, note);
    if (!moved) return reply(locale, [{ type: "section", text: t("idea.unchanged", { status: statusLabel(t, status) }) }]);
    if (idea.status === "pending" && moved.status === "new") return reply(locale, [{ type: "section", text: t("idea.accepted") }, ...ideaBlocks(t, moved, null, true)]);
    let told = false;
    if (moved.authorId) told = (await services.notifier.enqueue(statusNotice(moved, moved.authorId, commune?.name ?? "?", now))).queued > 0;
    const author = !moved.anonymous && moved.authorId ? await services.repos.identity.getPerson(moved.authorId) : null;
    return reply(locale, [
      { type: "section", text: t(told ? "idea.moved.told" : moved.authorId ? "idea.moved.untold" : "idea.moved", { status: statusLabel(t, moved.status) }) },
      ...ideaBlocks(t, moved, author?.name ?? null, true),
    ]);
  },
});
