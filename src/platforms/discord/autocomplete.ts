/**
 * Suggestions while a Discord user types an option (interaction type 4, answered with
 * callback type 8). Discord drops answers that take longer than 3 s and users feel
 * anything over ~100 ms, so every source answers from memory: kit facets come from the
 * in-memory catalogue, communes from a cache refreshed in the background.
 */
import type { Services } from "../../core/commands.js";
import type { CommandRegistry } from "../../core/commands.js";
import type { OptionMeta } from "../../core/options.js";
import { AUDIENCES, THEMES, type Commune } from "../../core/ports.js";
import type { Locale } from "../../core/types.js";
import { fold } from "../../core/fold.js";
import { audienceLabel, themeLabel } from "../../core/labels.js";
import { translator } from "../../core/i18n/catalogue.js";
import { choiceLabels } from "./choice-labels.js";
import { clip as clipText, prefixWithin } from "../../core/clip.js";

/** One suggestion: what the user sees, and the value the option receives. */
export interface Choice {
  name: string;
  value: string;
}

/** Discord's limits on autocomplete answers. */
const MAX_CHOICES = 25;
const MAX_NAME = 100;

/** The sources an option spec may name (`meta.autocomplete`). */
export type AutocompleteSource = NonNullable<OptionMeta["autocomplete"]>;

/** Extra sources plugged in by later features (upcoming webinars). */
export interface AutocompleteHooks {
  webinar?: (query: string, locale: Locale) => Promise<Choice[]> | Choice[];
}

/** What the interaction handler asks while a user types. */
export interface Autocomplete {
  /** Suggestions for option `option` of sub-command `command` (registry name). */
  suggest(command: string, option: string, query: string, locale: Locale): Promise<Choice[]>;
  /** Command lines for the free-text entry: commands whose name starts like the input. */
  commandLines(query: string, locale: Locale): Choice[];
  /** Loads the caches (at start, so the first user does not pay for it). */
  warm(): Promise<void>;
}

/** Values of a closed set, with their localized labels when the catalogue has them. */
function closedSet(values: readonly string[], query: string, locale: Locale): Choice[] {
  const labels = choiceLabels(values);
  const label = (v: string) => (labels ? (labels(v)[locale] ?? labels(v).fr) : v);
  return rank([...values], query, (v) => [v, label(v)]).map((v) => ({ name: label(v) === v ? v : `${label(v)} (${v})`, value: v }));
}

const clip = (s: string) => clipText(s, MAX_NAME);

/**
 * Ranks candidates against what was typed: prefix matches first, then substring
 * matches, then the candidate's weight (kit counts); empty input lists everything.
 */
export function rank<T>(items: T[], typed: string, keys: (t: T) => string[], weight: (t: T) => number = () => 0): T[] {
  const q = fold(typed).trim();
  const scored: { item: T; score: number }[] = [];
  for (const item of items) {
    const ks = keys(item).map(fold);
    const score = !q ? 1 : ks.some((k) => k.startsWith(q) || k.split(/[\s-]+/).some((w) => w.startsWith(q))) ? 2 : ks.some((k) => k.includes(q)) ? 1 : 0;
    if (score) scored.push({ item, score });
  }
  return scored.sort((a, b) => b.score - a.score || weight(b.item) - weight(a.item)).map((s) => s.item);
}

/** How long the commune list is trusted before a background refresh. */
const COMMUNES_TTL_MS = 5 * 60_000;

/** Autocomplete over the services (kit catalogue, communes) and the registry. */
export function createAutocomplete(services: Services, registry: CommandRegistry, hooks: AutocompleteHooks = {}): Autocomplete {
  let communes: Commune[] | undefined;
  let loadedAt = 0;
  let loading: Promise<Commune[]> | undefined;

  const loadCommunes = () =>
    (loading ??= services.repos.communes
      .list()
      .then((list) => {
        communes = list;
        loadedAt = Date.now();
        return list;
      })
      .finally(() => {
        loading = undefined;
      }));

  /** Serves the cached list at once; a stale one is refreshed for the next keystroke. */
  async function communeList(): Promise<Commune[]> {
    if (!communes) return loadCommunes();
    if (Date.now() - loadedAt > COMMUNES_TTL_MS) {
      loadCommunes().catch((err: unknown) => services.logger.warn({ err }, "commune list refresh failed"));
    }
    return communes;
  }

  async function fromSource(source: AutocompleteSource, query: string, locale: Locale): Promise<Choice[]> {
    const t = translator(locale);
    switch (source) {
      case "audience": {
        const counts = services.kits.facets().audiences;
        const present = AUDIENCES.filter((a) => counts[a] > 0);
        return rank(present, query, (a) => [a, audienceLabel(t, a)], (a) => counts[a]).map((a) => ({
          name: `${audienceLabel(t, a)} (${counts[a]})`,
          value: a,
        }));
      }
      case "theme": {
        const counts = services.kits.facets().themes;
        const present = THEMES.filter((th) => counts[th] > 0);
        return rank(present, query, (th) => [th, themeLabel(t, th)], (th) => counts[th]).map((th) => ({
          name: `${themeLabel(t, th)} (${counts[th]})`,
          value: th,
        }));
      }
      case "commune":
        return rank(await communeList(), query, (c) => [c.name, c.slug]).map((c) => ({
          name: c.province ? `${c.name} (${c.province})` : c.name,
          value: c.name,
        }));
      case "webinar":
        return hooks.webinar ? hooks.webinar(query, locale) : [];
    }
  }

  return {
    async suggest(command, option, query, locale) {
      const meta = registry.get(command)?.options[option]?.meta;
      if (!meta) return [];
      // A closed set registered as autocomplete (to fit Discord's size budget): its values.
      const found = meta.autocomplete ? await fromSource(meta.autocomplete, query, locale) : closedSet(meta.values ?? [], query, locale);
      return found.slice(0, MAX_CHOICES).map((c) => ({ name: clip(c.name), value: prefixWithin(c.value, MAX_NAME) }));
    },
    commandLines(query, locale) {
      // Before the command is complete, suggest command names; after, the example usage.
      const typed = query.trimStart();
      const visible = registry.all().filter((d) => !d.hidden);
      const started = visible.filter((d) => fold(typed).startsWith(`${d.name} `));
      const lines = started.length
        ? started.map((d) => ({ name: clip(`${typed} — ${d.usage[locale] ?? d.usage.fr}`), value: prefixWithin(typed, MAX_NAME) }))
        : rank(visible, typed, (d) => [d.name]).map((d) => ({ name: clip(`${d.name} — ${d.help[locale] ?? d.help.fr}`), value: `${d.name} ` }));
      return lines.slice(0, MAX_CHOICES);
    },
    async warm() {
      await loadCommunes();
    },
  };
}
