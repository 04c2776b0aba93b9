/**
 * `/cdce kit [words] [public:] [theme:] [format:] [langue:] [profil:] [page:]`
 * Finds kits and tools of the catalogue; alone, lists the audiences and themes.
 */
import { defineCommand, type CommandContext } from "../../src/core/commands.js";
import { choice, int, text, type OptionValues } from "../../src/core/options.js";
import { AUDIENCES, THEMES, KIT_FORMATS, type Kit } from "../../src/core/ports.js";
import type { KitSearchResult } from "../../src/features/kits/search.js";
import { linkFlag } from "../../src/features/kits/link-check.js";
import { homeCommune, readerProfile, type ReaderProfile } from "../../src/features/kits/reader-profile.js";
import { LOCALES, type Block, type Reply } from "../../src/core/types.js";
import { reply } from "../../src/core/reply.js";
import { pageToShow } from "../../src/core/paging.js";
import { audienceLabel, formatLabel, languageLabel, profileLabel, themeLabel } from "../../src/core/labels.js";
import { fold } from "../../src/core/fold.js";
import { sheetsForVolunteers } from "../../src/features/initiatives/index.js";
import { POLL_TEMPLATES } from "../../src/features/polls/index.js";
import { prefixWithin } from "../../src/core/clip.js";

/** Results per page: five fit comfortably in one Slack message and one Discord embed set. */
export const KITS_PER_PAGE = 5;

const foldChoice = <V extends string>(values: readonly V[]) => (raw: string) =>
  values.find((v) => v === fold(raw).replace(/\s+/g, "-"));

/** `langue:toutes`: every language, the reader's first. Its words in the four languages. */
const ALL_LANGUAGES = "toutes";
const LANGUAGE_CHOICES = [...LOCALES, ALL_LANGUAGES] as const;
const ALL_WORDS = new Set(["toutes", "tous", "alle", "allemaal", "all"]);
const languageChoice = (raw: string) => (ALL_WORDS.has(fold(raw).trim()) ? ALL_LANGUAGES : foldChoice(LOCALES)(raw));

const options = {
  mots: text({ help: { fr: "Mots-clés : public, thème, format…", de: "Stichwörter: Zielgruppe, Thema, Format…", nl: "Trefwoorden: doelgroep, thema, formaat…", en: "Keywords: audience, theme, format…" }, max: 2000, rest: true }),
  public: choice({ help: { fr: "Public visé", de: "Zielgruppe", nl: "Doelgroep", en: "Audience" }, values: AUDIENCES, normalize: foldChoice(AUDIENCES), autocomplete: "audience" }),
  theme: choice({ help: { fr: "Thème", de: "Thema", nl: "Thema", en: "Theme" }, values: THEMES, normalize: foldChoice(THEMES), autocomplete: "theme" }),
  format: choice({ help: { fr: "Format", de: "Format", nl: "Formaat", en: "Format" }, values: KIT_FORMATS, normalize: foldChoice(KIT_FORMATS) }),
  langue: choice({ help: { fr: "Langue du support (ou toutes)", de: "Sprache des Materials (oder alle)", nl: "Taal van het materiaal (of alle)", en: "Language of the material (or all)" }, values: LANGUAGE_CHOICES, normalize: languageChoice }),
  profil: choice({ help: { fr: "Profil de commune", de: "Gemeindeprofil", nl: "Gemeenteprofiel", en: "Commune profile" }, values: ["urbain", "periurbain", "rural"] as const }),
  page: int({ help: { fr: "Page de résultats", de: "Ergebnisseite", nl: "Resultatenpagina", en: "Results page" }, min: 1, max: 200, default: 1 }),
};

type Ctx = CommandContext<OptionValues<typeof options>>;

function overview({ t, locale, services }: Ctx): Reply {
  const f = services.kits.facets();
  const list = <K extends string>(counts: Record<K, number>, label: (k: K) => string) =>
    (Object.entries(counts) as [K, number][])
      .filter(([, n]) => n > 0)
      .sort((a, b) => b[1] - a[1])
      .map(([k, n]) => `${label(k)} (${n})`)
      .join(" · ");
  const blocks: Block[] = [
    { type: "header", text: t("kit.overview.title", { count: services.kits.size() }) },
    { type: "section", text: `**${t("kit.overview.audiences")}**\n${list(f.audiences, (a) => audienceLabel(t, a))}` },
    { type: "section", text: `**${t("kit.overview.themes")}**\n${list(f.themes, (th) => themeLabel(t, th))}` },
    { type: "context", text: t("kit.overview.hint") },
  ];
  return reply(locale, blocks);
}

