/**
 * Before a kit is added: is it already in the catalogue under a close title or with the same
 * link? Coordination then edits that kit instead of creating a second one.
 *
 * Titles are compared folded (case and accents ignored, punctuation and small words dropped)
 * with the Dice coefficient of their letter pairs: "Kit jeunes réseaux sociaux" and
 * "kit jeunes - reseaux sociaux !" are the same; "Kit jeunes" and "Kit élus" are not.
 */
import type { Kit } from "../../core/ports.js";
import { fold } from "../../core/fold.js";

/** Two titles at least this close (0..1) are taken for the same kit. */
export const CLOSE_TITLE = 0.8;

const SMALL_WORDS = new Set(["le", "la", "les", "de", "des", "du", "d", "l", "un", "une", "et", "a", "the", "der", "die", "das", "het", "een"]);

/** The title as compared: folded, words only, small words dropped. */
export function titleKey(title: string): string {
  return fold(title)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w && !SMALL_WORDS.has(w))
    .join(" ");
}

function pairs(s: string): Map<string, number> {
  const out = new Map<string, number>();
  const t = s.replace(/ /g, "");
  for (let i = 0; i < t.length - 1; i++) {
    const p = t.slice(i, i + 2);
    out.set(p, (out.get(p) ?? 0) + 1);
  }
  return out;
}

/** Dice coefficient of the letter pairs of two titles (1 = the same once folded). */
export function titleSimilarity(a: string, b: string): number {
  const ka = titleKey(a);
  const kb = titleKey(b);
  if (!ka || !kb) return 0;
  if (ka === kb) return 1;
  const pa = pairs(ka);
  const pb = pairs(kb);
  let common = 0;
  let total = 0;
  for (const n of pa.values()) total += n;
  for (const n of pb.values()) total += n;
  for (const [p, n] of pa) common += Math.min(n, pb.get(p) ?? 0);
  return total === 0 ? 0 : (2 * common) / total;
}

/** A link as compared: no scheme case, no `www.`, no trailing slash, no fragment. */
export function linkKey(url: string): string {
  try {
    const u = new URL(url.trim());
    const host = u.hostname.toLowerCase().replace(/^www\./, "");
    return `${host}${u.pathname.replace(/\/+$/, "")}${u.search}`;
  } catch {
    return url.trim().toLowerCase();
  }
}

export interface Lookalike {
  kit: Kit;
  reason: "title" | "link";
}

/**
 * The kits (not withdrawn, other than `exceptId`) that look like the one described: same
 * link first, then close titles in any language, closest first. At most three.
 */
export function lookalikes(kits: readonly Kit[], candidate: { title: string; link?: string }, exceptId?: string): Lookalike[] {
  const found: { kit: Kit; reason: Lookalike["reason"]; score: number }[] = [];
  const link = candidate.link ? linkKey(candidate.link) : null;
  for (const kit of kits) {
    if (kit.id === exceptId || kit.withdrawnAt) continue;
    if (link && kit.links.some((l) => linkKey(l) === link)) {
      found.push({ kit, reason: "link", score: 2 });
      continue;
    }
    const best = Math.max(...Object.values(kit.title).map((t) => titleSimilarity(candidate.title, t ?? "")));
    if (best >= CLOSE_TITLE) found.push({ kit, reason: "title", score: best });
  }
  return found
    .sort((a, b) => b.score - a.score || (a.kit.id < b.kit.id ? -1 : 1))
    .slice(0, 3)
    .map(({ kit, reason }) => ({ kit, reason }));
}
