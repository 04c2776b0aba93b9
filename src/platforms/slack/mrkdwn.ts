/**
 * Neutral Markdown (see src/core/types.ts) -> Slack mrkdwn, and -> plain text.
 *
 * Slack treats `<…>` as links and mentions (`<!channel>`, `<@U123>`), so every `&`, `<`
 * and `>` coming from our text (which may quote what users typed) is escaped: a kit title
 * can never ping a whole channel. Code spans are kept verbatim (escaped, not converted).
 */
import { ELLIPSIS, prefixWithin } from "../../core/clip.js";

/** Escapes the three characters Slack gives a meaning to in message text. */
export function escapeSlack(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

// Code spans and links are set aside first (placeholders), so that bold may wrap a link and
// nothing inside a code span is converted.
const TOKEN = /(`[^`\n]+`)|\[([^\]\n]+)\]\((https?:\/\/[^)\s]+)\)/g;
const SLOT = /\uE000(\d+)\uE000/g;

function convertPlain(s: string): string {
  // **bold** -> *bold*; _italic_ is the same in both dialects.
  return escapeSlack(s).replace(/\*\*([^*\n]+)\*\*/g, "*$1*");
}

/** Converts neutral Markdown to Slack mrkdwn: **b** -> *b*, [l](u) -> <u|l>, escapes the rest. */
export function toMrkdwn(md: string): string {
  const kept: string[] = [];
  const withSlots = md.replace(/\uE000/g, "").replace(TOKEN, (_all, code: string | undefined, label: string, url: string) => {
    if (code !== undefined) kept.push(escapeSlack(code));
    else {
      // `|` ends the label and `>` the link in Slack's syntax: keep them out of both.
      const safeUrl = url.replace(/[|>]/g, encodeURIComponent).replace(/&/g, "&amp;").replace(/</g, "%3C");
      kept.push(`<${safeUrl}|${convertPlain(label.replace(/\|/g, "/"))}>`);
    }
    return `\uE000${kept.length - 1}\uE000`;
  });
  return convertPlain(withSlots).replace(SLOT, (_all, i: string) => kept[Number(i)] ?? "");
}

/** Neutral Markdown -> plain text (headers, button labels, modal titles, fallback text). */
export function toPlain(md: string): string {
  return md
    .replace(/\[([^\]\n]+)\]\((https?:\/\/[^)\s]+)\)/g, "$1 ($2)")
    .replace(/\*\*([^*\n]+)\*\*/g, "$1")
    .replace(/`([^`\n]+)`/g, "$1")
    .replace(/(^|\s)_([^_\n]+)_(?=\s|$|[.,;:!?])/g, "$1$2");
}

/**
 * Cuts `s` to at most `max` characters, ending with `…` when cut. Prefers a line break, then
 * a space, in the last fifth of the allowed length, and never splits a grapheme (an emoji,
 * a flag, a letter and its accent) or leaves half of a Slack `<url|label>` link or `&amp;`
 * entity behind.
 */
export function truncate(s: string, max: number): string {
  if (s.length <= max) return s;
  return `${cutPoint(s, max - ELLIPSIS.length).trimEnd()}${ELLIPSIS}`;
}

/**
 * Drops an unclosed `<…` link or `&…` entity at the end of `head`: cut there, Slack would
 * show the raw syntax (or an escaped user text would turn back into markup).
 */
export function withoutOpenMarkup(head: string): string {
  let out = head;
  const open = out.lastIndexOf("<");
  if (open > out.lastIndexOf(">")) out = out.slice(0, open);
  const amp = out.lastIndexOf("&");
  if (amp >= 0 && !out.slice(amp).includes(";") && out.length - amp <= 5) out = out.slice(0, amp);
  return out;
}

/** The longest safe prefix of `s` of at most `max` characters (see `truncate`). */
export function cutPoint(s: string, max: number): string {
  if (s.length <= max) return s;
  const window = prefixWithin(s, max);
  const floor = Math.floor(max * 0.8);
  const nl = window.lastIndexOf("\n");
  const sp = window.lastIndexOf(" ");
  const end = nl >= floor ? nl : sp >= floor ? sp : window.length;
  return withoutOpenMarkup(window.slice(0, end));
}
