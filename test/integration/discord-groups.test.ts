/**
 * A registry larger than Discord's 25 entries: `/cdce` is registered with subcommand
 * groups, and a grouped command (and the one-word command inside its own group) reaches
 * the right handler through the real discord.js client. Flat commands keep working.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import aide from "../../commands/network/aide.js";
import kit from "../../commands/kits/kit.js";
import { CommandRegistry, defineCommand } from "../../src/core/commands.js";
import { createDispatcher } from "../../src/core/dispatcher.js";
import { text } from "../../src/core/options.js";
import { message } from "../../src/core/reply.js";
import { translator } from "../../src/core/i18n/catalogue.js";
import { startDiscordHarness, MEMBER, type DiscordHarness } from "../fakes/discord/harness.js";
import { sendAutocomplete, sendCommand, textOf } from "../fakes/discord/interactions.js";
import { discordPath, sendLine } from "../fakes/discord/lines.js";
import { createTestApp, type TestApp } from "../helpers/test-app.js";

const WORDS = ["zero", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze", "douze", "treize", "quatorze", "quinze", "seize", "dixsept", "dixhuit", "dixneuf", "vingt", "vingtun", "vingtdeux", "vingttrois", "vingtquatre", "vingtcinq"];
const EXTRA = WORDS.slice(0, 13).map((w, i) =>
  defineCommand({
    name: i === 0 ? "essai" : `essai ${w}`,
    changesState: false,
    help: { fr: `Essai ${w}` },
    usage: { fr: "essai" },
    options: { texte: text({ help: { fr: "Un texte" } }) },
    async run({ locale, options }) {
      return message(locale, `essai ${w}: ${options.texte ?? "-"}`);
    },
  }),
);

/** 26 commands with distinct first words: more than even groups can place. */
const MANY = Array.from({ length: 26 }, (_, i) => {
  const word = `mot${String.fromCharCode(97 + i)}`;
  return defineCommand({
    name: word,
    changesState: false,
    help: { fr: `Le mot ${word}` },
    usage: { fr: `${word} bonjour` },
    options: { texte: text({ help: { fr: "Un texte" }, rest: true }) },
    async run({ locale, options }) {
      return message(locale, `${word}: ${options.texte ?? "-"}`);
    },
  });
});

/** 12 one-word commands: with the `essai` family, more than 25 entries, so a group forms. */
const FILLERS = Array.from({ length: 12 }, (_, i) => {
  const word = `rempli${String.fromCharCode(97 + i)}`;
  return defineCommand({ name: word, changesState: false, help: { fr: word }, usage: { fr: word }, options: {}, run: async ({ locale }) => message(locale, word) });
});

let h: DiscordHarness;
let registry: CommandRegistry;
const pathOf = (command: string) => discordPath(registry, command) ?? "commande";

let app: TestApp;

beforeAll(async () => {
  // Independent of the real registry's size: a few real commands and the `essai` family.
  registry = new CommandRegistry([aide, kit, ...FILLERS, ...EXTRA]);
  app = await createTestApp();
  h = await startDiscordHarness({ app, dispatcher: () => createDispatcher({ registry, services: app.services }) });
}, 30_000);

afterAll(async () => {
  await h?.close();
  await app?.close();
});

describe("more than 25 commands", () => {
  it("groups by first word and routes grouped commands", async () => {
    const reg = h.fake.registrations.at(-1)!.body as { options: { name: string; type: number; options?: { name: string }[] }[] }[];
    const top = reg[0]!.options;
    expect(top.length).toBeLessThanOrEqual(25);
    const essai = top.find((o) => o.name === "essai")!;
    expect(essai.type).toBe(2);
    expect(essai.options!.map((o) => o.name)).toContain("essai");
    expect(pathOf("essai trois")).toBe("essai trois");

    const grouped = await h.fake.waitForAnswer(sendCommand(h.fake, pathOf("essai trois"), { texte: "bonjour" }, MEMBER));
    expect(textOf(grouped.message)).toBe("essai trois: bonjour");
    const bare = await h.fake.waitForAnswer(sendCommand(h.fake, pathOf("essai"), {}, MEMBER));
    expect(textOf(bare.message)).toBe("essai zero: -");
    const flat = await h.fake.waitForAnswer(sendCommand(h.fake, pathOf("aide"), {}, MEMBER));
    expect(textOf(flat.message)).toContain(translator("fr")("help.title"));
  });
});

describe("more first words than Discord entries", () => {
  let many: DiscordHarness;
  let manyApp: TestApp;
  let manyRegistry: CommandRegistry;

  beforeAll(async () => {
    manyRegistry = new CommandRegistry([aide, kit, ...MANY]);
    manyApp = await createTestApp();
    many = await startDiscordHarness({ app: manyApp, dispatcher: () => createDispatcher({ registry: manyRegistry, services: manyApp.services }) });
  }, 30_000);

  afterAll(async () => {
    await many?.close();
    await manyApp?.close();
  });

  it("reaches the commands without a typed place through /cdce commande texte:…", async () => {
    expect(discordPath(manyRegistry, "motz")).toBeUndefined();
    const answer = await many.fake.waitForAnswer(sendLine(many.fake, manyRegistry, "motz bonjour tout le monde", MEMBER));
    expect(textOf(answer.message)).toBe("motz: bonjour tout le monde");
    const typed = await many.fake.waitForAnswer(sendLine(many.fake, manyRegistry, "aide", MEMBER));
    expect(textOf(typed.message)).toContain(translator("fr")("help.title"));
  });

  it("suggests command names, then the usage, while typing the free text", async () => {
    const names = await many.fake.waitForAnswer(sendAutocomplete(many.fake, "commande", { texte: "motz" }, "texte", MEMBER));
    expect(names.choices![0]).toMatchObject({ value: "motz " });
    const usage = await many.fake.waitForAnswer(sendAutocomplete(many.fake, "commande", { texte: "motz bon" }, "texte", MEMBER));
    expect(usage.choices![0]!.name).toContain("motz bonjour");
    expect(usage.choices![0]!.value).toBe("motz bon");
  });
});
