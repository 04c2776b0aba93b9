/**
 * Discord replies stay whole and within Discord's documented limits (checked by the
 * validator written from the docs): buttons stay with their item, none is dropped, an
 * embed over a limit is split, custom ids are unique per message, no message is empty.
 */
import { describe, expect, it } from "vitest";
import { CustomIdStore } from "../../src/platforms/discord/custom-ids.js";
import { renderReply, type DiscordMessage } from "../../src/platforms/discord/render.js";
import { reply } from "../../src/core/reply.js";
import type { Block, Reply } from "../../src/core/types.js";
import { discordMessageProblems } from "../helpers/platform-limits.js";

const render = (r: Reply, store = new CustomIdStore()) => renderReply(r, store);
const valid = (messages: DiscordMessage[]) => expect(messages.flatMap((m, i) => discordMessageProblems(m as never).map((p) => `message ${i}: ${p}`))).toEqual([]);
const buttonsOf = (m: DiscordMessage) => (m.components ?? []).flatMap((r) => r.components);
const textOf = (m: DiscordMessage) => [m.content ?? "", ...(m.embeds ?? []).flatMap((e) => [e.title ?? "", e.description ?? "", e.footer?.text ?? ""])].join("\n");

/** An idea box like `/cdce idees` shows it to the CoPil: each idea with its 4 status buttons. */
function ideaBox(count: number): Block[] {
  const blocks: Block[] = [{ type: "header", text: `Boîte à idées de Namur (${count})` }];
  for (let i = 0; i < count; i++) {
    blocks.push(
      { type: "section", text: `Idée numéro ${i} : un marché équitable 🌍` },
      { type: "context", text: `Nouvelle · Anonyme · 2026-11-29 · \`id${i}\`` },
      { type: "actions", buttons: ["study", "kept", "done", "dropped"].map((s) => ({ label: s, command: `idee statut id${i} ${s}` })) },
      { type: "divider" },
    );
  }
  return blocks;
}

describe("Discord replies at the platform's edges", () => {
  it("keeps each item's buttons on the message that shows the item, and drops none (40 buttons)", () => {
    const messages = render(reply("fr", ideaBox(10)));
    valid(messages);
    const all = messages.flatMap(buttonsOf);
    expect(all).toHaveLength(40);
    for (let i = 0; i < 10; i++) {
      const holders = messages.filter((m) => buttonsOf(m).some((b) => b.custom_id.startsWith(`c:idee statut id${i} `)));
      expect(holders, `idea ${i}`).toHaveLength(1);
      expect(buttonsOf(holders[0]!)).toHaveLength(4);
      // The message with the buttons is the one that shows the idea, and no other idea.
      expect(textOf(holders[0]!)).toContain(`Idée numéro ${i} `);
      for (let j = 0; j < 10; j++) if (j !== i) expect(textOf(holders[0]!)).not.toContain(`Idée numéro ${j} `);
    }
  });

  it("splits more buttons than one message holds into further messages, never silently truncated", () => {
    const buttons = Array.from({ length: 60 }, (_, i) => ({ label: `Choix ${i}`, command: `sondage voter p ${i}` }));
    const messages = render(reply("fr", [{ type: "header", text: "Sondage" }, { type: "actions", buttons }]));
    valid(messages);
    expect(messages.flatMap(buttonsOf).map((b) => b.label)).toEqual(buttons.map((b) => b.label));
  });

  it("splits one embed that would exceed 6,000 characters (a long text with 25 long fields)", () => {
    const fields = Array.from({ length: 25 }, (_, i) => ({ label: `Champ ${i}`, value: "v".repeat(1024) }));
    const messages = render(reply("fr", [{ type: "header", text: "Fiche" }, { type: "section", text: "d".repeat(4000), fields }]));
    valid(messages);
    const shown = messages.flatMap((m) => m.embeds ?? []).flatMap((e) => e.fields ?? []);
    expect(shown).toHaveLength(25);
    expect(shown.every((f) => f.value === "v".repeat(1024))).toBe(true);
  });

  it("gives two buttons running the same line different custom ids in one message", () => {
    const store = new CustomIdStore();
    const messages = render(reply("fr", [
      { type: "section", text: "Tableau" },
      { type: "actions", buttons: [{ label: "Voir", command: "tableau namur" }, { label: "Ouvrir le tableau", command: "tableau namur" }] },
    ]), store);
    valid(messages);
    const ids = buttonsOf(messages[0]!).map((b) => b.custom_id);
    expect(new Set(ids).size).toBe(2);
    for (const id of ids) expect(store.resolve(id)).toEqual({ kind: "command", line: "tableau namur" });
  });

  it("never sends an empty message: blank text, a blank header, blank fields", () => {
    const cases: Reply[] = [
      { ...reply("fr", [{ type: "section", text: "   " }]), text: "Réponse" },
      { ...reply("fr", [{ type: "section", text: "\n\n" }, { type: "divider" }]), text: "" },
      reply("fr", [{ type: "header", text: "  " }, { type: "section", text: "" }, { type: "context", text: " " }]),
      reply("fr", [{ type: "header", text: "Titre" }, { type: "section", text: "", fields: [{ label: " ", value: " " }] }]),
      reply("fr", []),
    ];
    for (const r of cases) {
      const messages = render(r);
      expect(messages.length).toBeGreaterThan(0);
      valid(messages);
    }
  });

  it("cuts titles, labels, fields and footers on grapheme boundaries", () => {
    const emoji = (n: number) => `${"a".repeat(n)}${"👍🏽🇧🇪".repeat(600)}`;
    for (const n of [75, 76, 77, 78, 79, 251, 252, 253, 254, 255, 1019, 1020, 1021, 1022, 1023, 2043, 2044, 2045, 2046, 2047]) {
      const messages = render(reply("fr", [
        { type: "header", text: emoji(n) },
        { type: "section", text: emoji(n), fields: [{ label: emoji(n), value: emoji(n) }] },
        { type: "actions", buttons: [{ label: emoji(n), command: "aide" }] },
        { type: "context", text: emoji(n) },
      ]));
      valid(messages);
    }
  });
});

