/**
 * `/cdce voisins [commune]`: the communes near mine (or near the one named), with their
 * distance, languages, what they shared lately and their next local actions. Within the
 * configured distance (NEIGHBOURS_DISTANCE_KM, 25 km by default); the few nearest when none is.
 */
import { defineCommand } from "../../src/core/commands.js";
import { communeOption } from "../../src/core/scope.js";
import { message, reply } from "../../src/core/reply.js";
import type { Block } from "../../src/core/types.js";
import { clip } from "../../src/core/clip.js";
import { formatLocalDay } from "../../src/core/time/local.js";
import { nearestOf, neighboursOf, placed } from "../../src/features/neighbours/nearby.js";

/** Neighbours shown with their actions; more are named in one line. */
const SHOWN = 6;
/** "Recently": the past three months. */
const RECENT_DAYS = 92;

export default defineCommand({
  name: "voisins",
  words: { fr: "voisins", de: "nachbarn", nl: "buren", en: "neighbours" },
  intent: "find",
  optionWords: { commune: { de: "gemeinde", nl: "gemeente", en: "commune" } },
  changesState: false,
  aliases: ["nachbarn", "buren", "neighbours", "neighbors"],
  help: {
    fr: "Les communes voisines : distance, langues, leurs actions récentes et à venir",
    de: "Die Nachbargemeinden: Entfernung, Sprachen, ihre letzten und kommenden Aktionen",
    nl: "De buurgemeenten: afstand, talen, hun recente en komende acties",
    en: "Nearby communes: distance, languages, their recent and coming actions",
  },
  usage: { fr: "voisins Namur", de: "nachbarn Eupen", nl: "buren Brussel", en: "neighbours Namur" },
  scope: "commune-optional",
  options: { commune: communeOption({ rest: true }) },
  async run({ commune, t, locale, now, services }) {
    if (!commune) return message(locale, t("nb.noCommune"));
    if (!placed(commune)) return message(locale, t("nb.unplaced", { commune: commune.name }));
    const km = services.neighbours.settings.distanceKm;
    const communes = await services.repos.communes.list();
    let list = neighboursOf(commune, communes, km);
    const within = list.length > 0;
    if (!within) list = nearestOf(commune, communes, 3);
    if (list.length === 0) return message(locale, t("nb.none"));
    const blocks: Block[] = [{ type: "header", text: t(within ? "nb.title" : "nb.title.nearest", { commune: commune.name, km }) }];
    const since = new Date(now.getTime() - RECENT_DAYS * 86_400_000);
    for (const n of list.slice(0, SHOWN)) {
      const [initiatives, events] = await Promise.all([
        services.community.initiatives.list({ statuses: ["published"], communeIds: [n.commune.id], from: since, to: now, limit: 3 }),
        services.events.repo.list({ from: now, kinds: ["local"], communeId: n.commune.id, limit: 2 }),
      ]);
      const lines = [`**${n.commune.name}** · ${t("nb.km", { km: n.km })} · ${t("nb.languages", { languages: n.commune.languages.map((l) => l.toUpperCase()).join("/") })}`];
      if (initiatives.length) lines.push(t("nb.recent", { items: initiatives.map((i) => `${clip(i.title, 60)} (${formatLocalDay(i.happenedOn, commune.timeZone, locale)})`).join(" · ") }));
      if (events.length) lines.push(t("nb.upcoming", { items: events.map((e) => `${clip(e.title, 60)} (${formatLocalDay(e.startsAt, commune.timeZone, locale)}) \`${e.code}\``).join(" · ") }));
      if (!initiatives.length && !events.length) lines.push(`_${t("nb.quiet")}_`);
      blocks.push({ type: "section", text: lines.join("\n") });
    }
    if (list.length > SHOWN) blocks.push({ type: "context", text: list.slice(SHOWN).map((n) => `${n.commune.name} (${t("nb.km", { km: n.km })})`).join(" · ") });
    return reply(locale, blocks);
  },
});
