/**
 * Demo and reference data: the titled communes and the kit catalogue, both shipped as
 * versioned files and loaded idempotently (running it twice changes nothing).
 */
import { readFile } from "node:fs/promises";
import type { Repositories } from "../../core/ports.js";
import { importKits, parseCatalogue } from "../../features/kits/index.js";
import { loadDemoCommunes } from "./load-communes.js";

export const KITS_FILE = new URL("./kits.json", import.meta.url);

export async function importKitCatalogue(repos: Repositories, file: URL = KITS_FILE) {
  const kits = parseCatalogue(JSON.parse(await readFile(file, "utf8")));
  return importKits(repos.kits, kits);
}

export async function seedDemoData(repos: Repositories, now: Date) {
  await loadDemoCommunes(repos, now);
  return importKitCatalogue(repos);
}
