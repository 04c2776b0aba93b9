/** Fixtures shared by the repository contract: sample rows and a database per describe block. */
import { afterAll, beforeAll } from "vitest";
import type { CommuneInput, Kit } from "../../../src/core/ports.js";
import { openDatabase, type Database } from "../../../src/data/database.js";
import type { Scratch } from "./support.js";

export const NOW = new Date("2026-11-29T10:00:00.000Z");

export function commune(overrides: Partial<CommuneInput> = {}): CommuneInput {
  return {
    slug: "liege",
    name: "Liège",
    region: "Wallonie",
    province: "Liège",
    languages: ["fr"],
    timeZone: "Europe/Brussels",
    profile: "urbain",
    populationBand: "gt100k",
    titledOn: "2021-10",
    fomDueOn: new Date("2027-10-01T00:00:00.000Z"),
    latitude: 50.633,
    longitude: 5.567,
    ...overrides,
  };
}

export function kit(overrides: Partial<Kit> = {}): Kit {
  return {
    id: "kit-jeunes-reseaux-sociaux",
    title: { fr: "Jeunes et réseaux sociaux", de: "Jugend und soziale Netzwerke" },
    summary: { fr: "Des posts prêts à l'emploi", nl: "Kant-en-klare posts" },
    audiences: ["jeunes", "ambassadeurs"],
    themes: ["communication", "medias"],
    format: "post",
    languages: ["fr", "de"],
    profiles: [],
    links: ["https://example.org/kit.pdf"],
    keywords: ["instagram", "pitch"],
    updatedAt: new Date("2026-03-01T08:30:00.123Z"),
    withdrawnAt: null,
    linkChecks: {},
    ...overrides,
  };
}

/** Opens a fresh database for the enclosing describe block; closes and removes it after. */
export function useDatabase(makeScratch: () => Scratch): () => Database {
  let db: Database | undefined;
  let scratch: Scratch | undefined;
  beforeAll(async () => {
    scratch = makeScratch();
    db = await openDatabase({ url: scratch.url });
  });
  afterAll(async () => {
    await db?.close();
    await scratch?.cleanup();
  });
  return () => {
    if (!db) throw new Error("database not open");
    return db;
  };
}
