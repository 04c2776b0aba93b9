/**
 * Neutral Reply -> Slack Block Kit messages. One reply may become several messages, and a
 * reply too large even for those is truncated with a visible marker: Slack rejects a
 * message over its limits as a whole (`invalid_blocks`), and a user who gets nothing is
 * worse off than one who gets the first pages.
 */
import type { types } from "@slack/bolt";
import type { Block, Button, Field, Reply } from "../../core/types.js";
import { revealReplyLinks } from "../../core/links.js";
import { dropLoneSurrogates, splitText, wellFormedBlocks } from "../../core/clip.js";
import { escapeSlack, toMrkdwn, toPlain, truncate, withoutOpenMarkup } from "./mrkdwn.js";

/** A Block Kit block as Slack's own types describe it. */
export type SlackBlock = types.KnownBlock;

/** Slack's documented limits (https://docs.slack.dev/reference/block-kit/blocks). */
export const LIMITS = {
  blocksPerMessage: 50,
  sectionText: 3000,
  fieldsPerSection: 10,
  fieldText: 2000,
  headerText: 150,
  contextText: 3000,
  buttonsPerActions: 25,
  buttonText: 75,
  buttonValue: 2000,
  /** Slack cuts longer `text` in practice; it is only the notification fallback anyway. */
  fallbackText: 4000,
  /** A response_url accepts 5 posts in 30 minutes: a reply never needs more. */
  messagesPerReply: 5,
} as const;

/** Every button's action_id starts with this; the click listener matches it. */
export const BUTTON_ACTION_PREFIX = "cdce:btn:";

export interface SlackMessage {
  /** Notification / accessibility fallback, plain, escaped, at most 4,000 characters. */
  text: string;
  blocks: SlackBlock[];
}

export interface RenderOptions {
  /** At most this many messages (default 5); the rest is cut with a `…` marker. */
  maxMessages?: number;
}

const mrkdwn = (text: string): types.MrkdwnElement => ({ type: "mrkdwn", text });

function fieldText(f: Field): string {
  return truncate(`*${toMrkdwn(f.label)}*\n${toMrkdwn(f.value)}`, LIMITS.fieldText);
}

function sectionBlocks(text: string, fields: Field[] = []): SlackBlock[] {
  // Long mrkdwn goes into several sections, never cut inside a link or a mention.
  const pieces = splitText(toMrkdwn(text), LIMITS.sectionText, withoutOpenMarkup);
  const groups: types.MrkdwnElement[][] = [];
  for (let i = 0; i < fields.length; i += LIMITS.fieldsPerSection) {
    groups.push(fields.slice(i, i + LIMITS.fieldsPerSection).map((f) => mrkdwn(fieldText(f))));
  }
  const blocks: types.SectionBlock[] = pieces.map((p) => ({ type: "section", text: mrkdwn(p) }));
  // Fields show under the text: the first group joins the last text piece.
  const last = blocks[blocks.length - 1];
  if (last && groups.length) last.fields = groups.shift();
  for (const g of groups) blocks.push({ type: "section", fields: g });
  return blocks;
}

function actionBlocks(buttons: Button[], counter: { n: number }): SlackBlock[] {
  const blocks: SlackBlock[] = [];
  for (let i = 0; i < buttons.length; i += LIMITS.buttonsPerActions) {
    const elements: types.Button[] = buttons.slice(i, i + LIMITS.buttonsPerActions).map((b) => {
      const button: types.Button = {
        type: "button",
        // Unique within the message (Slack rejects duplicates) and across the split parts.
        action_id: `${BUTTON_ACTION_PREFIX}${counter.n++}`,
        text: { type: "plain_text", text: truncate(toPlain(b.label), LIMITS.buttonText) || "…", emoji: true },
        // The `/cdce` line the click runs; a cut command would run something else: drop it.
        value: b.command.length <= LIMITS.buttonValue ? b.command : "aide",
      };
      if (b.style) button.style = b.style;
      return button;
    });
    blocks.push({ type: "actions", elements });
  }
  return blocks;
}

/** One neutral block -> zero or more Slack blocks, each within its own limits. */
export function renderBlock(block: Block, counter: { n: number } = { n: 0 }): SlackBlock[] {
  switch (block.type) {
    case "header": {
      const text = truncate(toPlain(block.text).replace(/\s+/g, " ").trim(), LIMITS.headerText);
      return text ? [{ type: "header", text: { type: "plain_text", text, emoji: true } }] : [];
    }
    case "section":
      return sectionBlocks(block.text, block.fields);
    case "context": {
      const text = truncate(toMrkdwn(block.text), LIMITS.contextText);
      return text.trim() ? [{ type: "context", elements: [mrkdwn(text)] }] : [];
    }
    case "actions":
      return block.buttons.length ? actionBlocks(block.buttons, counter) : [];
    case "divider":
      return [{ type: "divider" }];
  }
}

