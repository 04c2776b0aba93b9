/**
 * Help in the reader's words and rights: a German-speaking volunteer's help, every page of
 * it, contains no French command word (derived from the registry: each word of a command or
 * option that French alone uses) and no command the volunteer cannot run (derived from the
 * one permission check); coordination sees the management commands, grouped apart.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mayUse } from "../../src/core/chain/index.js";
import { fold } from "../../src/core/fold.js";
import { COMMANDS } from "../../src/features/index.js";
import type { Reply } from "../../src/core/types.js";
import { createTestApp, type TestApp } from "../helpers/test-app.js";
import { prepareUser, run, textOf } from "../helpers/run.js";
import { resolveActor } from "../../src/core/identity.js";

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(async () => {
  await app?.close();
});

const tokens = (s: string) => new Set(fold(s).split(/[^\p{L}\p{N}]+/u).filter(Boolean));
/** Words of commands and options that French uses and German does not. */
function frenchOnlyWords(): Set<string> {
  const fr = new Set<string>();
  const de = new Set<string>();
  for (const def of COMMANDS) {
    for (const t of tokens(def.words?.fr ?? def.name)) fr.add(t);
    for (const t of tokens(def.words?.de ?? "")) de.add(t);
    for (const option of Object.keys(def.options)) {
      fr.add(fold(option));
      const w = def.optionWords?.[option]?.de;
      if (w) de.add(fold(w));
    }
  }
  return new Set([...fr].filter((w) => !de.has(w)));
}

/** Every page of the help list, following its "more" button the way a click would. */
async function allPages(as: Parameters<typeof run>[2]): Promise<Reply[]> {
  const pages = [await run(app, "hilfe", as)];
  for (let i = 0; i < 20; i++) {
    const more = pages.at(-1)!.blocks.flatMap((b) => (b.type === "actions" ? b.buttons : []));
    if (!more.length) break;
    pages.push(await run(app, more[0]!.command, as));
  }
  return pages;
}

describe("help in the reader's words", () => {
  const volunteer = { user: "dieter", locale: "de-BE", role: "benevole" as const, commune: "Eupen" };

  it("shows a German volunteer no French command word, on any page or button", async () => {
    const pages = await allPages(volunteer);
    expect(pages.length).toBeGreaterThan(1);
    const french = frenchOnlyWords();
    // The derivation found the French words (else the check below would be empty).
    for (const w of ["rejoindre", "aide", "titre", "page"]) expect(french).toContain(w);
    const leaks = pages.flatMap((p) => [...tokens(textOf(p))].filter((w) => french.has(w)));
    expect(leaks).toEqual([]);
    expect(textOf(pages[0]!)).toContain("/cdce hilfe");
  });

  it("lists only what the volunteer may run, and every such command once", async () => {
    await prepareUser(app, volunteer);
    const actor = await resolveActor({ platform: "terminal", workspaceId: "W1", userId: "dieter" }, app.services.repos, app.services.clock());
    const text = (await allPages(volunteer)).map(textOf).join("\n");
    const listed = new Set([...text.matchAll(/^• `\/cdce ([^`]+)`/gm)].map((m) => m[1]!));
    const allowed = COMMANDS.filter((d) => mayUse(actor, d)).map((d) => d.words!.de);
    const refused = COMMANDS.filter((d) => !d.hidden && !mayUse(actor, d)).map((d) => d.words!.de);
    expect(refused.length).toBeGreaterThan(5);
    expect([...listed].sort()).toEqual([...allowed].sort());
    for (const w of refused) expect(listed).not.toContain(w);
  });

  it("fits the first page on a phone screen, grouped by what people want to do", async () => {
    const first = await run(app, "hilfe", volunteer);
    const lines = textOf(first).split("\n").filter((l) => l.trim());
    expect(lines.length).toBeLessThanOrEqual(20);
    // In the order of what people want to do; a volunteer also reads their commune's boards.
    const order = ["Finden", "Mitmachen", "Teilen", "Ich", "Verwalten"].map((g) => textOf(first).indexOf(`**${g}**`));
    expect(order.every((at, i) => at >= 0 && (i === 0 || at > order[i - 1]!))).toBe(true);
    const buttons = first.blocks.flatMap((b) => (b.type === "actions" ? b.buttons : []));
    expect(buttons).toEqual([{ label: "Mehr", command: "hilfe seite:2" }]);
  });

  it("shows coordination the management commands, and a command's detail in the reader's words", async () => {
    const boss = { user: "boss", locale: "en-GB", role: "coordination" as const };
    const text = (await allPages(boss)).map(textOf).join("\n");
    expect(text).toContain("**Manage**");
    expect(text).toContain("`/cdce kit add`");
    const detail = textOf(await run(app, "help webinar schedule", boss));
    expect(detail).toContain("/cdce webinar schedule title:");
    expect(detail).toContain("`capacity:`");
    expect(detail).not.toContain("capacite");
  });
});