function renderKit(kit: Kit, ctx: Ctx): Block[] {
  const { t, locale } = ctx;
  const title = kit.title[locale] ?? kit.title.fr;
  const summary = kit.summary[locale] ?? kit.summary.fr;
  const blocks: Block[] = [
    {
      type: "section",
      text: `**${title}**\n${summary}`,
      fields: [
        { label: t("kit.field.audiences"), value: kit.audiences.map((a) => audienceLabel(t, a)).join(", ") || "—" },
        { label: t("kit.field.format"), value: formatLabel(t, kit.format) },
        { label: t("kit.field.languages"), value: kit.languages.map((l) => languageLabel(t, l)).join(", ") },
      ],
    },
  ];
  // A link nobody checked yet, or found broken, says so: the reader should not trust it blindly.
  const links = kit.links.slice(0, 3).map((url, i) => {
    const flag = linkFlag(kit, url);
    const note = flag === "unchecked" ? ` (${t("kit.link.unchecked")})` : flag === "broken" ? ` (⚠ ${t("kit.link.broken")})` : "";
    return `[${t("kit.link", { n: i + 1 })}](${url})${note}`;
  });
  blocks.push({ type: "context", text: [`\`${kit.id}\``, ...links].join(" · ") });
  // Survey templates start as polls in one click.
  if (POLL_TEMPLATES.has(kit.id)) blocks.push({ type: "actions", buttons: [{ label: t("poll.fromKit"), command: `sondage modele:${kit.id}` }] });
  return blocks;
}

/**
 * A kit's card depends only on the kit and the reader's language, and a result page only on
 * the query and the language: the same few searches ("kit jeunes", a theme) come again and
 * again. Both are built once and shared (frozen, so no renderer can change them for the next
 * reader), per catalogue and for its current version only: any change to the catalogue
 * starts afresh.
 */
const CARDS_KEPT = 2000;
const PAGES_KEPT = 500;
interface Memo {
  version: number;
  cards: Map<string, readonly Block[]>;
  pages: Map<string, Reply>;
}
const memos = new WeakMap<object, Memo>();

function memoOf(kits: Ctx["services"]["kits"]): Memo {
  let memo = memos.get(kits.identity);
  if (!memo || memo.version !== kits.version) memos.set(kits.identity, (memo = { version: kits.version, cards: new Map(), pages: new Map() }));
  return memo;
}

/** Adds to a bounded map, dropping the oldest entry when full. */
function keep<V>(map: Map<string, V>, max: number, key: string, value: V): V {
  if (map.size >= max) map.delete(map.keys().next().value!);
  map.set(key, value);
  return value;
}

