/** Shared fixtures of the kit tests: the real catalogue and an in-memory KitRepository. */
import { readFileSync } from "node:fs";
import type { Kit, KitChange, KitRepository, LinkCheck } from "../../../src/core/ports.js";
import { parseCatalogue } from "../../../src/features/kits/catalogue.js";

export const CATALOGUE_FILE = new URL("../../../src/data/seed/kits.json", import.meta.url);

export function catalogueJson(): { kits: Record<string, unknown>[] } & Record<string, unknown> {
  return JSON.parse(readFileSync(CATALOGUE_FILE, "utf8")) as { kits: Record<string, unknown>[] };
}

export function realKits(): Kit[] {
  return parseCatalogue(catalogueJson());
}

/** Keeps copies, as a database would, and counts writes. */
export class MemoryKitRepository implements KitRepository {
  private readonly rows = new Map<string, Kit>();
  upserts = 0;

  async all(): Promise<Kit[]> {
    return [...this.rows.values()].map((k) => structuredClone(k)).sort((a, b) => (a.id < b.id ? -1 : 1));
  }
  async get(id: string): Promise<Kit | null> {
    const k = this.rows.get(id);
    return k ? structuredClone(k) : null;
  }
  private readonly changes: KitChange[] = [];

  async upsert(kit: Kit): Promise<void> {
    this.upserts++;
    // As the database does: what the caller leaves out (withdrawal, link checks) is kept.
    const before = this.rows.get(kit.id);
    this.rows.set(kit.id, structuredClone({
      ...kit,
      withdrawnAt: kit.withdrawnAt !== undefined ? kit.withdrawnAt : (before?.withdrawnAt ?? null),
      linkChecks: kit.linkChecks ?? before?.linkChecks ?? {},
    }));
  }
  async count(): Promise<number> {
    return this.rows.size;
  }
  async recordLinkChecks(kitId: string, checks: Record<string, LinkCheck>): Promise<void> {
    const k = this.rows.get(kitId);
    if (k) k.linkChecks = structuredClone(checks);
  }
  async recordChange(change: KitChange): Promise<void> {
    this.changes.push(structuredClone(change));
  }
  async history(kitId: string): Promise<KitChange[]> {
    return this.changes.filter((c) => c.kitId === kitId).map((c) => structuredClone(c));
  }
}

/** Seeded PRNG (mulberry32). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
