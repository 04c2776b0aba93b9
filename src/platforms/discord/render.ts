/**
 * Renders a neutral Reply as Discord messages: embeds (title from the header, description
 * from sections and context lines, fields inline) and buttons in action rows. A reply that
 * is one plain paragraph becomes message content. Everything is cut to Discord's limits:
 * too long for one message, the reply becomes several (sent as follow-ups by the caller).
 */
import {
  ButtonStyle,
  ComponentType,
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
  type APIEmbed,
  type APIEmbedField,
} from "discord.js";
import type { Block, Button, Reply } from "../../core/types.js";
import type { CustomIdStore } from "./custom-ids.js";

/** Discord's message and embed limits. */
export const MESSAGE_LIMITS = {
  content: 2000,
  embedsPerMessage: 10,
  charsPerMessageEmbeds: 6000,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  rows: 5,
  buttonsPerRow: 5,
  buttonLabel: 80,
} as const;

/** Styles of buttons that carry a custom id (link and premium buttons carry none). */
export type IdButtonStyle = ButtonStyle.Primary | ButtonStyle.Secondary | ButtonStyle.Success | ButtonStyle.Danger;

/** A button ready for a row. */
export interface RowButton {
  label: string;
  custom_id: string;
  style?: IdButtonStyle;
}

/** The CDCE green, so the bot's answers are recognisable in a busy channel. */
const COLOR = 0x3a8d3f;

/** An action row of buttons. */
export type ButtonRow = APIActionRowComponent<APIButtonComponentWithCustomId>;

/** One Discord message body (without flags: the caller knows the visibility). */
export interface DiscordMessage {
  content?: string;
  embeds?: APIEmbed[];
  components?: ButtonRow[];
  /** Never ping anyone from text the core (or a user) wrote. */
  allowed_mentions: { parse: [] };
}

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

/** Splits text into pieces of at most `max` characters, at line ends, else spaces. */
export function splitText(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    let cut = rest.lastIndexOf("\n", max);
    if (cut < max / 2) cut = rest.lastIndexOf(" ", max);
    if (cut < max / 2) cut = max;
    pieces.push(rest.slice(0, cut).trimEnd());
    // The line end or space at the cut is the separator: drop it.
    rest = rest.slice(cut).replace(/^[\n ]/, "");
  }
  if (rest.trim() || pieces.length === 0) pieces.push(rest);
  return pieces;
}

const clip = (s: string, max: number) => (s.length <= max ? s : `${s.slice(0, max - 1)}…`);

/** Subtext (`-# `) renders context lines small and dim, links and code still working. */
const subtext = (text: string) => text.split("\n").map((l) => (l.trim() ? `-# ${l}` : l)).join("\n");

interface Draft {
  title?: string;
  lines: string[];
  fields: APIEmbedField[];
  footer?: string;
}

function embedSize(e: APIEmbed): number {
  return (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.footer?.text.length ?? 0) +
    (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);
}

/** One draft may become several embeds: long descriptions and more than 25 fields split. */
function toEmbeds(d: Draft): APIEmbed[] {
  const description = d.lines.join("\n").trim();
  const parts = description ? splitText(description, MESSAGE_LIMITS.description) : [];
  const embeds: APIEmbed[] = parts.map((p) => ({ color: COLOR, description: p }));
  if (embeds.length === 0) embeds.push({ color: COLOR });
  if (d.title) embeds[0]!.title = clip(d.title, MESSAGE_LIMITS.title);
  for (let i = 0; i < d.fields.length; i += MESSAGE_LIMITS.fields) {
    const chunk = d.fields.slice(i, i + MESSAGE_LIMITS.fields);
    const last = embeds[embeds.length - 1]!;
    if (!last.fields) last.fields = chunk;
    else embeds.push({ color: COLOR, fields: chunk });
  }
  if (d.footer) embeds[embeds.length - 1]!.footer = { text: clip(d.footer, MESSAGE_LIMITS.footer) };
  return embeds;
}

