/**
 * Suggestions while someone types an option (Discord autocomplete; any platform that asks
 * as the user types). Platforms call `suggest(source, query, locale)` through their
 * `Inbound` and only cut the answer to their own limits: what exists (communes, kit facets,
 * commands) is the core's to know. Answers come from memory, because a platform drops
 * slow answers (Discord: 3 s) and users feel anything over ~100 ms: kit facets come from
 * the in-memory catalogue, communes from a cache refreshed in the background.
 */
import type { CommandRegistry, Services } from "./commands.js";
import type { OptionMeta } from "./options.js";
import { AUDIENCES, THEMES, type Commune } from "./ports.js";
import type { Locale } from "./types.js";
import { fold } from "./fold.js";
import { audienceLabel, themeLabel } from "./labels.js";
import { translator } from "./i18n/catalogue.js";
import { choiceLabels } from "./choice-labels.js";

/** One suggestion: what the user sees, and the value the option receives. */
export interface Suggestion {
  name: string;
  value: string;
}

/** The named sources an option spec may give (`meta.autocomplete`). */
export type NamedSource = NonNullable<OptionMeta["autocomplete"]>;

/**
 * What to suggest from: a named source (`"commune"`, `"audience"`...), `"command"` (whole
 * command lines, for a free-text entry), or an option of a command, whose spec says
 * which source (or which closed set of values) it takes.
 */
export type SuggestSource = NamedSource | "command" | { command: string; option: string };

/** Extra sources plugged in by later features (upcoming webinars). */
export interface SuggestHooks {
  webinar?: (query: string, locale: Locale) => Promise<Suggestion[]> | Suggestion[];
}

export interface Suggestions {
  /** Suggestions for `query`, best first (uncut: each platform keeps what it can show). */
  suggest(source: SuggestSource, query: string, locale: Locale): Promise<Suggestion[]>;
  /** Loads the caches (at a platform's start, so the first user does not pay for it). */
  warm(): Promise<void>;
}

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

/** Values of a closed set, with their localized labels when the catalogue has them. */
function closedSet(values: readonly string[], query: string, locale: Locale): Suggestion[] {
  const labels = choiceLabels(values);
  const label = (v: string) => (labels ? (labels(v)[locale] ?? labels(v).fr) : v);
  return rank([...values], query, (v) => [v, label(v)]).map((v) => ({ name: label(v) === v ? v : `${label(v)} (${v})`, value: v }));
}

/** How long the commune list is trusted before a background refresh. */
const COMMUNES_TTL_MS = 5 * 60_000;

/** Suggestions over the services (kit catalogue, communes) and the registry. */
export function createSuggestions(services: Services, registry: CommandRegistry, hooks: SuggestHooks = {}): Suggestions {
  let communes: Commune[] | undefined;
  let loadedAt = 0;
  let loading: Promise<Commune[]> | undefined;

  const loadCommunes = () =>
    (loading ??= services.repos.communes
      .list()
      .then((list) => {
        communes = list;
        loadedAt = services.clock().getTime();
        return list;
      })
      .finally(() => {
        loading = undefined;
      }));

  /** Serves the cached list at once; a stale one is refreshed for the next keystroke. */
  async function communeList(): Promise<Commune[]> {
    if (!communes) return loadCommunes();
    if (services.clock().getTime() - loadedAt > COMMUNES_TTL_MS) {
      loadCommunes().catch((err: unknown) => services.logger.warn({ err }, "commune list refresh failed"));
    }
    return communes;
  }

  async function named(source: NamedSource, query: string, locale: Locale): Promise<Suggestion[]> {
    const t = translator(locale);
    switch (source) {
      case "audience": {
        const counts = services.kits.facets().audiences;
        const present = AUDIENCES.filter((a) => counts[a] > 0);
        return rank(present, query, (a) => [a, audienceLabel(t, a)], (a) => counts[a]).map((a) => ({ name: `${audienceLabel(t, a)} (${counts[a]})`, value: a }));
      }
      case "theme": {
        const counts = services.kits.facets().themes;
        const present = THEMES.filter((th) => counts[th] > 0);
        return rank(present, query, (th) => [th, themeLabel(t, th)], (th) => counts[th]).map((th) => ({ name: `${themeLabel(t, th)} (${counts[th]})`, value: th }));
      }
      case "commune":
        return rank(await communeList(), query, (c) => [c.name, c.slug]).map((c) => ({ name: c.province ? `${c.name} (${c.province})` : c.name, value: c.name }));
      case "webinar":
        return hooks.webinar ? hooks.webinar(query, locale) : [];
    }
  }

  /** Before the command is complete, command names; after, the example usage. */
  function commandLines(query: string, locale: Locale): Suggestion[] {
    const typed = query.trimStart();
    const visible = registry.all().filter((d) => !d.hidden);
    const started = visible.filter((d) => fold(typed).startsWith(`${d.name} `));
    return started.length
      ? started.map((d) => ({ name: `${typed} — ${d.usage[locale] ?? d.usage.fr}`, value: typed }))
      : rank(visible, typed, (d) => [d.name]).map((d) => ({ name: `${d.name} — ${d.help[locale] ?? d.help.fr}`, value: `${d.name} ` }));
  }

  return {
    async suggest(source, query, locale) {
      if (source === "command") return commandLines(query, locale);
      if (typeof source === "string") return named(source, query, locale);
      const meta = registry.get(source.command)?.options[source.option]?.meta;
      if (!meta) return [];
      // A closed set offered as suggestions (Discord registers large ones so): its values.
      return meta.autocomplete ? named(meta.autocomplete, query, locale) : closedSet(meta.values ?? [], query, locale);
    },
    async warm() {
      await loadCommunes();
    },
  };
}
