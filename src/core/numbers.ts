/**
 * Numbers typed by people. `Number()` reads far more than people mean: `0x10` is 16, `1e3`
 * is 1,000, `0b11`, `1_0` (no), `" "` is 0, `Infinity`. A count of seats or a page is written
 * in plain decimal digits; anything else is refused, never reinterpreted.
 */

/**
 * The value of a decimal integer (`12`, `+3`, `-1`, `007`), surrounding spaces allowed; undefined
 * for anything else (hex, exponent, fraction, separators, words). The caller checks the bounds:
 * a very long number comes back as a (possibly infinite) number out of any range, not undefined.
 */
export function parseDecimalInt(raw: string): number | undefined {
  const s = raw.trim();
  return /^[+-]?[0-9]+$/.test(s) ? Number(s) : undefined;
}

/** Whether `n` is an integer within [min, max]. */
export function inRange(n: number | undefined, min: number, max: number): n is number {
  return n !== undefined && Number.isInteger(n) && n >= min && n <= max;
}
