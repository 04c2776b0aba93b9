/**
 * The one normalisation used for commune slugs and for name look-ups, so that
 * "Liège", "LIEGE" and "liege" all meet on `liege`.
 */

/**
 * Lower case, accents removed, every run of non-alphanumerics turned into one dash,
 * no dash at either end: `La Roche-en-Ardenne` -> `la-roche-en-ardenne`,
 * `Écaussinnes` -> `ecaussinnes`, `Berchem-Sainte-Agathe ` -> `berchem-sainte-agathe`.
 */
export function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "") // combining marks left by NFKD: the accents
    .toLowerCase()
    // No NFKD decomposition for these; German and French names may carry them.
    .replace(/ß/g, "ss")
    .replace(/œ/g, "oe")
    .replace(/æ/g, "ae")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}
