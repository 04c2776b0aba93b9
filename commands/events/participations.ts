/**
 * `/cdce participations [commune:Namur]`: which members of my commune registered for or
 * attended which webinar and training (the last six months and what is ahead), so a
 * CoPil can share out the trainings. Coordination may name any commune.
 */
import { defineCommand } from "../../src/core/commands.js";
import { text } from "../../src/core/options.js";
import { message, reply } from "../../src/core/reply.js";
import { CdceError } from "../../src/core/errors.js";
import { requirePermission } from "../../src/core/permissions.js";
import { whenText } from "../../src/features/events/render.js";
import type { Block } from "../../src/core/types.js";
import { prefixWithin } from "../../src/core/clip.js";

const SIX_MONTHS_MS = 183 * 86_400_000;

export default defineCommand({
  name: "participations",
  words: { fr: "participations", de: "teilnahmen", nl: "deelnames", en: "attendance" },
  intent: "manage",
  optionWords: { commune: { de: "gemeinde", nl: "gemeente", en: "commune" } },
  changesState: false,
  aliases: ["teilnahmen", "deelnames", "attendance"],
  help: { fr: "Qui de ma commune participe à quelle formation", de: "Wer aus meiner Gemeinde an welcher Schulung teilnimmt", nl: "Wie van mijn gemeente aan welke opleiding deelneemt", en: "Who from my commune takes part in which training" },
  usage: { fr: "participations", de: "participations", nl: "participations", en: "participations commune:Namur" },
  options: { commune: text({ help: { fr: "Commune (coordination)", de: "Gemeinde (Koordination)", nl: "Gemeente (coördinatie)", en: "Commune (coordination)" }, max: 80, rest: true, autocomplete: "commune" }) },
  async run({ options, actor, t, locale, now, services }) {
    let communeId = actor.communeIds[0];
    if (options.commune) {
      const c = await services.repos.communes.findByName(options.commune);
      if (!c) throw new CdceError("commune.unknown", "commune.unknown", { name: prefixWithin(options.commune, 60) });
      requirePermission(actor, "commune.view", { communeId: c.id }, ["event.forbidden", "error.forbidden", { command: "participations" }]);
      communeId = c.id;
    }
    if (!communeId) return message(locale, t("ev.participations.noCommune"));
    const commune = await services.repos.communes.get(communeId);
    const rows = (await services.events.repo.forCommune(communeId, new Date(now.getTime() - SIX_MONTHS_MS))).filter((r) => r.event.kind !== "local");
    if (rows.length === 0) return message(locale, t("ev.participations.none", { commune: commune?.name ?? "?" }));
    const byEvent = new Map<string, typeof rows>();
    for (const r of rows) byEvent.set(r.event.id, [...(byEvent.get(r.event.id) ?? []), r]);
    const blocks: Block[] = [{ type: "header", text: t("ev.participations.title", { commune: commune?.name ?? "?" }) }];
    for (const group of [...byEvent.values()].slice(0, 15)) {
      const e = group[0]!.event;
      const names: string[] = [];
      for (const { registration: r } of group) {
        const name = (await services.repos.identity.getPerson(r.personId))?.name ?? "?";
        names.push(r.attendedAt ? `${name} ✓` : r.status === "waitlist" ? `${name} (${t("ev.status.waitlist")})` : name);
      }
      const past = e.endsAt.getTime() <= now.getTime();
      blocks.push({ type: "section", text: `**${e.title}** · \`${e.code}\` · ${whenText(e, actor.timeZone, locale)}${past ? ` · ${t("ev.participations.past")}` : ""}\n${names.join(", ")}` });
    }
    return reply(locale, blocks);
  },
});
