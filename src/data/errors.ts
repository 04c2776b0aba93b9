/**
 * Errors raised by the data layer. Each has a stable `code` (for logs, tests and the
 * one place in the core that turns errors into replies) and keeps the underlying `cause`.
 */

export type DataErrorCode =
  /** A stored JSON or enumerated column does not match what the domain expects. */
  | "stored_data_invalid"
  /** The row to update does not exist. */
  | "not_found";

/** A problem with rows read or written through the repositories. */
export class DataError extends Error {
  override readonly name = "DataError";
  constructor(
    readonly code: DataErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export type MigrationErrorCode =
  /** An applied migration's file changed since it was applied. */
  | "checksum_mismatch"
  /** A migration is recorded as started but never finished (left by another tool). */
  | "failed_previously"
  /** A migration's SQL failed; its transaction was rolled back. */
  | "migration_failed"
  /** The migrations folder is missing or unreadable. */
  | "no_migrations";

/** Raised by the migration runner; the service must not start on it. */
export class MigrationError extends Error {
  override readonly name = "MigrationError";
  constructor(
    readonly code: MigrationErrorCode,
    message: string,
    readonly migration?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** True for Prisma's "unique constraint failed" error (P2002), whichever generated client threw it. */
export function isUniqueViolation(error: unknown): boolean {
  // Duck-typed: the two generated clients share one runtime, but checking the code alone
  // keeps this independent of which client (or runtime copy) raised it.
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}

/** True for Prisma's "record to update/delete not found" error (P2025). */
export function isNotFound(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2025";
}
