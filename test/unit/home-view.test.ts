/**
 * The home as Slack's Home tab takes it (at most 100 blocks, each within Slack's limits, as
 * the fake Slack checks them), the message shortcut's pre-filled initiative form, and the
 * pacing window that coalesces refreshes.
 */
import { describe, expect, it } from "vitest";
import { homeView, HOME_BLOCKS } from "../../src/platforms/slack/render.js";
import { prefillInitiative, paceWindow, PACE_MS } from "../../src/features/home/index.js";
import { messageProblems } from "../fakes/slack/validate.js";
import type { Block, Form } from "../../src/core/types.js";

describe("a home on Slack", () => {
  it("is a home view of at most 100 blocks, the last one saying how many were left out", () => {
    const blocks: Block[] = Array.from({ length: 150 }, (_, i) => ({ type: "section", text: `Ligne ${i}` }));
    const view = homeView({ locale: "fr", visibility: "ephemeral", text: "x", blocks });
    expect(view.type).toBe("home");
    expect(view.blocks).toHaveLength(HOME_BLOCKS);
    expect(JSON.stringify(view.blocks.at(-1))).toContain("(+51)");
    // Every block within Slack's own limits (checked 50 at a time, as a message would be).
    for (let i = 0; i < view.blocks.length; i += 50) expect(messageProblems({ text: "x", blocks: view.blocks.slice(i, i + 50) })).toEqual([]);
  });

  it("keeps a small home whole", () => {
    const view = homeView({ locale: "fr", visibility: "ephemeral", text: "x", blocks: [{ type: "header", text: "Bonjour" }, { type: "section", text: "Namur" }] });
    expect(view.blocks.map((b) => b.type)).toEqual(["header", "section"]);
  });
});

describe("the message shortcut's initiative form", () => {
  const form: Form = {
    title: "Initiative",
    submitCommand: "initiative",
    submitLabel: "Partager",
    fields: [
      { name: "titre", label: "Titre", kind: "text", required: true },
      { name: "description", label: "Description", kind: "textarea", required: true },
      { name: "commune", label: "Commune", kind: "text", required: false },
    ],
  };

  it("takes the first line as the title and the text with its link as the description", () => {
    const filled = prefillInitiative(form, { text: "\nPetit-déjeuner équitable à l’école\n120 enfants ce matin", link: "https://cdce.slack.com/archives/C1/p1" });
    expect(filled.fields.find((f) => f.name === "titre")?.value).toBe("Petit-déjeuner équitable à l’école");
    expect(filled.fields.find((f) => f.name === "description")?.value).toBe("Petit-déjeuner équitable à l’école\n120 enfants ce matin\n\nhttps://cdce.slack.com/archives/C1/p1");
    expect(filled.fields.find((f) => f.name === "commune")?.value).toBeUndefined();
  });

  it("cuts a long first line to the title's limit, and leaves an empty message's form as it was", () => {
    const filled = prefillInitiative(form, { text: "x".repeat(400) });
    expect(filled.fields[0]!.value!.length).toBeLessThanOrEqual(150);
    expect(prefillInitiative(form, {})).toBe(form);
  });
});

describe("refresh pacing", () => {
  it("gives changes in one window the same key and a due time at its end", () => {
    const a = paceWindow(new Date("2027-01-04T09:00:01.000Z"));
    const b = paceWindow(new Date("2027-01-04T09:00:09.999Z"));
    const c = paceWindow(new Date("2027-01-04T09:00:10.000Z"));
    expect(a).toEqual(b);
    expect(c.start).toBe(a.start + PACE_MS);
    expect(a.dueAt.toISOString()).toBe("2027-01-04T09:00:10.000Z");
  });
});
