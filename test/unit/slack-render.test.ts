import { describe, expect, it } from "vitest";
import { toMrkdwn, toPlain, truncate } from "../../src/platforms/slack/mrkdwn.js";
import { LIMITS, renderReply, BUTTON_ACTION_PREFIX, type SlackMessage } from "../../src/platforms/slack/render.js";
import { splitText } from "../../src/core/clip.js";
import { withoutOpenMarkup } from "../../src/platforms/slack/mrkdwn.js";
import type { Block, Reply } from "../../src/core/types.js";
import { messageProblems } from "../fakes/slack/validate.js";

const reply = (blocks: Block[], text = "résumé"): Reply => ({ locale: "fr", visibility: "ephemeral", text, blocks });

function expectValid(messages: SlackMessage[]) {
  expect(messages.length).toBeGreaterThan(0);
  expect(messages.length).toBeLessThanOrEqual(LIMITS.messagesPerReply);
  for (const m of messages) expect(messageProblems(m)).toEqual([]);
}

/** All visible mrkdwn of the messages, in order. */
function allText(messages: SlackMessage[]): string {
  const parts: string[] = [];
  for (const m of messages)
    for (const b of m.blocks as any[]) {
      if (b.text?.text) parts.push(b.text.text);
      for (const f of b.fields ?? []) parts.push(f.text);
      for (const e of b.elements ?? []) if (e.type === "mrkdwn") parts.push(e.text);
    }
  return parts.join("\n");
}

describe("neutral Markdown -> mrkdwn", () => {
  it("converts bold and links, keeps italic and code", () => {
    expect(toMrkdwn("**Kit jeunes** _nouveau_ `kit-jeunes`")).toBe("*Kit jeunes* _nouveau_ `kit-jeunes`");
    expect(toMrkdwn("[Télécharger](https://ex.org/a?b=1&c=2)")).toBe("<https://ex.org/a?b=1&amp;c=2|Télécharger>");
    expect(toMrkdwn("**[Lien](https://ex.org)**")).toBe("*<https://ex.org|Lien>*");
  });

  it("escapes what users typed so that nobody can ping a channel", () => {
    expect(toMrkdwn("Titre <!channel> & <@U123>")).toBe("Titre &lt;!channel&gt; &amp; &lt;@U123&gt;");
    expect(toMrkdwn("[a|b](https://ex.org/x>y)")).toBe("<https://ex.org/x%3Ey|a/b>");
  });

  it("does not convert inside code spans", () => {
    expect(toMrkdwn("`**pas gras**` **gras**")).toBe("`**pas gras**` *gras*");
  });

  it("gives plain text for headers and buttons", () => {
    expect(toPlain("**Kit** [ici](https://ex.org) `id`")).toBe("Kit ici (https://ex.org) id");
  });

  it("truncates without breaking an entity, a link or an emoji", () => {
    expect(truncate("a".repeat(10), 5)).toBe("aaaa…");
    const link = `${"x ".repeat(10)}<https://ex.org|lien>`;
    expect(truncate(link, 25)).not.toMatch(/<[^>]*$/);
    expect(truncate("ab &amp; cd", 6)).toBe("ab…");
    expect(truncate(`${"a".repeat(4)}😀😀`, 6)).toBe("aaaa…");
  });
});

