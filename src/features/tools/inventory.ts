/**
 * The central inventory of the tools communes use (design, planning, newsletters...), as
 * the coordination table of the users' document asks: who uses what, found by tool name
 * (typos tolerated), by category, or by commune.
 */
import type { MessageKey, Translate } from "../../core/i18n/catalogue.js";
import { fold } from "../../core/fold.js";
import { wordTable } from "../../core/word-table.js";
import { closest } from "../../core/similarity.js";
import type { Commune } from "../../core/ports.js";
import { TOOL_CATEGORIES, type ToolCategory, type ToolUse } from "./ports.js";

const CATEGORY_WORDS = wordTable<ToolCategory>({
  design: "design", graphisme: "design", graphique: "design", visuel: "design", visuels: "design", grafik: "design", ontwerp: "design", affiche: "design",
  planning: "planning", planification: "planning", agenda: "planning", calendrier: "planning", kalender: "planning", projet: "planning", projektmanagement: "planning",
  newsletter: "newsletter", newsletters: "newsletter", infolettre: "newsletter", lettre: "newsletter", mailing: "newsletter", nieuwsbrief: "newsletter", rundbrief: "newsletter",
  survey: "survey", sondage: "survey", enquete: "survey", formulaire: "survey", questionnaire: "survey", umfrage: "survey", formular: "survey", enquet: "survey", vragenlijst: "survey",
  social: "social", reseaux: "social", "reseaux-sociaux": "social", "social-media": "social", "soziale-medien": "social", "sociale-media": "social",
  storage: "storage", stockage: "storage", partage: "storage", fichiers: "storage", cloud: "storage", drive: "storage", speicher: "storage", opslag: "storage",
  meeting: "meeting", reunion: "meeting", visio: "meeting", visioconference: "meeting", videokonferenz: "meeting", vergadering: "meeting", besprechung: "meeting",
  other: "other", autre: "other", sonstiges: "other", ander: "other", andere: "other",
});

/** A typed word -> category. */
export function toToolCategory(raw: string): ToolCategory | undefined {
  const w = fold(raw).trim().replace(/\s+/g, "-");
  return CATEGORY_WORDS.get(w) ?? (TOOL_CATEGORIES as readonly string[]).find((c) => c === w) as ToolCategory | undefined;
}

export const categoryLabel = (t: Translate, c: ToolCategory) => t(`tool.category.${c}` as MessageKey);

/** One tool and the communes that declared it. */
export interface ToolGroup {
  key: string;
  name: string;
  category: ToolCategory;
  communes: string[];
}

/** Groups declarations by tool; most used first, then by name. */
export function groupTools(tools: readonly ToolUse[], communes: ReadonlyMap<string, Commune>): ToolGroup[] {
  const groups = new Map<string, ToolGroup>();
  for (const tool of tools) {
    const g = groups.get(tool.key) ?? { key: tool.key, name: tool.name, category: tool.category, communes: [] };
    g.communes.push(communes.get(tool.communeId)?.name ?? "?");
    groups.set(tool.key, g);
  }
  for (const g of groups.values()) g.communes.sort((a, b) => a.localeCompare(b, "fr"));
  return [...groups.values()].sort((a, b) => b.communes.length - a.communes.length || a.name.localeCompare(b.name, "fr"));
}

/**
 * What `/cdce outils <mot>` finds: a category word gives its tools; otherwise tools whose
 * name contains the word, then close spellings (`canvas` -> Canva); a commune name gives
 * that commune's tools.
 */
export function findTools(word: string, groups: readonly ToolGroup[], communes: readonly Commune[]): { groups: ToolGroup[]; category?: ToolCategory; commune?: Commune } {
  const category = toToolCategory(word);
  if (category) return { groups: groups.filter((g) => g.category === category), category };
  const w = fold(word).trim().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
  const commune = communes.find((c) => c.slug === w);
  if (commune) return { groups: groups.filter((g) => g.communes.includes(commune.name)), commune };
  const direct = groups.filter((g) => g.key.includes(w));
  if (direct.length) return { groups: direct };
  const near = new Set(closest(w, groups.map((g) => g.key), 5));
  return { groups: groups.filter((g) => near.has(g.key)) };
}
