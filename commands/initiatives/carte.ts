/**
 * `/cdce carte [mots] [type:] [periode:] [format:png|svg|geojson]`
 * The map of the network's published initiatives: a PNG (or SVG) of Belgium with one point
 * per initiative, drawn offline, or the same points as GeoJSON. The same words and filters
 * as `/cdce initiatives`.
 */
import { defineCommand } from "../../src/core/commands.js";
import { choice, text } from "../../src/core/options.js";
import { reply } from "../../src/core/reply.js";
import { CdceError } from "../../src/core/errors.js";
import type { ReplyFile } from "../../src/core/types.js";
import { parsePeriod } from "../../src/core/time/dates.js";
import { rank, readQuery } from "../../src/features/initiatives/search.js";
import { kindLabel } from "../../src/features/initiatives/render.js";
import { INITIATIVE_KINDS, toKind } from "../../src/features/initiatives/vocabulary.js";
import { prefixWithin } from "../../src/core/clip.js";
import { isoDay } from "../../src/core/time/local.js";

export default defineCommand({
  // Under `initiative` so that Discord keeps it in that group; `/cdce carte` still works.
  name: "initiative carte",
  words: { fr: "initiative carte", de: "initiative karte", nl: "initiatief kaart", en: "initiative map" },
  intent: "find",
  optionWords: { mots: { de: "wörter", nl: "woorden", en: "words" }, type: { de: "typ", nl: "type", en: "type" }, periode: { de: "zeitraum", nl: "periode", en: "period" }, format: { de: "format", nl: "formaat", en: "format" } },
  changesState: false,
  aliases: ["carte", "map", "karte", "kaart", "initiative map"],
  help: { fr: "Carte des initiatives du réseau (image ou GeoJSON)", de: "Karte der Initiativen des Netzwerks (Bild oder GeoJSON)", nl: "Kaart van de initiatieven van het netwerk (afbeelding of GeoJSON)", en: "Map of the network’s initiatives (image or GeoJSON)" },
  usage: { fr: "carte atelier periode:2026", de: "carte stand periode:2026", nl: "carte markt periode:2026", en: "carte workshop periode:2026" },
  options: {
    mots: text({ help: { fr: "Filtres : type, partenaire, critère, province, année…", de: "Filter: Art, Partner, Kriterium, Provinz, Jahr…", nl: "Filters: soort, partner, criterium, provincie, jaar…", en: "Filters: kind, partner, criterion, province, year…" }, max: 300, rest: true }),
    type: choice({ help: { fr: "Type d’action", de: "Art der Aktion", nl: "Soort actie", en: "Kind of action" }, values: INITIATIVE_KINDS, normalize: toKind }),
    periode: text({ help: { fr: "Période : 2026, 2026-10, 90j, annee", de: "Zeitraum: 2026, 2026-10, 90d, jahr", nl: "Periode: 2026, 2026-10, 90d, jaar", en: "Period: 2026, 2026-10, 90d, year" }, max: 40 }),
    format: choice({ help: { fr: "png (défaut), svg ou geojson", de: "png (Standard), svg oder geojson", nl: "png (standaard), svg of geojson", en: "png (default), svg or geojson" }, values: ["png", "svg", "geojson"] as const }),
  },
  async run({ options: o, t, locale, actor, now, services }) {
    // The drawing stack (d3-geo, the native SVG renderer) is loaded on the first map only:
    // it weighs on the memory of a bot that may never draw one.
    const [{ mapPoints, renderMapSvg, toGeoJson }, { svgToPng }] = await Promise.all([import("../../src/features/initiatives/map.js"), import("../../src/features/initiatives/png.js")]);
    const communes = await services.repos.communes.list();
    const byId = new Map(communes.map((c) => [c.id, c]));
    const q = readQuery(o.mots ?? "", communes, actor.timeZone, now);
    if (o.type) q.kinds.push(o.type);
    if (o.periode) {
      const period = parsePeriod(o.periode, actor.timeZone, now);
      if (!period) throw new CdceError("initiatives.bad_period", "initiatives.error.period", { value: prefixWithin(o.periode, 40) });
      q.period = period;
    }
    const all = await services.community.initiatives.list({ statuses: ["published"], from: q.period?.from, to: q.period?.to, limit: 5000 });
    const { points, unplaced } = mapPoints(rank(all, byId, q), byId);
    const filters = [o.mots, o.type ? kindLabel(t, o.type) : "", o.periode].filter(Boolean).join(" · ") || t("map.allFilters");
    const format = o.format ?? "png";
    const stamp = isoDay(now);
    let file: ReplyFile;
    if (format === "geojson") {
      file = { name: `initiatives-${stamp}.geojson`, contentType: "application/geo+json", data: JSON.stringify(toGeoJson(points), null, 1) };
    } else {
      const svg = renderMapSvg(await services.community.geo.outline(), communes, points, {
        title: t("map.title"),
        subtitle: t("map.subtitle", { count: points.length, filters, date: stamp }),
        kindLabel: (k) => kindLabel(t, k),
      });
      file = format === "svg"
        ? { name: `carte-initiatives-${stamp}.svg`, contentType: "image/svg+xml", data: svg }
        : { name: `carte-initiatives-${stamp}.png`, contentType: "image/png", data: await svgToPng(svg) };
    }
    const lines = [t("map.summary", { count: points.length, filters })];
    if (unplaced) lines.push(t("map.unplaced", { count: unplaced }));
    if (points.length === 0) lines.push(t("initiatives.hint"));
    const r = reply(locale, [
      { type: "header", text: t("map.title") },
      { type: "section", text: lines.join("\n") },
      { type: "context", text: t("map.file", { name: file.name }) },
    ]);
    return { ...r, files: [file] };
  },
});
