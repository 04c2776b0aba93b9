/**
 * Text cut to a length keeps every user-perceived character whole: the shared helper, and
 * the places that cut what people typed (idea, initiative card, experience sheet, poll
 * buttons, the plain-text summary of a reply).
 */
import { describe, expect, it } from "vitest";
import { clip, prefixWithin, splitText } from "../../src/core/clip.js";
import { reply, summarize } from "../../src/core/reply.js";
import { ideaBlocks } from "../../src/features/ideas/service.js";
import { initiativeCard } from "../../src/features/initiatives/render.js";
import { sheetBlocks, sheetLine, titleFrom } from "../../src/features/initiatives/sheets.js";
import { pollBlocks } from "../../src/features/polls/render.js";
import { translator } from "../../src/core/i18n/catalogue.js";
import type { Block } from "../../src/core/types.js";

const t = translator("fr");
const loneSurrogate = /\p{Cs}/u;
/** Every text of the blocks, labels included. */
const texts = (blocks: Block[]) =>
  blocks.flatMap((b) => {
    if (b.type === "section") return [b.text, ...(b.fields ?? []).flatMap((f) => [f.label, f.value])];
    if (b.type === "actions") return b.buttons.map((x) => x.label);
    return b.type === "divider" ? [] : [b.text];
  });

/** `n` characters of padding, then emoji: any cut past `n` lands inside one unless it is careful. */
const emojiAfter = (n: number) => `${"a".repeat(n)}${"😀👍🏽🇧🇪👨‍👩‍👧e\u0301".repeat(200)}`;

describe("grapheme-safe clipping", () => {
  it("never cuts an emoji, a flag, a skin tone, a family or an accent", () => {
    const s = "ab👍🏽🇧🇪👨‍👩‍👧e\u0301z";
    // Every cut length gives a prefix made of whole graphemes of the original.
    const whole = new Set<string>([""]);
    let acc = "";
    for (const { segment } of new Intl.Segmenter(undefined, { granularity: "grapheme" }).segment(s)) whole.add((acc += segment));
    for (let max = 0; max <= s.length + 1; max++) {
      const p = prefixWithin(s, max);
      expect(p.length).toBeLessThanOrEqual(max);
      expect(whole.has(p), `cut at ${max}: ${JSON.stringify(p)}`).toBe(true);
      const c = clip(s, Math.max(max, 1));
      expect(c.length).toBeLessThanOrEqual(Math.max(max, 1));
      expect(c).not.toMatch(loneSurrogate);
    }
    expect(clip("abcdef", 4)).toBe("abc…");
    expect(clip("abc", 3)).toBe("abc");
  });

  it("splits at line ends, else spaces, else on grapheme boundaries, losing nothing", () => {
    expect(splitText("aaa\nbbb", 5)).toEqual(["aaa", "bbb"]);
    expect(splitText("aaaa bbbb", 6)).toEqual(["aaaa", "bbbb"]);
    expect(splitText("abcdefgh", 3)).toEqual(["abc", "def", "gh"]);
    expect(splitText("   ", 2)).toEqual([]);
    const emoji = "👍🏽".repeat(10);
    const pieces = splitText(emoji, 7);
    expect(pieces.join("")).toBe(emoji);
    for (const p of pieces) {
      expect(p.length).toBeLessThanOrEqual(7);
      expect(p).not.toMatch(loneSurrogate);
    }
    // A grapheme longer than the window (a letter under many accents) still moves on.
    expect(splitText(`e${"\u0301".repeat(20)}`, 5).join("")).toBe(`e${"\u0301".repeat(20)}`);
  });
});

describe("what the core cuts from what people typed", () => {
  const now = new Date("2026-11-29T10:00:00Z");

  it("an idea over 1,500 characters", () => {
    for (const n of [1497, 1498]) {
      const idea = { id: "0123456789", communeId: "c", authorId: null, anonymous: true, text: emojiAfter(n), status: "new" as const, note: null, origin: "chat" as const, contactEmail: null, eraseToken: null, createdAt: now, updatedAt: now };
      for (const s of texts(ideaBlocks(t, idea, null, true))) expect(s).not.toMatch(loneSurrogate);
    }
  });

  it("an initiative card: title, description and place", () => {
    for (const n of [147, 148, 197, 198, 1497, 1498]) {
      const card = initiativeCard(t, {
        id: "0123456789", communeId: "c", authorId: null, title: emojiAfter(n), description: emojiAfter(n), kind: "atelier", partnerKinds: [], criteria: [],
        place: emojiAfter(n), links: [], happenedOn: now, language: "fr", status: "published", moderatedAt: null, createdAt: now, updatedAt: now,
      } as never, { communeName: "Namur", authorName: null });
      for (const s of texts(card)) expect(s).not.toMatch(loneSurrogate);
    }
  });

  it("an experience sheet and its line in lists", () => {
    for (const n of [87, 88, 147, 148, 997, 998, 1497, 1498]) {
      const sheet = { id: "0123456789", communeId: null, authorId: null, title: emojiAfter(n), context: emojiAfter(n), worked: emojiAfter(n), avoid: emojiAfter(n), tips: emojiAfter(n), contact: emojiAfter(n), kind: null, language: "fr" as const, createdAt: now };
      for (const s of [...texts(sheetBlocks(t, sheet, "Namur")), sheetLine(sheet, "Namur"), titleFrom(emojiAfter(n))]) expect(s).not.toMatch(loneSurrogate);
    }
  });

  it("a poll's question and its choice buttons", () => {
    for (const n of [70, 71, 146, 147]) {
      const poll = { id: "0123456789", communeId: null, authorId: null, question: emojiAfter(n), choices: [emojiAfter(n), emojiAfter(n + 1)], anonymous: true, closesAt: null, closedAt: null, createdAt: now };
      const blocks = pollBlocks(t, { poll, tally: { counts: [0, 0], total: 0 }, now, zone: "Europe/Brussels", locale: "fr" } as never);
      for (const s of texts(blocks)) expect(s).not.toMatch(loneSurrogate);
    }
  });

  it("the plain-text summary of a reply (notification fallback)", () => {
    for (const n of [296, 297, 298]) {
      expect(summarize([{ type: "section", text: emojiAfter(n) }])).not.toMatch(loneSurrogate);
      expect(reply("fr", [{ type: "header", text: emojiAfter(n) }]).text).not.toMatch(loneSurrogate);
    }
  });
});
