/**
 * The kit catalogue as the commands see it: the stored kits behind an in-memory search
 * index, kept in step when a kit is added or edited. Built once at start from the repository.
 */
import type { Kit, KitRepository } from "../ports.js";
import { KitIndex, type KitQuery, type KitSearchResult } from "./search.js";

export class KitCatalog {
  private constructor(
    private readonly repo: KitRepository,
    private readonly index: KitIndex,
  ) {}

  /** Loads every kit once and indexes it. */
  static async load(repo: KitRepository): Promise<KitCatalog> {
    return new KitCatalog(repo, new KitIndex(await repo.all()));
  }

  search(query: KitQuery): KitSearchResult {
    return this.index.search(query);
  }

  facets(): ReturnType<KitIndex["facets"]> {
    return this.index.facets();
  }

  size(): number {
    return this.index.size();
  }

  get(id: string): Promise<Kit | null> {
    return this.repo.get(id);
  }

  /** Stores the kit, then rebuilds the index from the repository (the source of truth). */
  async save(kit: Kit): Promise<void> {
    await this.repo.upsert(kit);
    await this.reload();
  }

  /** Re-reads the repository (after an import by another process, for instance). */
  async reload(): Promise<void> {
    this.index.replace(await this.repo.all());
  }
}
