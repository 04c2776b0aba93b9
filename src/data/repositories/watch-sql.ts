/**
 * Small helpers for the momentum watch's raw SQL, the same text on SQLite and PostgreSQL:
 * positional parameters in each dialect, and the conversions raw rows need (SQLite returns
 * aggregated instants as ISO text and counts as bigint; PostgreSQL returns bigint or text
 * for SUM and COUNT).
 */

export type Provider = "sqlite" | "postgresql";

/** Collects parameters and writes their placeholders (`?` on SQLite, `$n` on PostgreSQL). */
export class SqlParams {
  readonly values: unknown[] = [];
  constructor(private readonly provider: Provider) {}

  /** Adds a value and returns its placeholder. */
  p(value: unknown): string {
    this.values.push(value);
    return this.provider === "postgresql" ? `$${this.values.length}` : "?";
  }

  /** `(?, ?, ?)` for a non-empty list of values. */
  list(values: readonly unknown[]): string {
    if (values.length === 0) throw new Error("empty SQL list");
    return `(${values.map((v) => this.p(v)).join(", ")})`;
  }
}

/** A count or sum from a raw row: bigint, number, numeric text or null. */
export function num(v: unknown): number {
  if (v === null || v === undefined) return 0;
  if (typeof v === "bigint") return Number(v);
  if (typeof v === "number") return v;
  const n = Number(v);
  return Number.isFinite(n) ? n : 0;
}

/** An instant from a raw row: Date, ISO text, or null. */
export function instant(v: unknown): Date | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v;
  const d = new Date(String(v));
  return Number.isNaN(d.getTime()) ? null : d;
}
