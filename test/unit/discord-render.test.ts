import { describe, expect, it } from "vitest";
import { CustomIdStore } from "../../src/platforms/discord/custom-ids.js";
import { MESSAGE_LIMITS, renderReply } from "../../src/platforms/discord/render.js";
import { splitText } from "../../src/core/clip.js";
import { renderFormErrors, renderModal, parseModalCustomId } from "../../src/platforms/discord/modal.js";
import { message, reply } from "../../src/core/reply.js";
import type { Block, Form } from "../../src/core/types.js";

const ids = () => new CustomIdStore(10);

function embedChars(m: { embeds?: { title?: string; description?: string; footer?: { text: string }; fields?: { name: string; value: string }[] }[] }) {
  return (m.embeds ?? []).reduce(
    (n, e) => n + (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.footer?.text.length ?? 0) +
      (e.fields ?? []).reduce((k, f) => k + f.name.length + f.value.length, 0),
    0,
  );
}

describe("Discord renderer", () => {
  it("renders a one-paragraph reply as plain content", () => {
    const [m, ...rest] = renderReply(message("fr", "Bonjour **vous**"), ids());
    expect(rest).toEqual([]);
    expect(m).toMatchObject({ content: "Bonjour **vous**", allowed_mentions: { parse: [] } });
    expect(m!.embeds).toBeUndefined();
  });

  it("maps header, sections, fields, context and buttons to embeds and components", () => {
    const blocks: Block[] = [
      { type: "header", text: "3 kits trouvés" },
      { type: "context", text: "Compris : jeunes" },
      { type: "section", text: "**Kit jeunes**\nRésumé", fields: [{ label: "Public", value: "jeunes" }, { label: "Format", value: "affiche" }] },
      { type: "context", text: "`kit-jeunes` · [Lien 1](https://example.org/a)" },
      { type: "divider" },
      { type: "section", text: "**Kit élus**" },
      { type: "context", text: "Astuce : `/cdce aide`" },
      { type: "actions", buttons: [{ label: "Plus de kits", command: "kit jeunes page:2" }] },
    ];
    const [m, ...rest] = renderReply(reply("fr", blocks), ids());
    expect(rest).toEqual([]);
    expect(m!.embeds).toHaveLength(2);
    const [first, second] = m!.embeds!;
    expect(first!.title).toBe("3 kits trouvés");
    expect(first!.description).toContain("-# Compris : jeunes");
    expect(first!.description).toContain("**Kit jeunes**");
    expect(first!.description).toContain("[Lien 1](https://example.org/a)");
    expect(first!.fields).toEqual([
      { name: "Public", value: "jeunes", inline: true },
      { name: "Format", value: "affiche", inline: true },
    ]);
    expect(second!.description).toBe("**Kit élus**");
    expect(second!.footer).toEqual({ text: "Astuce : /cdce aide" });
    expect(m!.components).toEqual([
      { type: 1, components: [{ type: 2, style: 2, label: "Plus de kits", custom_id: "c:kit jeunes page:2" }] },
    ]);
  });

  it("splits long content into messages of at most 2,000 characters", () => {
    const text = Array.from({ length: 120 }, (_, i) => `ligne ${i} ${"x".repeat(40)}`).join("\n");
    const messages = renderReply(message("fr", text), ids());
    expect(messages.length).toBeGreaterThan(2);
    for (const m of messages) expect(m.content!.length).toBeLessThanOrEqual(MESSAGE_LIMITS.content);
    expect(messages.map((m) => m.content).join("\n")).toBe(text);
  });

  it("keeps every message within 10 embeds, 6,000 characters, 25 fields and 4,096 per description", () => {
    const blocks: Block[] = [{ type: "header", text: "Beaucoup" }];
    for (let i = 0; i < 30; i++) {
      blocks.push(
        { type: "section", text: `**Kit ${i}**\n${"d".repeat(900)}`, fields: Array.from({ length: 4 }, (_, k) => ({ label: `F${k}`, value: "v".repeat(50) })) },
        { type: "divider" },
      );
    }
    blocks.push({ type: "section", text: "z".repeat(9000), fields: Array.from({ length: 30 }, (_, k) => ({ label: `G${k}`, value: "w" })) });
    const messages = renderReply(reply("fr", blocks), ids());
    expect(messages.length).toBeGreaterThan(3);
    for (const m of messages) {
      expect(m.embeds!.length).toBeLessThanOrEqual(10);
      expect(embedChars(m)).toBeLessThanOrEqual(6000);
      for (const e of m.embeds!) {
        expect((e.description ?? "").length).toBeLessThanOrEqual(4096);
        expect((e.fields ?? []).length).toBeLessThanOrEqual(25);
      }
    }
    const all = messages.flatMap((m) => m.embeds!);
    expect(all.flatMap((e) => e.fields ?? [])).toHaveLength(30 * 4 + 30);
  });

  it("puts at most 5 buttons per row and 5 rows per message, the rest on a next message", () => {
    const buttons = Array.from({ length: 30 }, (_, i) => ({ label: `B${i}`, command: `kit page:${i}` }));
    const messages = renderReply(reply("fr", [{ type: "section", text: "x".repeat(3000) }, { type: "actions", buttons }]), ids());
    expect(messages).toHaveLength(3);
    expect(messages[0]!.components).toBeUndefined();
    expect(messages[1]!.components).toHaveLength(5);
    for (const r of messages[1]!.components!) expect(r.components.length).toBeLessThanOrEqual(5);
    expect(messages[2]!.components!.flatMap((r) => r.components.map((c) => c.label))).toEqual(["B25", "B26", "B27", "B28", "B29"]);
  });

  it("stores long button lines in the LRU map and resolves them", () => {
    const store = ids();
    const line = `kit ${"mot ".repeat(40)}page:2`;
    const [m] = renderReply(reply("fr", [{ type: "actions", buttons: [{ label: "Plus", command: line }] }]), store);
    const id = m!.components![0]!.components[0]!.custom_id;
    expect(id.length).toBeLessThanOrEqual(100);
    expect(id.startsWith("k:")).toBe(true);
    expect(store.resolve(id)).toEqual({ kind: "command", line });
  });

  it("splits text at line ends, else spaces, else hard", () => {
    expect(splitText("aaa\nbbb", 5)).toEqual(["aaa", "bbb"]);
    expect(splitText("aaaa bbbb", 6)).toEqual(["aaaa", "bbbb"]);
    expect(splitText("abcdefgh", 3)).toEqual(["abc", "def", "gh"]);
  });
});