describe("renderReply", () => {
  it("renders each neutral block as Block Kit", () => {
    const [m, ...rest] = renderReply(
      reply([
        { type: "header", text: "**Kits** trouvés" },
        { type: "section", text: "**Kit jeunes**\nUn kit", fields: [{ label: "Public", value: "Jeunes" }] },
        { type: "context", text: "`kit-jeunes` · [Lien 1](https://ex.org)" },
        { type: "divider" },
        { type: "section", text: "suite" },
        { type: "actions", buttons: [{ label: "Plus de kits", command: "kit jeunes page:2", style: "primary" }] },
      ]),
    );
    expect(rest).toHaveLength(0);
    expect(m!.blocks).toEqual([
      { type: "header", text: { type: "plain_text", text: "Kits trouvés", emoji: true } },
      { type: "section", text: { type: "mrkdwn", text: "*Kit jeunes*\nUn kit" }, fields: [{ type: "mrkdwn", text: "*Public*\nJeunes" }] },
      { type: "context", elements: [{ type: "mrkdwn", text: "`kit-jeunes` · <https://ex.org|Lien 1>" }] },
      { type: "divider" },
      { type: "section", text: { type: "mrkdwn", text: "suite" } },
      {
        type: "actions",
        elements: [{ type: "button", action_id: `${BUTTON_ACTION_PREFIX}0`, text: { type: "plain_text", text: "Plus de kits", emoji: true }, value: "kit jeunes page:2", style: "primary" }],
      },
    ]);
    expect(m!.text).toBe("résumé");
  });

  it("splits a section over 3,000 characters at line breaks, losing nothing", () => {
    const lines = Array.from({ length: 400 }, (_, i) => `ligne numéro ${i} du catalogue`);
    const messages = renderReply(reply([{ type: "section", text: lines.join("\n") }]));
    expectValid(messages);
    const sections = messages.flatMap((m) => m.blocks);
    expect(sections.length).toBeGreaterThan(3);
    expect(allText(messages).split("\n")).toEqual(lines);
  });

  it("cuts one unbreakable run hard rather than failing", () => {
    const pieces = splitText("x".repeat(7000), LIMITS.sectionText, withoutOpenMarkup);
    expect(pieces.map((p) => p.length)).toEqual([3000, 3000, 1000]);
  });

  it("puts at most 10 fields in a section", () => {
    const fields = Array.from({ length: 23 }, (_, i) => ({ label: `Champ ${i}`, value: `valeur ${i}` }));
    const [m] = renderReply(reply([{ type: "section", text: "Fiche", fields }]));
    const counts = m!.blocks.map((b: any) => b.fields?.length ?? 0);
    expect(counts).toEqual([10, 10, 3]);
    expect((m!.blocks[0] as any).text.text).toBe("Fiche");
    expectValid([m!]);
  });

  it("cuts a field value over 2,000 characters", () => {
    const [m] = renderReply(reply([{ type: "section", text: "x", fields: [{ label: "Long", value: "y ".repeat(3000) }] }]));
    expectValid([m!]);
  });

  it("splits more than 50 blocks into several messages, a header staying with its content", () => {
    const blocks: Block[] = [];
    for (let i = 0; i < 40; i++) blocks.push({ type: "header", text: `Titre ${i}` }, { type: "section", text: `Texte ${i}` }, { type: "divider" });
    const messages = renderReply(reply(blocks));
    expectValid(messages);
    expect(messages).toHaveLength(3);
    for (const m of messages) {
      expect(m.blocks.at(-1)!.type).not.toBe("header");
      expect(m.blocks[0]!.type).not.toBe("divider");
      expect(m.blocks.at(-1)!.type).not.toBe("divider");
    }
    expect(messages[1]!.text).toMatch(/\(2\/3\)$/);
    expect(allText(messages)).toContain("Texte 39");
  });

  it("truncates beyond 5 messages with a visible marker", () => {
    const blocks: Block[] = Array.from({ length: 400 }, (_, i) => ({ type: "section" as const, text: `Bloc ${i}` }));
    const messages = renderReply(reply(blocks));
    expectValid(messages);
    expect(messages).toHaveLength(5);
    const last = messages.at(-1)!.blocks.at(-1) as any;
    expect(last.type).toBe("context");
    const shown = messages.reduce((n, m) => n + m.blocks.length, 0) - 1;
    expect(last.elements[0].text).toBe(`… (+${400 - shown})`);
  });

  it("keeps one message when asked (outbound posts)", () => {
    const blocks: Block[] = Array.from({ length: 120 }, (_, i) => ({ type: "section" as const, text: `Bloc ${i}` }));
    const messages = renderReply(reply(blocks), { maxMessages: 1 });
    expect(messages).toHaveLength(1);
    expect(messages[0]!.blocks).toHaveLength(50);
    expectValid(messages);
  });

  it("caps the fallback text at 4,000 characters and never leaves it empty", () => {
    const long = renderReply(reply([{ type: "section", text: "a" }], "mot ".repeat(3000)));
    expect(long[0]!.text.length).toBeLessThanOrEqual(4000);
    const empty = renderReply(reply([{ type: "section", text: "**Seul** texte" }], ""));
    expect(empty[0]!.text).toBe("Seul texte");
  });

  it("gives every button a unique action_id, 25 per actions block at most", () => {
    const buttons = Array.from({ length: 30 }, (_, i) => ({ label: `Bouton ${i} ${"x".repeat(100)}`, command: `kit page:${i}` }));
    const [m] = renderReply(reply([{ type: "actions", buttons }, { type: "actions", buttons: buttons.slice(0, 2) }]));
    expectValid([m!]);
    const ids = m!.blocks.flatMap((b: any) => b.elements.map((e: any) => e.action_id));
    expect(new Set(ids).size).toBe(32);
    expect(m!.blocks.map((b: any) => b.elements.length)).toEqual([25, 5, 2]);
  });

  it("stays within the limits on random replies", () => {
    let seed = 42;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const word = () => ["kit", "**gras**", "<!here>", "&", "[l](https://ex.org)", "é", "\n", "😀", "x".repeat(rnd(400))][rnd(9)]!;
    const words = (n: number) => Array.from({ length: n }, word).join(" ");
    for (let run = 0; run < 60; run++) {
      const blocks: Block[] = Array.from({ length: rnd(150) }, (): Block => {
        switch (rnd(5)) {
          case 0:
            return { type: "header", text: words(rnd(60)) };
          case 1:
            return { type: "section", text: words(rnd(1500)), fields: Array.from({ length: rnd(25) }, () => ({ label: words(3), value: words(rnd(300)) })) };
          case 2:
            return { type: "context", text: words(rnd(900)) };
          case 3:
            return { type: "actions", buttons: Array.from({ length: rnd(40) }, () => ({ label: words(rnd(20)), command: "kit" })) };
          default:
            return { type: "divider" };
        }
      });
      expectValid(renderReply(reply(blocks, words(rnd(2000)))));
    }
  });
});
