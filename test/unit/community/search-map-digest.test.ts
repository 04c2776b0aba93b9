/** Pure parts of initiatives: reading search words, ranking, the SVG map, the weekly digest. */
import { describe, expect, it } from "vitest";
import type { FeatureCollection } from "geojson";
import { rank, readQuery } from "../../../src/features/initiatives/search.js";
import { mapPoints, renderMapSvg, toGeoJson } from "../../../src/features/initiatives/map.js";
import { anniversaries, weeklyDigest } from "../../../src/features/initiatives/digest.js";
import { isoWeek } from "../../../src/core/time/local.js";
import type { Initiative } from "../../../src/features/initiatives/ports.js";
import type { Commune } from "../../../src/core/ports.js";

const NOW = new Date("2026-11-29T10:00:00Z");
const ZONE = "Europe/Brussels";

function commune(slug: string, name: string, province: string | null, lon: number | null, lat: number | null, titledOn: string | null = null, languages: Commune["languages"] = ["fr"]): Commune {
  return { id: `c-${slug}`, slug, name, region: "Wallonie", province, languages, timeZone: ZONE, profile: "urbain", populationBand: "10k-30k", titledOn, fomDueOn: null, latitude: lat, longitude: lon, status: "titled", mergedIntoId: null, mergedOn: null, leftOn: null };
}
const COMMUNES = [
  commune("namur", "Namur", "Namur", 4.867, 50.467, "2014-12-03"),
  commune("eupen", "Eupen", "Liege", 6.036, 50.628, "2019-12", ["de"]),
  commune("jette", "Jette", null, 4.327, 50.876, "<=2019", ["fr", "nl"]),
  commune("nowhere", "Nulle-part", "Namur", null, null),
];
const byId = new Map(COMMUNES.map((c) => [c.id, c]));

let n = 0;
function initiative(p: Partial<Initiative>): Initiative {
  n++;
  return {
    id: `0000000${n}-aaaa-bbbb-cccc-dddddddddddd`, communeId: "c-namur", authorId: null, title: `Initiative ${n}`, description: "", kind: "stand",
    partnerKinds: [], criteria: [], place: null, links: [], happenedOn: new Date("2026-10-01T00:00:00Z"), language: "fr", status: "published",
    moderatedAt: NOW, createdAt: NOW, updatedAt: NOW, ...p,
  };
}

describe("search words", () => {
  it("turns words into filters and keeps the rest as text", () => {
    const q = readQuery("ateliers école producteur c6 Brabant wallon Eupen DE 2026 chocolat en", [...COMMUNES, commune("wavre", "Wavre", "Brabant wallon", 4.6, 50.7)], ZONE, NOW);
    expect(q.kinds).toEqual(["atelier"]);
    expect(q.topics).toEqual(["ecole"]);
    expect(q.partnerKinds).toEqual(["producteur"]);
    expect(q.criteria).toEqual([6]);
    expect(q.provinces).toEqual(["Brabant wallon"]);
    expect(q.communeIds).toEqual(["c-eupen"]);
    expect(q.languages).toEqual(["de"]);
    expect(q.period?.from.toISOString()).toBe("2026-01-01T00:00:00.000Z");
    expect(q.words).toEqual(["chocolat"]); // "en" is French here, not English
  });

  it("ranks by words (title first), most recent on ties, with every word required", () => {
    const a = initiative({ title: "Dégustation de chocolat", happenedOn: new Date("2026-01-01T00:00:00Z") });
    const b = initiative({ title: "Stand", description: "chocolat chaud et café", happenedOn: new Date("2026-05-01T00:00:00Z") });
    const c = initiative({ title: "Marché", description: "fruits" });
    expect(rank([a, b, c], byId, readQuery("chocolats", COMMUNES, ZONE, NOW)).map((i) => i.id)).toEqual([a.id, b.id]);
    expect(rank([a, b, c], byId, readQuery("chocolat chaud", COMMUNES, ZONE, NOW)).map((i) => i.id)).toEqual([b.id]);
    const eupen = initiative({ communeId: "c-eupen", language: "fr" });
    expect(rank([a, eupen], byId, readQuery("DE", COMMUNES, ZONE, NOW)).map((i) => i.id)).toEqual([eupen.id]);
  });
});