describe("Custom id store", () => {
  it("is bounded and forgets the least recently used entry", () => {
    const store = new CustomIdStore(2);
    const a = store.put({ kind: "command", line: "a" });
    const b = store.put({ kind: "command", line: "b" });
    store.resolve(a); // a is now the most recent
    const c = store.put({ kind: "command", line: "c" });
    expect(store.size).toBe(2);
    expect(store.resolve(b)).toEqual({ kind: "expired" });
    expect(store.resolve(a)).toEqual({ kind: "command", line: "a" });
    expect(store.resolve(c)).toEqual({ kind: "command", line: "c" });
    expect(store.resolve("zzz")).toEqual({ kind: "unknown" });
  });
});

describe("Discord modals", () => {
  const form: Form = {
    title: "Ajouter un kit au catalogue du réseau des communes",
    submitCommand: "kit ajouter",
    submitLabel: "Enregistrer",
    fields: [
      { name: "titre", label: "Titre", kind: "text", required: true },
      { name: "resume", label: "Résumé", kind: "textarea", required: true },
      { name: "public", label: "Publics (jeunes, elus, copil, benevoles, ambassadeurs…)", kind: "text", required: true, placeholder: "jeunes, elus" },
      { name: "theme", label: "Thèmes", kind: "text", required: false },
      { name: "format", label: "Format", kind: "text", required: false },
      { name: "extra", label: "Sixième", kind: "text", required: false },
    ],
  };

  it("renders at most 5 labelled text inputs named after the fields, within limits", () => {
    const store = new CustomIdStore();
    const modal = renderModal(form, store, { titre: "Mon kit" }) as unknown as {
      custom_id: string;
      title: string;
      components: { type: number; label: string; description?: string; component: { custom_id: string; style: number; value?: string; required: boolean } }[];
    };
    expect(modal.title.length).toBeLessThanOrEqual(45);
    expect(modal.components).toHaveLength(5);
    expect(modal.components.map((c) => c.component.custom_id)).toEqual(["titre", "resume", "public", "theme", "format"]);
    expect(modal.components[0]!.component.value).toBe("Mon kit");
    expect(modal.components[1]!.component.style).toBe(2);
    for (const c of modal.components) expect(c.label.length).toBeLessThanOrEqual(45);
    expect(modal.components[2]!.description).toContain("ambassadeurs");
    expect(parseModalCustomId(modal.custom_id)?.submitCommand).toBe("kit ajouter");
  });

  it("answers a rejected submission with the errors, the typed values and a button to fix", () => {
    const store = new CustomIdStore();
    const r = { ...message("de", "x"), fieldErrors: { public: "Die Option „public“ ist erforderlich." } };
    const [m] = renderFormErrors(r, { titre: "Mein Kit", resume: "Text mit ``` drin" }, form, store);
    const description = m!.embeds![0]!.description!;
    expect(description).toContain("Die Option „public“ ist erforderlich.");
    expect(description).toContain("Mein Kit");
    expect(description).toContain("Ihre Eingaben");
    const button = m!.components![0]!.components[0]!;
    expect(button.label).toBe("Korrigieren");
    expect(store.resolve(button.custom_id)).toMatchObject({ kind: "form", values: { titre: "Mein Kit" } });
  });
});
