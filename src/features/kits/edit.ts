/**
 * Editing a kit from chat: what a change asks for, applied to the stored kit, with the list
 * of fields that really changed (for the reply and the kit's history). Texts are written in
 * the editor's language: a German coordinator fixing a title changes `title.de`, never the
 * French one.
 */
import type { Audience, Kit, KitFormat, Theme } from "../../core/ports.js";
import type { Locale } from "../../core/types.js";

export interface KitPatch {
  title?: string;
  summary?: string;
  audiences?: Audience[];
  themes?: Theme[];
  format?: KitFormat;
  languages?: Locale[];
  links?: string[];
}

/** Several links in one option: separated by spaces, commas or new lines. */
export function splitLinks(raw: string): string[] {
  return [...new Set(raw.split(/[\s,]+/).map((s) => s.trim()).filter(Boolean))];
}

/** An https URL a browser can open; anything else is refused before it is stored. */
export function isHttpsLink(url: string): boolean {
  if (!/^https:\/\/\S+$/.test(url)) return false;
  try {
    return new URL(url).protocol === "https:";
  } catch {
    return false;
  }
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && [...a].sort().join("\u0000") === [...b].sort().join("\u0000");

/** The kit after the patch, and the names of the fields that changed (`title.de`, `links`...). */
export function applyPatch(kit: Kit, patch: KitPatch, locale: Locale, now: Date): { kit: Kit; fields: string[] } {
  const fields: string[] = [];
  const next: Kit = { ...kit, title: { ...kit.title }, summary: { ...kit.summary } };
  if (patch.title !== undefined && patch.title !== kit.title[locale]) {
    next.title[locale] = patch.title;
    fields.push(`title.${locale}`);
  }
  if (patch.summary !== undefined && patch.summary !== kit.summary[locale]) {
    next.summary[locale] = patch.summary;
    fields.push(`summary.${locale}`);
  }
  const lists = [
    ["audiences", patch.audiences],
    ["themes", patch.themes],
    ["languages", patch.languages],
  ] as const;
  for (const [name, value] of lists) {
    if (value && value.length && !sameSet(value, kit[name])) {
      (next as unknown as Record<string, unknown>)[name] = [...value];
      fields.push(name);
    }
  }
  if (patch.format && patch.format !== kit.format) {
    next.format = patch.format;
    fields.push("format");
  }
  // Order matters for links (the first is shown first): compare as lists.
  if (patch.links && patch.links.join("\n") !== kit.links.join("\n")) {
    next.links = [...patch.links];
    fields.push("links");
  }
  if (fields.length) next.updatedAt = now;
  return { kit: next, fields };
}