/** Groups blocks into messages of at most 50, keeping a header with what follows it. */
function chunk(blocks: SlackBlock[]): SlackBlock[][] {
  const chunks: SlackBlock[][] = [];
  let current: SlackBlock[] = [];
  for (const b of blocks) {
    if (current.length === LIMITS.blocksPerMessage) {
      const carried: SlackBlock[] = [];
      while (current.length > 1 && current[current.length - 1]!.type === "header") carried.unshift(current.pop()!);
      chunks.push(current);
      current = carried;
    }
    current.push(b);
  }
  if (current.length) chunks.push(current);
  // A divider at either edge of a message separates nothing.
  return chunks
    .map((c) => {
      let s = 0;
      let e = c.length;
      while (s < e && c[s]!.type === "divider") s++;
      while (e > s && c[e - 1]!.type === "divider") e--;
      return c.slice(s, e);
    })
    .filter((c) => c.length > 0);
}

/** Plain, escaped fallback text: never empty (Slack warns), never over the limit. */
function fallback(reply: Reply, blocks: Block[]): string {
  let base = toPlain(reply.text ?? "").trim();
  if (!base) {
    const first = blocks.find((b) => b.type === "header" || b.type === "section" || b.type === "context");
    base = first && "text" in first ? toPlain(first.text).trim() : "";
  }
  return truncate(escapeSlack(base || "…"), LIMITS.fallbackText);
}

/**
 * Renders a reply as one or more Slack messages, each within Slack's limits: at most
 * 50 blocks, 3,000 characters per section text, 10 fields per section, 4,000 characters
 * of fallback text. Long sections are split at line breaks; past `maxMessages` the reply
 * is cut and its last message ends with a `… (+N)` context naming what was left out.
 */
export function renderReply(reply: Reply, options: RenderOptions = {}): SlackMessage[] {
  // A masked link whose label is another address shows its real target.
  reply = revealReplyLinks(reply);
  // Half an emoji left by a cut made elsewhere would show as `�` (or be refused).
  reply = { ...reply, text: dropLoneSurrogates(reply.text ?? ""), blocks: wellFormedBlocks(reply.blocks) };
  const maxMessages = Math.max(1, options.maxMessages ?? LIMITS.messagesPerReply);
  const counter = { n: 0 };
  const all = reply.blocks.flatMap((b) => renderBlock(b, counter));
  let chunks = chunk(all);
  const text = fallback(reply, reply.blocks);
  if (chunks.length === 0) return [{ text, blocks: [] }];
  if (chunks.length > maxMessages) {
    const kept = chunks.slice(0, maxMessages);
    let omitted = chunks.slice(maxMessages).reduce((n, c) => n + c.length, 0);
    const last = kept[kept.length - 1]!;
    // Room for the marker: it tells the reader that blocks are missing, and how many.
    if (last.length >= LIMITS.blocksPerMessage) omitted += last.splice(LIMITS.blocksPerMessage - 1).length;
    last.push({ type: "context", elements: [mrkdwn(`… (+${omitted})`)] });
    chunks = kept;
  }
  if (chunks.length === 1) return [{ text, blocks: chunks[0]! }];
  const short = truncate(text, 200);
  return chunks.map((blocks, i) => ({ text: i === 0 ? text : `${short} (${i + 1}/${chunks.length})`, blocks }));
}

/** A message as chat.postMessage, chat.postEphemeral and a response_url take it. */
export interface SlackPayload {
  text: string;
  blocks?: SlackBlock[];
}

/**
 * The one way a reply becomes Slack messages, for a command's reply and for what the outbox
 * posts alike (the outbox asks for one message: its idempotency key names one post).
 */
export function slackPayloads(reply: Reply, options: RenderOptions = {}): SlackPayload[] {
  return renderReply(reply, options).map((m) => (m.blocks.length ? { text: m.text, blocks: m.blocks } : { text: m.text }));
}

/** Slack's limit for a Home tab view (https://docs.slack.dev/reference/views/home-tab-views). */
export const HOME_BLOCKS = 100;

/**
 * A reply as the view of a person's Home tab (views.publish): the same blocks as a message,
 * at most 100 of them (past that, the last one says how many were left out).
 */
export function homeView(reply: Reply): types.HomeView {
  reply = revealReplyLinks(reply);
  const counter = { n: 0 };
  let blocks = wellFormedBlocks(reply.blocks).flatMap((b) => renderBlock(b, counter));
  if (blocks.length > HOME_BLOCKS) {
    const omitted = blocks.length - (HOME_BLOCKS - 1);
    blocks = [...blocks.slice(0, HOME_BLOCKS - 1), { type: "context", elements: [mrkdwn(`… (+${omitted})`)] }];
  }
  return { type: "home", blocks };
}
