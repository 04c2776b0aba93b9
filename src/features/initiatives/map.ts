/**
 * The map of initiatives (`/cdce carte`), drawn offline: a shipped outline of Belgium and
 * the demo communes' coordinates, projected with d3-geo into an SVG (no tile server, no
 * network). One circle per initiative, coloured by kind; initiatives of the same commune
 * are spread on a small spiral around it so that each stays visible. The GeoJSON export
 * carries the same points at the commune's own coordinates.
 */
import { geoMercator, geoPath } from "d3-geo";
import type { Feature, FeatureCollection, Point } from "geojson";
import type { Commune } from "../../core/ports.js";
import type { Initiative } from "./ports.js";
import { INITIATIVE_KINDS, type InitiativeKind } from "./vocabulary.js";
import { isoDay } from "../../core/time/local.js";

export const MAP_WIDTH = 900;
export const MAP_HEIGHT = 760;

/** One colour per kind, distinguishable and readable on white. */
export const KIND_COLOURS: Record<InitiativeKind, string> = {
  stand: "#1b9e77", atelier: "#d95f02", "petit-dejeuner": "#e6ab02", marche: "#66a61e", ecole: "#7570b3", conseil: "#a6761d",
  partenariat: "#e7298a", media: "#1f78b4", conference: "#6a3d9a", degustation: "#b15928", autre: "#666666",
};

export interface MapPoint {
  initiative: Initiative;
  commune: Commune;
  /** The commune's coordinates. */
  lon: number;
  lat: number;
}

/** Initiatives whose commune has coordinates, as points; the others are counted apart. */
export function mapPoints(initiatives: readonly Initiative[], communes: ReadonlyMap<string, Commune>): { points: MapPoint[]; unplaced: number } {
  const points: MapPoint[] = [];
  let unplaced = 0;
  for (const i of initiatives) {
    const c = communes.get(i.communeId);
    if (!c || c.latitude === null || c.longitude === null) unplaced++;
    else points.push({ initiative: i, commune: c, lon: c.longitude, lat: c.latitude });
  }
  return { points, unplaced };
}

/** The points as GeoJSON (RFC 7946: [longitude, latitude]), with what a GIS user needs. */
export function toGeoJson(points: readonly MapPoint[]): FeatureCollection<Point> {
  const features: Feature<Point>[] = points.map((p) => ({
    type: "Feature",
    geometry: { type: "Point", coordinates: [p.lon, p.lat] },
    properties: {
      id: p.initiative.id,
      title: p.initiative.title,
      kind: p.initiative.kind,
      partnerKinds: p.initiative.partnerKinds,
      criteria: p.initiative.criteria,
      date: isoDay(p.initiative.happenedOn),
      commune: p.commune.name,
      province: p.commune.province,
    },
  }));
  return { type: "FeatureCollection", features };
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export interface MapText {
  title: string;
  subtitle: string;
  /** Localized label of each kind shown in the legend. */
  kindLabel: (k: InitiativeKind) => string;
}

/** Golden-angle spiral: the n-th initiative of a commune sits 9·√n pixels from its centre. */
function spread(n: number): [number, number] {
  if (n === 0) return [0, 0];
  const angle = n * 2.39996;
  const r = 9 * Math.sqrt(n);
  return [r * Math.cos(angle), r * Math.sin(angle)];
}

/**
 * The SVG: outline, every titled commune as a small grey dot (context), one coloured circle
 * per initiative (`class="initiative"`, with its id), a legend of the kinds present.
 */
export function renderMapSvg(outline: FeatureCollection, communes: readonly Commune[], points: readonly MapPoint[], text: MapText): string {
  const projection = geoMercator().fitExtent([[30, 90], [MAP_WIDTH - 230, MAP_HEIGHT - 30]], outline);
  const path = geoPath(projection);
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${MAP_WIDTH}" height="${MAP_HEIGHT}" viewBox="0 0 ${MAP_WIDTH} ${MAP_HEIGHT}" font-family="DejaVu Sans, Arial, sans-serif">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="30" y="40" font-size="24" font-weight="bold" fill="#222">${esc(text.title)}</text>`,
    `<text x="30" y="66" font-size="14" fill="#555">${esc(text.subtitle)}</text>`,
  ];
  for (const f of outline.features) out.push(`<path d="${path(f) ?? ""}" fill="#eef3ea" stroke="#6b7d5c" stroke-width="1.5"/>`);
  for (const c of communes) {
    if (c.latitude === null || c.longitude === null) continue;
    const xy = projection([c.longitude, c.latitude]);
    if (xy) out.push(`<circle class="commune" cx="${xy[0].toFixed(1)}" cy="${xy[1].toFixed(1)}" r="2.5" fill="#9aa59a"/>`);
  }
  const perCommune = new Map<string, number>();
  const kinds = new Set<InitiativeKind>();
  for (const p of points) {
    const xy = projection([p.lon, p.lat]);
    if (!xy) continue;
    const n = perCommune.get(p.commune.id) ?? 0;
    perCommune.set(p.commune.id, n + 1);
    const [dx, dy] = spread(n);
    kinds.add(p.initiative.kind);
    out.push(
      `<circle class="initiative" data-id="${p.initiative.id}" cx="${(xy[0] + dx).toFixed(1)}" cy="${(xy[1] + dy).toFixed(1)}" r="6" fill="${KIND_COLOURS[p.initiative.kind]}" fill-opacity="0.85" stroke="#fff" stroke-width="1.2"><title>${esc(`${p.initiative.title} — ${p.commune.name}, ${isoDay(p.initiative.happenedOn)}`)}</title></circle>`,
    );
  }
  let y = 110;
  for (const k of INITIATIVE_KINDS.filter((k) => kinds.has(k))) {
    out.push(`<circle cx="${MAP_WIDTH - 200}" cy="${y}" r="6" fill="${KIND_COLOURS[k]}"/>`, `<text x="${MAP_WIDTH - 188}" y="${y + 5}" font-size="14" fill="#333">${esc(text.kindLabel(k))}</text>`);
    y += 24;
  }
  out.push("</svg>");
  return out.join("\n");
}
