/**
 * The first coordinator of a new installation, without anyone looking up platform ids: while
 * nobody holds the coordination role, each start prints a one-time code (on the service's
 * stderr only), and the first person who types `/cdce admin revendiquer <code>` on any
 * platform becomes coordination. Only the code's hash is stored, it expires, and the code
 * stops working once used (compare-and-set on one record: of two people racing, one wins).
 * Guessing is bounded: after {@link MAX_FAILURES} wrong codes, every attempt is refused for
 * {@link LOCK_MS}; a code carries 50 random bits.
 */
import { createHash, randomInt } from "node:crypto";
import type { ClaimState, CoordinatorClaimStore } from "./ports.js";

/** How long a printed code stays valid. */
export const CLAIM_TTL_MS = 24 * 60 * 60 * 1000;
/** Wrong codes accepted before attempts are locked... */
export const MAX_FAILURES = 5;
/** ...for this long. */
export const LOCK_MS = 15 * 60 * 1000;
/** Codes kept valid at once (one per replica start), oldest dropped first. */
const MAX_CODES = 4;
/** Compare-and-set rounds before giving up on a record others keep changing. */
const ROUNDS = 5;

/** Crockford's base 32: no I, L, O or U to misread. */
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const CODE_LENGTH = 10;

/** A new code, shown as two groups of five (`7KQ2M-X9D4R`). */
export function newClaimCode(): string {
  let code = "";
  for (let i = 0; i < CODE_LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/** What is compared: upper case, without spaces or dashes, O read as 0 and I/L as 1 (Crockford). */
export function normalizeClaimCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, "").replace(/O/g, "0").replace(/[IL]/g, "1");
}

export function claimCodeHash(typed: string): string {
  return createHash("sha256").update(`cdce-claim:${normalizeClaimCode(typed)}`).digest("hex");
}

export type IssueResult = { issued: true; code: string; expiresAt: Date } | { issued: false; reason: "coordinator_exists" | "busy" };

/**
 * Issues a new code while nobody is coordination, and keeps the other unexpired codes (each
 * replica prints its own; any one of them works once). `renew` drops the older codes, for
 * `npm run doctor` or an administrator who lost the code.
 */
export async function issueClaimCode(store: CoordinatorClaimStore, now: Date, options: { renew?: boolean } = {}): Promise<IssueResult> {
  if (await store.coordinatorExists(now)) return { issued: false, reason: "coordinator_exists" };
  const code = newClaimCode();
  const expiresAt = new Date(now.getTime() + CLAIM_TTL_MS);
  for (let round = 0; round < ROUNDS; round++) {
    const current = await store.read();
    const kept = options.renew ? [] : (current?.state.codes ?? []).filter((c) => new Date(c.expiresAt) > now);
    const next: ClaimState = {
      codes: [...kept, { hash: claimCodeHash(code), expiresAt: expiresAt.toISOString() }].slice(-MAX_CODES),
      failures: current?.state.failures ?? 0,
      lockedUntil: options.renew ? null : (current?.state.lockedUntil ?? null),
    };
    if (await store.replace(current?.version ?? null, next)) return { issued: true, code, expiresAt };
  }
  return { issued: false, reason: "busy" };
}

export type ClaimOutcome =
  | { kind: "claimed" }
  /** Nobody may claim: a coordinator exists, or no code was ever printed (or all were used). */
  | { kind: "closed" }
  | { kind: "expired" }
  | { kind: "wrong"; left: number }
  | { kind: "locked"; until: Date };

/**
 * Tries `typed` against the open codes. On success the record is removed in the same
 * compare-and-set, so the caller (in the same transaction) gives the role to exactly one
 * person; every code printed so far stops working.
 */
export async function claimCoordination(store: CoordinatorClaimStore, typed: string, now: Date): Promise<ClaimOutcome> {
  for (let round = 0; round < ROUNDS; round++) {
    const current = await store.read();
    if (!current) return { kind: "closed" };
    const { state, version } = current;
    if (await store.coordinatorExists(now)) {
      // Someone became coordination another way (COORDINATION_ACCOUNTS, a role given): close the claim.
      await store.replace(version, null);
      return { kind: "closed" };
    }
    if (state.lockedUntil && new Date(state.lockedUntil) > now) return { kind: "locked", until: new Date(state.lockedUntil) };
    const hash = claimCodeHash(typed);
    const match = state.codes.find((c) => c.hash === hash);
    if (match && new Date(match.expiresAt) > now) {
      if (await store.replace(version, null)) return { kind: "claimed" };
      continue; // changed under us: read again (it may be gone: then closed)
    }
    if (state.codes.every((c) => new Date(c.expiresAt) <= now)) return { kind: "expired" };
    // A wrong code (or an expired one while others are open) counts against the guessers.
    const failures = state.failures + 1;
    const locked = failures >= MAX_FAILURES;
    const next: ClaimState = { ...state, failures: locked ? 0 : failures, lockedUntil: locked ? new Date(now.getTime() + LOCK_MS).toISOString() : null };
    if (await store.replace(version, next)) return locked ? { kind: "locked", until: new Date(next.lockedUntil!) } : { kind: "wrong", left: MAX_FAILURES - failures };
  }
  return { kind: "closed" };
}