describe("the map", () => {
  const outline: FeatureCollection = { type: "FeatureCollection", features: [{ type: "Feature", properties: {}, geometry: { type: "Polygon", coordinates: [[[2.5, 51.1], [6.4, 51.1], [6.4, 49.5], [2.5, 49.5], [2.5, 51.1]]] } }] };
  it("draws one circle per placed initiative, spread around a shared commune, and counts the unplaced", () => {
    const items = [initiative({}), initiative({ kind: "atelier" }), initiative({ communeId: "c-eupen" }), initiative({ communeId: "c-nowhere" })];
    const { points, unplaced } = mapPoints(items, byId);
    expect(points).toHaveLength(3);
    expect(unplaced).toBe(1);
    const svg = renderMapSvg(outline, COMMUNES, points, { title: "Carte <test> & co", subtitle: "s", kindLabel: (k) => k });
    const circles = [...svg.matchAll(/class="initiative" data-id="([^"]+)" cx="([\d.]+)" cy="([\d.]+)"/g)];
    expect(circles.map((m) => m[1])).toEqual(points.map((p) => p.initiative.id));
    expect(new Set(circles.map((m) => `${m[2]},${m[3]}`)).size).toBe(3);
    expect(svg).toContain("Carte &lt;test&gt; &amp; co");
    expect(svg.match(/class="commune"/g)).toHaveLength(3);
    // Eupen lies east of Namur, and north is up.
    const [namur, , eupen] = circles.map((m) => ({ x: Number(m[2]), y: Number(m[3]) }));
    expect(eupen!.x).toBeGreaterThan(namur!.x);
    expect(eupen!.y).toBeLessThan(namur!.y + 20);
    expect(toGeoJson(points).features.map((f) => f.geometry.coordinates)).toEqual([[4.867, 50.467], [4.867, 50.467], [6.036, 50.628]]);
  });
});

describe("the weekly digest", () => {
  it("finds title anniversaries of the week: exact days, months in the week of their 1st", () => {
    expect(isoWeek(NOW, ZONE).label).toBe("2026-W48");
    const monday = new Date("2026-11-30T08:00:00Z"); // week 49: 30 Nov - 6 Dec
    const found = anniversaries(COMMUNES, monday, ZONE);
    expect(found.map((a) => [a.commune.name, a.years])).toEqual([["Namur", 12], ["Eupen", 7]]);
    expect(anniversaries(COMMUNES, new Date("2026-12-14T08:00:00Z"), ZONE)).toEqual([]);
  });

  it("is keyed by ISO week, lists what is new, and is skipped when the week is empty", () => {
    const monday = new Date("2026-11-30T08:00:00Z");
    const d = weeklyDigest({ now: monday, zone: ZONE, initiatives: [initiative({ title: "Stand de Noël" })], communes: COMMUNES, webinars: [{ title: "Gouvernance du CoPil", startsAt: new Date("2026-12-03T18:00:00Z"), command: "webinaire k3x9q" }] })!;
    expect(d.key).toBe("digest:weekly:2026-W49");
    expect(d.to).toEqual({ kind: "purpose", purpose: "network" });
    expect(d.expiresAt!.getTime() - monday.getTime()).toBe(2 * 86_400_000);
    const text = JSON.stringify(d.render("fr").blocks);
    expect(text).toContain("1 nouvelle initiative");
    expect(text).toContain("Stand de Noël");
    expect(text).toContain("Gouvernance du CoPil");
    expect(text).toContain("Namur fête ses 12 ans");
    expect(JSON.stringify(d.render("de").blocks)).toContain("Eupen feiert 7 Jahre");
    expect(weeklyDigest({ now: new Date("2026-12-14T08:00:00Z"), zone: ZONE, initiatives: [], communes: COMMUNES, webinars: [] })).toBeNull();
  });
});
