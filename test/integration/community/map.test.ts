/**
 * `/cdce carte`: a valid PNG (and SVG) of Belgium drawn offline with one point per published
 * initiative, filters by kind and period, the GeoJSON export of the same points, and the
 * terminal writing the file under data/exports.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../helpers/test-app.js";
import { run, textOf, type As } from "../../helpers/run.js";
import { saveReplyFiles } from "../../../src/platforms/terminal/files.js";

const COORD: As = { user: "coord", role: "coordination", platform: "slack" };
let app: TestApp;

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
function pngSize(data: Uint8Array): { width: number; height: number } {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  expect([...data.slice(0, 8)]).toEqual(signature);
  expect(Buffer.from(data.slice(12, 16)).toString("ascii")).toBe("IHDR");
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

beforeAll(async () => {
  app = await createTestApp();
  const lines = [
    'titre:"Stand Namur" description:"a" commune:Namur type:stand date:2026-10-03',
    'titre:"Atelier Namur" description:"b" commune:Namur type:atelier date:2026-10-10',
    'titre:"Marché Namur" description:"c" commune:Namur type:marche date:2026-06-10',
    'titre:"Stand Eupen" description:"d" commune:Eupen type:stand date:2026-10-04',
    'titre:"Conseil Jette" description:"e" commune:Jette type:conseil date:2025-12-01',
  ];
  for (const l of lines) await run(app, `initiative ${l}`, COORD);
  await run(app, "config moderation oui", COORD);
  await run(app, 'initiative titre:"En attente" description:"f" commune:Namur type:stand', COORD);
  await run(app, "config moderation non", COORD);
});
afterAll(async () => {
  await app?.close();
});

describe("the map of initiatives", () => {
  it("is a valid PNG with one point per published initiative", async () => {
    const r = await run(app, "carte", COORD);
    expect(textOf(r)).toContain("5 initiatives sur la carte (toutes)");
    const file = r.files![0]!;
    expect(file).toMatchObject({ contentType: "image/png", name: "carte-initiatives-2026-11-29.png" });
    expect(pngSize(file.data as Uint8Array)).toEqual({ width: 1200, height: 1013 });
    const svg = String((await run(app, "carte format:svg", COORD)).files![0]!.data);
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg.match(/class="initiative"/g)).toHaveLength(5);
    expect(svg).not.toContain("En attente");
    // Three initiatives in Namur: three distinct points around the town.
    const points = [...svg.matchAll(/class="initiative" data-id="[^"]+" cx="([\d.]+)" cy="([\d.]+)"/g)].map((m) => `${m[1]},${m[2]}`);
    expect(new Set(points).size).toBe(5);
  });

  it("filters by kind and period, like the search", async () => {
    const stands = String((await run(app, "carte stand format:svg", COORD)).files![0]!.data);
    expect(stands.match(/class="initiative"/g)).toHaveLength(2);
    const october = String((await run(app, "carte periode:2026-10 format:svg", COORD)).files![0]!.data);
    expect(october.match(/class="initiative"/g)).toHaveLength(3);
    const none = await run(app, "carte type:degustation format:svg", COORD);
    expect(textOf(none)).toContain("Aucune initiative sur la carte");
    expect(String(none.files![0]!.data)).not.toContain('class="initiative"');
    expect(textOf(await run(app, "carte periode:jamais", COORD))).toContain("Je ne comprends pas la période");
  });

  it("exports the same points as GeoJSON, at the communes' coordinates", async () => {
    const file = (await run(app, "carte format:geojson", COORD)).files![0]!;
    expect(file.contentType).toBe("application/geo+json");
    const geo = JSON.parse(String(file.data)) as { type: string; features: Array<{ geometry: { coordinates: [number, number] }; properties: Record<string, unknown> }> };
    expect(geo.type).toBe("FeatureCollection");
    expect(geo.features).toHaveLength(5);
    for (const f of geo.features) {
      const [lon, lat] = f.geometry.coordinates;
      expect(lon).toBeGreaterThan(2.5);
      expect(lon).toBeLessThan(6.5);
      expect(lat).toBeGreaterThan(49.4);
      expect(lat).toBeLessThan(51.6);
    }
    expect(geo.features.find((f) => f.properties.title === "Stand Eupen")?.properties).toMatchObject({ commune: "Eupen", province: "Liege", kind: "stand" });
  });

  it("is written to a file by the terminal, which prints its path", async () => {
    const dir = mkdtempSync(join(tmpdir(), "cdce-exports-"));
    try {
      const lines = await saveReplyFiles(await run(app, "carte", COORD), "local", dir, new Date("2026-11-29T10:00:00Z"));
      expect(lines).toEqual([`📎 ${join(dir, "local", "20261129-100000-carte-initiatives-2026-11-29.png")}`]);
      pngSize(new Uint8Array(readFileSync(join(dir, "local", "20261129-100000-carte-initiatives-2026-11-29.png"))));
      const tricky = await saveReplyFiles({ ...(await run(app, "aide")), files: [{ name: "../../etc/passwd", contentType: "text/plain", data: "x" }] }, "local", dir);
      expect(tricky[0]).toMatch(/exports-[^/]+\/local\/\d{8}-\d{6}-passwd$/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
