/**
 * Shared pieces of the benchmarks: the row every bench module returns, percentiles, a seeded
 * PRNG and the single table `bench/run.ts` prints.
 *
 * A bench module is a file that exports `async function run(): Promise<Row[]>`. It may start
 * servers on 127.0.0.1 but must never need any other network.
 */

/** One line of the bench table. */
export interface Row {
  /** What was measured: `kit-search: engine, 10k kits`. */
  name: string;
  /** Median of the measurements, in `unit`. */
  median?: number;
  /** 99th percentile, in `unit`. */
  p99?: number;
  /** Unit of `median` and `p99` (default `ms`). */
  unit?: string;
  /** Further labelled values, printed as `label=value` in order: `{ "precision@5": 0.83, n: 3000 }`. */
  other?: Record<string, string | number>;
  /** The target in words: `p99 < 5 ms`. */
  target?: string;
  /** Verdict against the target; leave undefined for an informational row. */
  ok?: boolean;
}

export interface BenchModule {
  run(): Promise<Row[]>;
}

/** The q-quantile (0..1) of `values` by nearest rank (values need not be sorted). */
export function percentile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank]!;
}

/** Deterministic PRNG (mulberry32): same seed, same sequence, on every machine. */
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

/** A random element of a non-empty list. */
export function pick<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)]!;
}

function formatNumber(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (Number.isInteger(v)) return String(v);
  const abs = Math.abs(v);
  return v.toFixed(abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3);
}

/** Renders rows as one aligned text table. */
export function renderTable(rows: readonly Row[]): string {
  const header = ["name", "median", "p99", "other", "target", "verdict"];
  const lines = rows.map((r) => {
    const unit = r.unit ?? "ms";
    const other = Object.entries(r.other ?? {})
      .map(([k, v]) => `${k}=${typeof v === "number" ? formatNumber(v) : v}`)
      .join(", ");
    return [
      r.name,
      r.median === undefined ? "" : `${formatNumber(r.median)} ${unit}`,
      r.p99 === undefined ? "" : `${formatNumber(r.p99)} ${unit}`,
      other,
      r.target ?? "",
      r.ok === undefined ? "-" : r.ok ? "ok" : "FAIL",
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const fmt = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join(" | ").trimEnd();
  return [fmt(header), widths.map((w) => "-".repeat(w)).join("-|-"), ...lines.map(fmt)].join("\n");
}
