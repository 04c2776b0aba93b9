/**
 * Cutting text to a length without breaking what people see as one character.
 *
 * Platform limits count UTF-16 code units (JavaScript's `length`), which is never fewer
 * than what Slack or Discord count, so a string within `max` here is within theirs. A cut
 * by `slice` can leave half of a surrogate pair (a lone surrogate: the platform shows `�`
 * or refuses the message) or separate a letter from its accent, a flag's two halves, a
 * family emoji's members. Every clip in the bot goes through here, so cuts land on the
 * boundaries Unicode defines for user-perceived characters (grapheme clusters, UAX #29).
 */
import type { Block } from "./types.js";

/** The ellipsis that marks a cut. */
export const ELLIPSIS = "…";

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/** Whether `s` ends in the first half of a surrogate pair. */
const endsInHighSurrogate = (s: string) => /[\uD800-\uDBFF]$/.test(s);

/**
 * The longest prefix of `s` of at most `max` code units that ends on a grapheme boundary.
 * A single grapheme longer than `max` (a letter under hundreds of combining marks) cannot
 * be kept whole: it is cut between code points, never inside a surrogate pair.
 */
export function prefixWithin(s: string, max: number): string {
  if (s.length <= max) return s;
  if (max <= 0) return "";
  // Whether a grapheme ends at `max` depends on what comes before and on the code point
  // at `max` (two code units: an astral skin tone or tag is part of the emoji before it),
  // never on what follows: segmenting only that much keeps a cut in a long text cheap.
  const end = graphemes.segment(s.slice(0, max + 2)).containing(max)!.index;
  if (end > 0) return s.slice(0, end);
  const hard = s.slice(0, max);
  return endsInHighSurrogate(hard) ? hard.slice(0, -1) : hard;
}

/**
 * `s` within `max` code units: unchanged when it fits, else cut on a grapheme boundary
 * and ended with `…` (the marker counts in `max`).
 */
export function clip(s: string, max: number, marker: string = ELLIPSIS): string {
  if (s.length <= max) return s;
  if (max <= marker.length) return prefixWithin(s, max);
  return `${prefixWithin(s, max - marker.length).trimEnd()}${marker}`;
}

/**
 * Splits `text` into pieces of at most `max` code units each: at a line end when one is in
 * the second half of the window, else at a space, else on a grapheme boundary. The line
 * end or space at a cut separates the pieces and is dropped, so joining the pieces with
 * it gives the text back. `keep` may shorten a piece further before it is taken (a
 * platform that must not cut inside its own link syntax); what it drops starts the next
 * piece. Whitespace-only text gives no pieces.
 */
export function splitText(text: string, max: number, keep: (head: string) => string = (h) => h): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const window = prefixWithin(rest, max);
    let cut = window.lastIndexOf("\n");
    if (cut < max / 2) cut = window.lastIndexOf(" ");
    if (cut < max / 2) cut = window.length;
    let head = keep(rest.slice(0, cut));
    // Nothing left to keep (one unbreakable run): cut it on a grapheme boundary.
    if (!head.trim()) head = window;
    // A window too small for even one code point: take that code point whole.
    if (!head) head = String.fromCodePoint(rest.codePointAt(0)!);
    const piece = head.trimEnd();
    if (piece) pieces.push(piece);
    rest = rest.slice(head.length).replace(/^[\n ]/, "");
  }
  if (rest.trim()) pieces.push(rest);
  return pieces;
}

/**
 * `s` without lone surrogates. A cut made elsewhere with `slice` (an error message quoting
 * the first 40 characters of what was typed) may leave half an emoji: the renderers drop
 * it as a last guard, since Slack shows it as `�` and Discord may refuse the message.
 */
export function dropLoneSurrogates(s: string): string {
  return s.replace(/\p{Cs}/gu, "");
}

/** The blocks with every text, label and button line free of lone surrogates. */
export function wellFormedBlocks(blocks: readonly Block[]): Block[] {
  const w = dropLoneSurrogates;
  return blocks.map((b): Block => {
    switch (b.type) {
      case "header":
      case "context":
        return { ...b, text: w(b.text) };
      case "section":
        return b.fields ? { ...b, text: w(b.text), fields: b.fields.map((f) => ({ label: w(f.label), value: w(f.value) })) } : { ...b, text: w(b.text) };
      case "actions":
        return { ...b, buttons: b.buttons.map((x) => ({ ...x, label: w(x.label), command: w(x.command) })) };
      case "divider":
        return b;
    }
  });
}
