/**
 * Slack replies within Slack's documented limits (validator written from the docs) and
 * whole to the eye: a cut never separates the halves of a flag, an emoji and its skin
 * tone, or leaves half an emoji that a cut elsewhere produced.
 */
import { describe, expect, it } from "vitest";
import { renderReply } from "../../src/platforms/slack/render.js";
import { reply } from "../../src/core/reply.js";
import type { Reply } from "../../src/core/types.js";
import { slackMessageProblems } from "../helpers/platform-limits.js";

const valid = (r: Reply, maxMessages = 5) => {
  const messages = renderReply(r, { maxMessages });
  expect(messages.flatMap((m, i) => slackMessageProblems(m as never).map((p) => `message ${i}: ${p}`))).toEqual([]);
  return messages;
};

/** Whether `cut` (without its `…`) is `whole` cut between two graphemes. */
function cutOnGrapheme(whole: string, cut: string): boolean {
  const head = cut.replace(/…$/, "");
  let acc = "";
  if (head === "") return true;
  for (const { segment } of new Intl.Segmenter(undefined, { granularity: "grapheme" }).segment(whole)) {
    acc += segment;
    if (acc === head) return true;
    if (acc.length > head.length) return false;
  }
  return false;
}

describe("Slack replies at the platform's edges", () => {
  it("cuts headers and button texts between graphemes (flags, skin tones)", () => {
    const text = (n: number) => `${"a".repeat(n)}${"🇧🇪👍🏽".repeat(60)}`;
    for (let n = 60; n < 150; n++) {
      const [m] = valid(reply("fr", [{ type: "header", text: text(n) }, { type: "actions", buttons: [{ label: text(n % 75), command: "aide" }] }]));
      const header = (m!.blocks[0] as { text: { text: string } }).text.text;
      const button = (m!.blocks[1] as { elements: { text: { text: string } }[] }).elements[0]!.text.text;
      expect(cutOnGrapheme(text(n), header), `header at ${n}`).toBe(true);
      expect(cutOnGrapheme(text(n % 75), button), `button at ${n % 75}`).toBe(true);
    }
  });

  it("drops half an emoji left in a text by a cut made elsewhere", () => {
    const half = "Commande inconnue : « 🎉🎉".slice(0, -1);
    valid({ ...reply("fr", [{ type: "section", text: half }, { type: "actions", buttons: [{ label: half, command: "aide" }] }]), text: half });
  });

  it("never sends an empty message, and keeps action ids unique across a long reply", () => {
    valid({ ...reply("fr", [{ type: "section", text: "   " }]), text: "" });
    valid(reply("fr", []));
    const many = reply("fr", Array.from({ length: 120 }, (_, i) => ({ type: "actions" as const, buttons: [{ label: `B${i}`, command: "aide" }, { label: `C${i}`, command: "aide" }] })));
    valid(many);
    valid(many, 1);
  });
});