function kitBlocks(kit: Kit, ctx: Ctx): readonly Block[] {
  const { cards } = memoOf(ctx.services.kits);
  const key = `${ctx.locale}\u0000${kit.id}`;
  return cards.get(key) ?? keep(cards, CARDS_KEPT, key, deepFreeze(renderKit(kit, ctx)));
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** The line that asks for the next page: same words and filters, page + 1. */
function nextPageCommand(o: Ctx["options"], page = o.page + 1): string {
  const parts = ["kit"];
  if (o.mots) parts.push(prefixWithin(o.mots, 40));
  for (const k of ["public", "theme", "format", "langue", "profil"] as const) if (o[k]) parts.push(`${k}:${o[k]}`);
  if (page > 1) parts.push(`page:${page}`);
  return parts.join(" ");
}

export default defineCommand({
  name: "kit",
  words: { fr: "kit", de: "kit", nl: "kit", en: "kit" },
  intent: "find",
  optionWords: { mots: { de: "wörter", nl: "woorden", en: "words" }, public: { de: "zielgruppe", nl: "doelgroep", en: "audience" }, theme: { de: "thema", nl: "thema", en: "theme" }, format: { de: "format", nl: "formaat", en: "format" }, langue: { de: "sprache", nl: "taal", en: "language" }, profil: { de: "profil", nl: "profiel", en: "profile" }, page: { de: "seite", nl: "pagina", en: "page" } },
  changesState: false,
  aliases: ["kits", "outil", "tool", "werkzeug"],
  help: { fr: "Trouver un kit ou un outil de campagne", de: "Ein Kampagnen-Kit oder Werkzeug finden", nl: "Een campagnekit of -tool vinden", en: "Find a campaign kit or tool" },
  usage: { fr: "kit jeunes affiche", de: "kit jugend plakat", nl: "kit jongeren affiche", en: "kit youth poster" },
  options,
  async run(ctx) {
    const { options: o, locale, services } = ctx;
    const filtersGiven = o.public || o.theme || o.format || o.langue || o.profil;
    if (!o.mots && !filtersGiven) return overview(ctx);
    // The caller's commune gives the default profile and languages; the options override them.
    const reader = readerProfile(await homeCommune(ctx.actor.communeIds, (id) => services.repos.communes.get(id)), locale);
    const allLanguages = o.langue === ALL_LANGUAGES;
    const language = o.langue === ALL_LANGUAGES ? undefined : o.langue;
    const result = services.kits.search({
      words: o.mots ?? "",
      locale,
      audience: o.public,
      theme: o.theme,
      format: o.format,
      language,
      profile: o.profil ?? reader.profile,
      preferredLanguages: reader.preferredLanguages,
      allLanguages,
    });
    // Words with nothing to read in them (an emoji, a lone "de"): the overview, not every kit.
    const u = result.understood;
    const read = u.audiences.length + u.themes.length + u.formats.length + u.languages.length + u.profiles.length + u.freeWords.length;
    if (!filtersGiven && read === 0) return overview(ctx);
    // For volunteers the first page ends with other volunteers' sheets, which change on their own.
    if (forVolunteers(result)) return resultsPage(ctx, result, reader);
    const { pages } = memoOf(services.kits);
    const key = JSON.stringify([locale, o.mots, o.public, o.theme, o.format, o.langue, o.profil, o.page, reader.commune?.id]);
    return pages.get(key) ?? keep(pages, PAGES_KEPT, key, Object.freeze(await resultsPage(ctx, result, reader)));
  },
});

/** Asked for volunteers (`public:benevoles` or a word): `understood` holds both. */
function forVolunteers(result: KitSearchResult): boolean {
  return result.understood.audiences.includes("benevoles");
}

/** What the search assumed about the reader, and how to change it. */
function profileLine(ctx: Ctx, reader: ReaderProfile): Block[] {
  const { t, options: o } = ctx;
  if (!reader.commune) return [];
  const profile = o.profil ?? reader.profile;
  const languages = o.langue && o.langue !== ALL_LANGUAGES ? [o.langue] : reader.preferredLanguages;
  if (!profile) return [];
  const text = t("kit.results.profile", {
    commune: reader.commune.name,
    profile: profileLabel(t, profile),
    language: languages.map((l) => languageLabel(t, l)).join(" / "),
  });
  return [{ type: "context", text }];
}

/** Kits left out because they exist only in other languages: how many, and a button to see them. */
function otherLanguages(ctx: Ctx, result: KitSearchResult, reader: ReaderProfile): Block[] {
  const { t, options: o } = ctx;
  if (result.otherLanguagesOnly > 0) {
    return [
      { type: "context", text: t("kit.results.otherLanguages", { count: result.otherLanguagesOnly }) },
      { type: "actions", buttons: [{ label: t("kit.results.showOthers"), command: nextPageCommand({ ...o, langue: ALL_LANGUAGES }, 1) }] },
    ];
  }
  const first = result.hits[0]?.kit;
  // Preferred kits come first: when the first is in none of the reader's languages, none is.
  if (!o.langue && first && !first.languages.some((l) => reader.preferredLanguages.includes(l))) {
    return [{ type: "context", text: t("kit.results.noneInLanguage") }];
  }
  return [];
}

async function resultsPage(ctx: Ctx, result: KitSearchResult, reader: ReaderProfile): Promise<Reply> {
  const { options: o, t, locale, services } = ctx;
  if (result.total === 0) {
    const lines = [t("kit.none", { query: prefixWithin(o.mots ?? "", 80) })];
    if (result.suggestions.length) lines.push(t("kit.suggestions", { terms: result.suggestions.slice(0, 6).map((s) => `\`${s}\``).join(", ") }));
    lines.push(t("kit.overview.hint"));
    return reply(locale, [{ type: "section", text: lines.join("\n") }]);
  }
  const pages = Math.ceil(result.total / KITS_PER_PAGE);
  const { page, notice } = pageToShow(o.page, pages, t);
  const hits = result.hits.slice((page - 1) * KITS_PER_PAGE, page * KITS_PER_PAGE);
  const understood = [
    ...result.understood.audiences.map((a) => audienceLabel(t, a)),
    ...result.understood.themes.map((th) => themeLabel(t, th)),
    ...result.understood.formats.map((f) => formatLabel(t, f)),
    ...result.understood.languages.map((l) => languageLabel(t, l)),
  ];
  const blocks: Block[] = [{ type: "header", text: t("kit.results.title", { total: result.total, page, pages }) }, ...notice];
  if (understood.length) blocks.push({ type: "context", text: t("kit.results.understood", { terms: understood.join(" · ") }) });
  if (result.partial) blocks.push({ type: "context", text: t("kit.results.partial") });
  if (page === 1) blocks.push(...profileLine(ctx, reader), ...otherLanguages(ctx, result, reader));
  for (const hit of hits) blocks.push(...kitBlocks(hit.kit, ctx), { type: "divider" });
  if (page < pages) blocks.push({ type: "actions", buttons: [{ label: t("kit.more"), command: nextPageCommand({ ...o, page }) }] });
  // For volunteers, the experience sheets of other volunteers follow the kits.
  if (page === 1 && forVolunteers(result)) blocks.push(...(await sheetsForVolunteers(services, t, o.mots ?? "")));
  return reply(locale, blocks);
}
