/**
 * The kit catalogue as the commands see it: the stored kits behind an in-memory search
 * index, kept in step when a kit is added or edited. Built once at start from the repository.
 */
import type { Kit, KitChange, KitRepository } from "../../core/ports.js";
import { KitIndex, type KitQuery, type KitSearchResult } from "./search.js";

/**
 * How many distinct queries keep their result. People ask the same few things ("kit
 * jeunes", a theme, a format): a repeated query then costs a map lookup instead of a
 * search over the whole catalogue. Results are frozen and dropped whenever the catalogue
 * changes (save, reload), so a cached answer is never older than the index.
 */
const RESULT_CACHE_SIZE = 256;

/** The index and what is derived from it: one per process, whichever repository reads and writes. */
interface CatalogState {
  readonly index: KitIndex;
  /** The kits in the index: the catalogue without the withdrawn ones. */
  kits: readonly Kit[];
  readonly results: Map<string, KitSearchResult>;
  generation: number;
}

export class KitCatalog {
  private constructor(
    private readonly repo: KitRepository,
    private readonly state: CatalogState,
  ) {}

  /** Loads every kit once and indexes it. */
  static async load(repo: KitRepository): Promise<KitCatalog> {
    const kits = searchable(await repo.all());
    return new KitCatalog(repo, { index: new KitIndex(kits), kits, results: new Map(), generation: 0 });
  }

  /**
   * The same catalogue (same index, same cached results) reading and writing through
   * `repo`: the repository of a unit of work, so that saving a kit is part of it.
   */
  over(repo: KitRepository): KitCatalog {
    return new KitCatalog(repo, this.state);
  }

  private get index(): KitIndex {
    return this.state.index;
  }

  private get results(): Map<string, KitSearchResult> {
    return this.state.results;
  }

  /**
   * The same object for every view of one catalogue (see `over`): what is derived from the
   * catalogue is kept under it, not under a view that lasts one command.
   */
  get identity(): object {
    return this.state;
  }

  /** Changes whenever the catalogue does: what was derived from an older version is stale. */
  get version(): number {
    return this.state.generation;
  }

  search(query: KitQuery): KitSearchResult {
    const key = JSON.stringify([query.words, query.locale, query.audience, query.theme, query.format, query.language, query.profile, query.preferredLanguages, query.allLanguages]);
    const cached = this.results.get(key);
    if (cached) {
      // Least recently used goes first: re-insert to mark it as just used.
      this.results.delete(key);
      this.results.set(key, cached);
      return cached;
    }
    const result = freeze(this.index.search(query));
    this.results.set(key, result);
    if (this.results.size > RESULT_CACHE_SIZE) this.results.delete(this.results.keys().next().value!);
    return result;
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

  /** The kits that can be found (not withdrawn), sorted by id. */
  active(): readonly Kit[] {
    return this.state.kits;
  }

  /**
   * Stores the kit, records who changed what (when `change` is given), then rebuilds the
   * index from the repository (the source of truth).
   */
  async save(kit: Kit, change?: KitChange): Promise<void> {
    await this.repo.upsert(kit);
    if (change) await this.repo.recordChange(change);
    await this.reload();
  }

  /** Every recorded change of a kit, oldest first (withdrawn kits included). */
  history(id: string): Promise<KitChange[]> {
    return this.repo.history(id);
  }

  /** Re-reads the repository (after an import by another process, for instance). */
  async reload(): Promise<void> {
    const kits = searchable(await this.repo.all());
    this.state.kits = kits;
    this.index.replace(kits);
    this.results.clear();
    this.state.generation++;
  }
}

/** Withdrawn kits stay stored (for their history) but are never found. */
function searchable(kits: Kit[]): Kit[] {
  return kits.filter((k) => !k.withdrawnAt);
}

/** A shared result must not be changed by one caller under another's feet. */
function freeze(result: KitSearchResult): KitSearchResult {
  Object.freeze(result.hits);
  Object.freeze(result.suggestions);
  return Object.freeze(result);
}
