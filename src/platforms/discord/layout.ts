/**
 * Where each registry command sits under `/cdce` on Discord. Discord allows 25 entries per
 * level, and the registry outgrows that. Layout, pure and deterministic:
 *
 * - while the commands fit in 25 entries, each is a subcommand, spaces as dashes:
 *   `kit ajouter` -> `/cdce kit-ajouter`;
 * - otherwise the first word with the most two-word commands becomes a subcommand group,
 *   then the next, until everything fits: `initiative modifier` -> `/cdce initiative
 *   modifier`, and the one-word command of that word sits inside its own group under its
 *   own name (`/cdce initiative initiative`), since a group and a subcommand cannot share
 *   a name at one level;
 * - when even groups cannot fit (more than 25 different first words), the commands keep
 *   their place in registry order as long as they fit in 24 entries, and the others are
 *   reached through one free-text entry, `/cdce commande texte:"sondage voter 3 oui"`,
 *   read by the core exactly like a Slack command line. Nothing becomes unreachable.
 *
 * Commands marked `hidden` (follow-ups run by buttons) are not registered.
 */

/** Discord's maximum of options (subcommands, groups) at one level. */
export const MAX_ENTRIES = 25;

/** The free-text entry for commands without a typed place (see above). */
export const FALLBACK = { sub: "commande", option: "texte" } as const;

/** The place of one command. */
export interface Slot {
  /** The registry command name (`initiative modifier`). */
  command: string;
  /** The subcommand group, when the command is grouped. */
  group?: string;
  /** The subcommand name. */
  sub: string;
}

/** The places of all commands, and those reached by the free-text entry. */
export interface Layout {
  slots: Slot[];
  /** Commands reached through the free-text entry only (registry order). */
  overflow: string[];
}

const firstWord = (name: string) => name.split(" ")[0]!;

/** The slots of `names` within `max` entries, grouping as needed; undefined if impossible. */
function fit(names: readonly string[], max: number): Slot[] | undefined {
  const byWord = new Map<string, string[]>();
  for (const n of names) byWord.set(firstWord(n), [...(byWord.get(firstWord(n)) ?? []), n]);
  const grouped = new Set<string>();
  const entries = () => names.length - [...grouped].reduce((n, w) => n + byWord.get(w)!.length - 1, 0);
  while (entries() > max) {
    const candidates = [...byWord.entries()]
      .filter(([w, members]) => !grouped.has(w) && members.length > 1)
      .sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));
    const next = candidates[0];
    if (!next) return undefined;
    grouped.add(next[0]);
  }
  return names.map((command) => {
    const w = firstWord(command);
    if (!grouped.has(w)) return { command, sub: command.replace(/ /g, "-") };
    if (byWord.get(w)!.length > max) throw new Error(`more than ${max} commands start with "${w}"`);
    if (byWord.get(w)!.includes(`${w} ${w}`)) throw new Error(`"${w} ${w}" would clash with "${w}" in its group`);
    return { command, group: w, sub: command.includes(" ") ? command.split(" ")[1]! : w };
  });
}

/**
 * The layout of `names` (registry order). `typed` caps how many (from the start) get a
 * typed place; the registration lowers it when the character budget is exceeded.
 */
export function commandLayout(names: readonly string[], options: { max?: number; typed?: number } = {}): Layout {
  const max = options.max ?? MAX_ENTRIES;
  const typed = Math.min(options.typed ?? names.length, names.length);
  if (names.some((n) => n === FALLBACK.sub)) throw new Error(`a command may not be called "${FALLBACK.sub}" (Discord fallback)`);
  if (typed === names.length) {
    const all = fit(names, max);
    if (all) return { slots: all, overflow: [] };
  }
  // One entry goes to the free-text fallback; keep as many commands typed as fit.
  for (let n = Math.min(typed, names.length - 1); n >= 0; n--) {
    const slots = fit(names.slice(0, n), max - 1);
    if (slots) return { slots, overflow: names.slice(n) };
  }
  return { slots: [], overflow: [...names] };
}

/** The registry command of a Discord (group, subcommand) pair; undefined for the fallback. */
export function commandFromPath(group: string | null | undefined, sub: string): string | undefined {
  if (!group) return sub === FALLBACK.sub ? undefined : sub.replace(/-/g, " ");
  return sub === group ? group : `${group} ${sub}`;
}
