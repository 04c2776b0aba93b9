/** The shipped outline of Belgium for the initiatives map (src/data/seed/belgium.geo.json). */
import type { FeatureCollection } from "geojson";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { GeoSource } from "../../features/initiatives/index.js";

const OUTLINE = fileURLToPath(new URL("../seed/belgium.geo.json", import.meta.url));

/** Reads the file once, on first use. */
export class FileGeoSource implements GeoSource {
  private cached?: Promise<FeatureCollection>;

  outline(): Promise<FeatureCollection> {
    this.cached ??= readFile(OUTLINE, "utf8").then((text) => JSON.parse(text) as FeatureCollection);
    return this.cached;
  }
}
