/**
 * Neutral blocks (without their buttons) -> Discord embeds or message content, within
 * Discord's embed limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits):
 * title 256, description 4,096, 25 fields, field name 256 and value 1,024, footer 2,048, and
 * 6,000 characters for all the embeds of one message together. An embed over a limit is
 * split into several, never cut short, except a title, field or footer that alone is over
 * its own limit (those are clipped on a grapheme boundary, with `…`).
 */
import type { APIEmbed, APIEmbedField } from "discord.js";
import { clip, splitText } from "../../core/clip.js";
import type { Block } from "../../core/types.js";

/** Discord's message and embed limits. */
export const EMBED_LIMITS = {
  content: 2000,
  embedsPerMessage: 10,
  charsPerMessageEmbeds: 6000,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
} as const;

/** The CDCE green, so the bot's answers are recognisable in a busy channel. */
const COLOR = 0x3a8d3f;

/**
 * Neutral Markdown (**bold**, _italic_, `code`, [label](url)) is valid Discord Markdown,
 * masked links included, so text passes unchanged. Plain text is for titles and footers,
 * where Discord shows Markdown as typed.
 */
export function plainText(md: string): string {
  return md
    .replace(/\[([^\]]+)\]\((https?:\/\/[^)\s]+)\)/g, "$1")
    .replace(/\*\*([^*]+)\*\*/g, "$1")
    .replace(/`([^`]+)`/g, "$1")
    .replace(/(^|\s)_([^_]+)_(?=\s|$|[.,;:!?])/g, "$1$2");
}

/** Subtext (`-# `) renders context lines small and dim, links and code still working. */
const subtext = (text: string) => text.split("\n").map((l) => (l.trim() ? `-# ${l}` : l)).join("\n");

/** What one embed will show, before it is cut to Discord's limits. */
export interface Draft {
  title?: string;
  lines: string[];
  fields: APIEmbedField[];
  footer?: string;
}

/** The characters of an embed that count towards the 6,000 of a message. */
export function embedSize(e: APIEmbed): number {
  return (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.footer?.text.length ?? 0) +
    (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);
}

/** Whether an embed shows anything: Discord refuses an embed that is only a colour. */
export function embedShowsText(e: APIEmbed): boolean {
  return Boolean(e.title?.trim() || e.description?.trim() || e.footer?.text.trim() || e.fields?.length);
}

/**
 * One draft -> embeds, each within every embed limit: a long description continues in
 * the next embed, fields go where they fit (25 and 6,000 characters per embed), and the
 * footer closes the last embed, or one of its own when it no longer fits.
 */
export function toEmbeds(d: Draft): APIEmbed[] {
  const description = d.lines.join("\n").trim();
  const embeds: APIEmbed[] = splitText(description, EMBED_LIMITS.description).map((p) => ({ color: COLOR, description: p }));
  if (embeds.length === 0) embeds.push({ color: COLOR });
  const title = clip(d.title?.trim() ?? "", EMBED_LIMITS.title);
  if (title) embeds[0]!.title = title;
  for (const f of d.fields) {
    const last = embeds[embeds.length - 1]!;
    const full = (last.fields?.length ?? 0) >= EMBED_LIMITS.fields || embedSize(last) + f.name.length + f.value.length > EMBED_LIMITS.charsPerMessageEmbeds;
    if (full) embeds.push({ color: COLOR, fields: [f] });
    else last.fields = [...(last.fields ?? []), f];
  }
  const footer = clip(d.footer?.trim() ?? "", EMBED_LIMITS.footer);
  if (footer) {
    const last = embeds[embeds.length - 1]!;
    if (embedSize(last) + footer.length <= EMBED_LIMITS.charsPerMessageEmbeds) last.footer = { text: footer };
    else embeds.push({ color: COLOR, footer: { text: footer } });
  }
  return embeds.filter(embedShowsText);
}

/** A field within its limits; never empty (Discord refuses an empty name or value). */
function field(label: string, value: string): APIEmbedField {
  return {
    name: clip(plainText(label).trim(), EMBED_LIMITS.fieldName) || "\u200b",
    value: clip(value.trim(), EMBED_LIMITS.fieldValue) || "—",
    inline: true,
  };
}

/**
 * Groups blocks into embed drafts: a divider or a header starts a new embed. `closing` is
 * the reply's closing note: it reads best as the footer, unless it has a link (footers
 * show no links); other context lines stay in place as subtext. Actions are ignored.
 */
export function drafts(blocks: readonly Block[], closing: Block | undefined): Draft[] {
  const out: Draft[] = [];
  let current: Draft = { lines: [], fields: [] };
  const flush = () => {
    if (current.title?.trim() || current.lines.some((l) => l.trim()) || current.fields.length || current.footer?.trim()) out.push(current);
    current = { lines: [], fields: [] };
  };
  for (const b of blocks) {
    switch (b.type) {
      case "header":
        flush();
        current.title = plainText(b.text);
        break;
      case "section":
        current.lines.push(b.text);
        for (const f of b.fields ?? []) current.fields.push(field(f.label, f.value));
        break;
      case "context":
        if (b === closing && !/\]\(https?:/.test(b.text)) current.footer = plainText(b.text);
        else current.lines.push(subtext(b.text));
        break;
      case "divider":
        flush();
        break;
      case "actions":
        break;
    }
  }
  flush();
  return out;
}

/** Whether drafts are plain paragraphs (no title, fields or footer): sent as content. */
export function isPlain(ds: readonly Draft[]): boolean {
  return ds.length === 1 && !ds[0]!.title?.trim() && ds[0]!.fields.length === 0 && !ds[0]!.footer?.trim();
}

/** Packs embeds into groups of at most 10 embeds and 6,000 characters (one message each). */
export function packEmbeds(embeds: readonly APIEmbed[]): APIEmbed[][] {
  const groups: APIEmbed[][] = [];
  let current: APIEmbed[] = [];
  let size = 0;
  for (const e of embeds) {
    const n = embedSize(e);
    if (current.length && (current.length === EMBED_LIMITS.embedsPerMessage || size + n > EMBED_LIMITS.charsPerMessageEmbeds)) {
      groups.push(current);
      current = [];
      size = 0;
    }
    current.push(e);
    size += n;
  }
  if (current.length) groups.push(current);
  return groups;
}
