/** Small helpers to build neutral replies. */
import { clip } from "./clip.js";
import type { Block, Locale, Reply } from "./types.js";

/** A plain-text summary of blocks, for notifications and text-only fallbacks. */
export function summarize(blocks: Block[], max = 300): string {
  const parts: string[] = [];
  for (const b of blocks) {
    if (b.type === "header" || b.type === "section" || b.type === "context") parts.push(b.text);
    if (parts.join(" ").length > max) break;
  }
  const s = parts.join(" — ").replace(/\s+/g, " ").trim();
  return clip(s, max);
}

export function reply(locale: Locale, blocks: Block[], visibility: Reply["visibility"] = "ephemeral"): Reply {
  return { locale, blocks, visibility, text: summarize(blocks) };
}

/** A one-paragraph reply. */
export function message(locale: Locale, text: string, visibility: Reply["visibility"] = "ephemeral"): Reply {
  return reply(locale, [{ type: "section", text }], visibility);
}
