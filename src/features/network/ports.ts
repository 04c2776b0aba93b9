/**
 * What the first-coordinator claim needs stored (Prisma implementation in
 * src/data/repositories/coordinator-claim.ts): one record, replaced only if it is still the
 * one read (compare-and-set), so that two people typing the right code at once cannot both
 * win, and whether anyone holds the coordination role now.
 */

/** The open claim: hashes of the codes printed (never the codes), their expiry, wrong tries. */
export interface ClaimState {
  /** SHA-256 (hex) of each code still valid: one per start of a replica, at most a few. */
  codes: { hash: string; expiresAt: string }[];
  /** Wrong codes typed since the last lock. */
  failures: number;
  /** ISO instant until which every attempt is refused (too many wrong codes). */
  lockedUntil: string | null;
}

export interface StoredClaim {
  state: ClaimState;
  /** Opaque: what {@link CoordinatorClaimStore.replace} compares against. */
  version: string;
}

export interface CoordinatorClaimStore {
  /** Whether someone holds the coordination role at `now`. */
  coordinatorExists(now: Date): Promise<boolean>;
  read(): Promise<StoredClaim | null>;
  /**
   * Writes `next` (null removes the record) only if the record is still `expected` (null: there
   * is none); false when someone else changed it first. One statement, so atomic.
   */
  replace(expected: string | null, next: ClaimState | null): Promise<boolean>;
}