describe("Discord text left broken elsewhere", () => {
  it("drops half an emoji left in a text by a cut made elsewhere", () => {
    const half = "Commande inconnue : « 🎉🎉".slice(0, -1);
    valid(render({ ...reply("fr", [{ type: "section", text: half }, { type: "actions", buttons: [{ label: half, command: `aide ${half}` }] }]), text: half }));
    valid(render({ ...reply("fr", [{ type: "header", text: half }, { type: "section", text: half, fields: [{ label: half, value: half }] }]), text: half }));
  });
});

describe("Discord renderer under stress", () => {
  it("stays within the limits and drops no button on random replies", { timeout: 120_000 }, () => {
    let seed = 7;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const word = () => ["kit", "**gras**", "@everyone", "[l](https://ex.org)", "é", "\n", "😀", "👍🏽", "🇧🇪", "", " ", "x".repeat(rnd(600))][rnd(12)]!;
    const words = (n: number) => Array.from({ length: n }, word).join(rnd(2) ? " " : "");
    for (let run = 0; run < 40; run++) {
      const blocks: Block[] = Array.from({ length: rnd(120) }, (): Block => {
        switch (rnd(5)) {
          case 0:
            return { type: "header", text: words(rnd(80)) };
          case 1:
            return { type: "section", text: words(rnd(1500)), fields: Array.from({ length: rnd(30) }, () => ({ label: words(rnd(60)), value: words(rnd(400)) })) };
          case 2:
            return { type: "context", text: words(rnd(900)) };
          case 3:
            return { type: "actions", buttons: Array.from({ length: rnd(40) }, () => ({ label: words(rnd(30)), command: ["kit", "aide", `kit ${words(3)}`][rnd(3)]! })) };
          default:
            return { type: "divider" };
        }
      });
      const messages = render({ ...reply("fr", blocks), text: words(rnd(50)) });
      valid(messages);
      const wanted = blocks.reduce((n, b) => n + (b.type === "actions" ? b.buttons.length : 0), 0);
      expect(messages.flatMap(buttonsOf)).toHaveLength(wanted);
    }
  });
});
