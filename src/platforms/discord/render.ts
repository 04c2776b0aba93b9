/**
 * Renders a neutral Reply as Discord messages: embeds (title from the header, description
 * from sections and context lines, fields inline) and buttons in action rows. A part that
 * is plain paragraphs becomes message content. Discord puts a message's buttons under all
 * of its embeds, so a reply is cut after each group of buttons that has more content
 * after it: the buttons of an item (an idea's statuses) stay on that item's message.
 * Everything is cut to Discord's limits; what does not fit in one message goes to the next
 * (sent as follow-ups by the caller), nothing is dropped.
 */
import {
  ButtonStyle,
  ComponentType,
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
  type APIEmbed,
} from "discord.js";
import { clip, dropLoneSurrogates, splitText, wellFormedBlocks } from "../../core/clip.js";
import { EMBED_LIMITS, drafts, isPlain, packEmbeds, plainText, toEmbeds } from "./embeds.js";
import type { Block, Button, Reply } from "../../core/types.js";
import { revealReplyLinks } from "../../core/links.js";
import type { CustomIdStore } from "./custom-ids.js";

/** Discord's message, embed and component limits. */
export const MESSAGE_LIMITS = {
  ...EMBED_LIMITS,
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

export { plainText };

const BUTTONS_PER_MESSAGE = MESSAGE_LIMITS.rows * MESSAGE_LIMITS.buttonsPerRow;

/** Buttons in rows of five; at most five rows, so give at most 25 buttons (see `renderReply`). */
export function buttonRows(buttons: RowButton[]): ButtonRow[] {
  const rows: ButtonRow[] = [];
  buttons.forEach((b, i) => {
    if (i % MESSAGE_LIMITS.buttonsPerRow === 0) rows.push({ type: ComponentType.ActionRow, components: [] });
    rows[rows.length - 1]!.components.push({
      type: ComponentType.Button,
      style: b.style ?? ButtonStyle.Secondary,
      // A button needs a label (it has no emoji here): never an empty one.
      label: clip(plainText(b.label).trim(), MESSAGE_LIMITS.buttonLabel) || "…",
      custom_id: b.custom_id,
    });
  });
  return rows;
}

const STYLE: Record<NonNullable<Button["style"]>, IdButtonStyle> = { primary: ButtonStyle.Primary, danger: ButtonStyle.Danger };

/** A part of a reply: its content blocks and the buttons that act on them. */
interface Part {
  blocks: Block[];
  buttons: Button[];
}

/**
 * Cuts the blocks after each run of actions that has content after it. Discord shows a
 * message's buttons under all its embeds: an item's buttons must end its message.
 */
function parts(blocks: readonly Block[]): Part[] {
  const out: Part[] = [];
  let current: Part = { blocks: [], buttons: [] };
  for (const b of blocks) {
    if (b.type === "actions") {
      current.buttons.push(...b.buttons);
      continue;
    }
    if (current.buttons.length) {
      out.push(current);
      current = { blocks: [], buttons: [] };
    }
    current.blocks.push(b);
  }
  if (current.blocks.length || current.buttons.length) out.push(current);
  return out;
}

const mentionsOff = () => ({ parse: [] as [] });

/**
 * The rows of `buttons`, 25 per message, each custom id used once per message: Discord
 * refuses a message where two components share an id, so a second button running the
 * same line gets its own key in the store.
 */
function buttonMessages(buttons: readonly Button[], ids: CustomIdStore): ButtonRow[][] {
  const out: ButtonRow[][] = [];
  for (let i = 0; i < buttons.length; i += BUTTONS_PER_MESSAGE) {
    const used = new Set<string>();
    const row = buttons.slice(i, i + BUTTONS_PER_MESSAGE).map((b): RowButton => {
      let custom_id = ids.forCommand(b.command);
      if (used.has(custom_id)) custom_id = ids.put({ kind: "command", line: b.command });
      used.add(custom_id);
      return { label: b.label, custom_id, style: b.style ? STYLE[b.style] : undefined };
    });
    out.push(buttonRows(row));
  }
  return out;
}

/** One part -> its messages; its buttons end the last one, more than 25 go on in the next. */
function renderPart(part: Part, closing: Block | undefined, ids: CustomIdStore): DiscordMessage[] {
  const ds = drafts(part.blocks, closing);
  const messages: DiscordMessage[] = isPlain(ds)
    ? splitText(ds[0]!.lines.join("\n"), MESSAGE_LIMITS.content).map((content) => ({ content, allowed_mentions: mentionsOff() }))
    : packEmbeds(ds.flatMap(toEmbeds)).map((embeds) => ({ embeds, allowed_mentions: mentionsOff() }));
  const [first, ...more] = buttonMessages(part.buttons, ids);
  if (first) {
    const last = messages[messages.length - 1];
    if (last) last.components = first;
    else messages.push({ components: first, allowed_mentions: mentionsOff() });
  }
  for (const components of more) messages.push({ components, allowed_mentions: mentionsOff() });
  return messages;
}

/**
 * The Discord messages of a reply, in order, each within Discord's limits and never empty;
 * at least one. Button custom ids come from `ids` (inline line or LRU key).
 */
export function renderReply(reply: Reply, ids: CustomIdStore): DiscordMessage[] {
  // A masked link whose label is another address shows its real target.
  reply = revealReplyLinks(reply);
  // Half an emoji left by a cut made elsewhere would show as `�` (or be refused).
  reply = { ...reply, text: dropLoneSurrogates(reply.text ?? ""), blocks: wellFormedBlocks(reply.blocks) };
  const split = parts(reply.blocks);
  // A one-part reply's closing note reads best as its footer; in a reply cut into items,
  // the last item keeps the same look as the others.
  const closing = split.length === 1 ? [...reply.blocks].reverse().find((b) => b.type !== "actions" && b.type !== "divider") : undefined;
  const messages = split.flatMap((p) => renderPart(p, closing, ids));
  if (messages.length === 0) {
    const text = splitText(reply.text ?? "", MESSAGE_LIMITS.content)[0] ?? "…";
    messages.push({ content: text, allowed_mentions: mentionsOff() });
  }
  return messages;
}

/** Adds a row of buttons under the reply: on its last message if a row is free, else on a message of its own. */
export function appendButtons(messages: DiscordMessage[], buttons: RowButton[]): void {
  for (let i = 0; i < buttons.length; i += BUTTONS_PER_MESSAGE) {
    const last = messages[messages.length - 1]!;
    const rows = last.components ?? [];
    const added = buttonRows(buttons.slice(i, i + BUTTONS_PER_MESSAGE));
    if (rows.length + added.length <= MESSAGE_LIMITS.rows) last.components = [...rows, ...added];
    else messages.push({ components: added, allowed_mentions: mentionsOff() });
  }
}