/** Groups blocks into embed drafts: a divider or a header starts a new embed. */
function drafts(blocks: Block[]): { drafts: Draft[]; buttons: Button[] } {
  const out: Draft[] = [];
  const buttons: Button[] = [];
  let current: Draft = { lines: [], fields: [] };
  const flush = () => {
    if (current.title || current.lines.length || current.fields.length) out.push(current);
    current = { lines: [], fields: [] };
  };
  const lastText = [...blocks].reverse().find((b) => b.type !== "actions" && b.type !== "divider");
  for (const b of blocks) {
    switch (b.type) {
      case "header":
        flush();
        current.title = plainText(b.text);
        break;
      case "section":
        current.lines.push(b.text);
        for (const f of b.fields ?? []) {
          current.fields.push({
            name: clip(plainText(f.label), MESSAGE_LIMITS.fieldName) || "\u200b",
            value: clip(f.value, MESSAGE_LIMITS.fieldValue) || "—",
            inline: true,
          });
        }
        break;
      case "context":
        // The reply's closing note reads best as the footer, unless it has a link
        // (footers show no links); other context lines stay in place as subtext.
        if (b === lastText && !/\]\(https?:/.test(b.text)) current.footer = plainText(b.text);
        else current.lines.push(subtext(b.text));
        break;
      case "divider":
        flush();
        break;
      case "actions":
        buttons.push(...b.buttons);
        break;
    }
  }
  flush();
  return { drafts: out, buttons };
}

/** Buttons in rows of five, at most five rows (25 buttons): extra buttons are dropped. */
export function buttonRows(buttons: RowButton[]): ButtonRow[] {
  const rows: ButtonRow[] = [];
  const max = MESSAGE_LIMITS.rows * MESSAGE_LIMITS.buttonsPerRow;
  buttons.slice(0, max).forEach((b, i) => {
    if (i % MESSAGE_LIMITS.buttonsPerRow === 0) rows.push({ type: ComponentType.ActionRow, components: [] });
    rows[rows.length - 1]!.components.push({
      type: ComponentType.Button,
      style: b.style ?? ButtonStyle.Secondary,
      label: clip(plainText(b.label), MESSAGE_LIMITS.buttonLabel),
      custom_id: b.custom_id,
    });
  });
  return rows;
}

const STYLE: Record<NonNullable<Button["style"]>, IdButtonStyle> = { primary: ButtonStyle.Primary, danger: ButtonStyle.Danger };

/** Packs embeds into messages of at most 10 embeds and 6,000 characters. */
function pack(embeds: APIEmbed[]): DiscordMessage[] {
  const messages: DiscordMessage[] = [];
  let current: APIEmbed[] = [];
  let size = 0;
  for (const e of embeds) {
    const n = embedSize(e);
    if (current.length && (current.length === MESSAGE_LIMITS.embedsPerMessage || size + n > MESSAGE_LIMITS.charsPerMessageEmbeds)) {
      messages.push({ embeds: current, allowed_mentions: { parse: [] } });
      current = [];
      size = 0;
    }
    current.push(e);
    size += n;
  }
  if (current.length) messages.push({ embeds: current, allowed_mentions: { parse: [] } });
  return messages;
}

/**
 * The Discord messages of a reply, in order; the buttons go on the last one. Always at
 * least one message. Button custom ids come from `ids` (inline line or LRU key).
 */
export function renderReply(reply: Reply, ids: CustomIdStore): DiscordMessage[] {
  const { drafts: ds, buttons } = drafts(reply.blocks);
  const plain = ds.length === 1 && !ds[0]!.title && ds[0]!.fields.length === 0 && !ds[0]!.footer;
  const messages: DiscordMessage[] = plain
    ? splitText(ds[0]!.lines.join("\n"), MESSAGE_LIMITS.content).map((content) => ({ content, allowed_mentions: { parse: [] } }))
    : pack(ds.flatMap(toEmbeds));
  if (messages.length === 0) messages.push({ content: clip(reply.text || "…", MESSAGE_LIMITS.content), allowed_mentions: { parse: [] } });
  const rows = buttonRows(buttons.map((b) => ({ label: b.label, custom_id: ids.forCommand(b.command), style: b.style ? STYLE[b.style] : undefined })));
  if (rows.length) messages[messages.length - 1]!.components = rows;
  return messages;
}

/** Adds a row of buttons to the last message, if a row is still free. */
export function appendButtons(messages: DiscordMessage[], buttons: RowButton[]): void {
  const last = messages[messages.length - 1]!;
  const rows = last.components ?? [];
  if (rows.length >= MESSAGE_LIMITS.rows) return;
  last.components = [...rows, ...buttonRows(buttons).slice(0, MESSAGE_LIMITS.rows - rows.length)];
}
