/**
 * What the local feasts feature stores: the fêtes, markets and braderies of a commune's
 * territory that its members log. Implemented in src/data/repositories/feasts.ts.
 */
export interface LocalFeast {
  id: string;
  communeId: string;
  name: string;
  /** The local day `2027-06-24`; for a yearly one, any occurrence (its month and day recur). */
  day: string;
  yearly: boolean;
  createdAt: Date;
}

export interface FeastRepository {
  add(feast: Omit<LocalFeast, "id">): Promise<LocalFeast>;
  /** A commune's feasts, by month and day. */
  ofCommune(communeId: string): Promise<LocalFeast[]>;
  /** Every feast of every commune (the daily scan). */
  all(): Promise<LocalFeast[]>;
  /** Those whose id starts with `prefix` (at most 3). */
  findByPrefix(prefix: string): Promise<LocalFeast[]>;
  remove(id: string): Promise<void>;
}
