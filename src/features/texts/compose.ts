/**
 * The three ready-to-send texts of an initiative or event, in the commune's language, with
 * the kit of the catalogue that helps with each (press release templates, social posts, a
 * web page model), from the kit search.
 */
import type { Locale } from "../../core/types.js";
import { renderLines, textOf, type Facts, type Segment } from "./template.js";
import { KIT_WORDS, TEMPLATES, TEXT_KINDS, type Subject, type TextKind } from "./templates.js";

export interface ReadyText {
  kind: TextKind;
  lines: Segment[][];
  text: string;
  kit?: { id: string; title: string; link?: string };
}

export interface KitSearch {
  search(q: { words: string; locale: Locale }): { hits: readonly { kit: { id: string; title: Partial<Record<Locale, string>> & { fr: string }; links: string[] } }[] };
}

export function readyTexts(subject: Subject, facts: Facts, language: Locale, kits?: KitSearch): ReadyText[] {
  return TEXT_KINDS.map((kind) => {
    const lines = renderLines(TEMPLATES[language][subject][kind], facts);
    const hit = kits?.search({ words: KIT_WORDS[kind], locale: language }).hits[0]?.kit;
    const kit = hit ? { id: hit.id, title: hit.title[language] ?? hit.title.fr, ...(hit.links[0] ? { link: hit.links[0] } : {}) } : undefined;
    return { kind, lines, text: textOf(lines), ...(kit ? { kit } : {}) };
  });
}
