/**
 * The one way text is folded before it is compared: lower case, accents and marks removed,
 * ligatures and compatibility forms expanded (NFKD: `ﬁ` -> `fi`, `²` -> `2`; then `ß` -> `ss`,
 * `œ` -> `oe`...). Option names, vocabulary words, kit search and commune names all go
 * through it, so that what one side folds the other side finds.
 */

// eslint-disable-next-line no-control-regex -- any ASCII, control characters included: the fast path skips Unicode folding
const ASCII = /^[\x00-\x7f]*$/;
/** Combining marks, as left by NFKD (accents). */
export const MARKS = /\p{M}+/gu;
const SPECIAL_TEST = /[ßœæøłđ]/;
const SPECIAL = /[ßœæøłđ]/g;
const SPECIAL_MAP = new Map([["ß", "ss"], ["œ", "oe"], ["æ", "ae"], ["ø", "o"], ["ł", "l"], ["đ", "d"]]);

/** Lower case, accents and marks removed, ligatures and compatibility forms expanded. */
export function fold(s: string): string {
  // Most typed text is plain ASCII: skip Unicode normalisation then.
  if (ASCII.test(s)) return s.toLowerCase();
  const out = s.normalize("NFKD").toLowerCase().replace(MARKS, "");
  return SPECIAL_TEST.test(out) ? out.replace(SPECIAL, (c) => SPECIAL_MAP.get(c) ?? c) : out;
}
