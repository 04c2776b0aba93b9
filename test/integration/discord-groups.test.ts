/**
 * Several top-level commands on Discord: a registry's commands go to their families
 * (`/cdce`, `/cdce-copil`, `/cdce-admin`…), including ones the placement table does not
 * know, and each reaches its handler through the real discord.js client, whatever the
 * user's language (Discord sends the base names). A stale client's unknown path gets the
 * core's "unknown command" answer.
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
import { sendCommand, textOf } from "../fakes/discord/interactions.js";
import { discordPath } from "../fakes/discord/lines.js";
import { createTestApp, type TestApp } from "../helpers/test-app.js";

const echo = (name: string, extra: { permission?: "channels.configure" } = {}) =>
  defineCommand({
    name,
    changesState: false,
    help: { fr: `Essai ${name}`, de: `Test ${name}` },
    usage: { fr: name },
    options: { texte: text({ help: { fr: "Un texte" }, rest: true }) },
    ...extra,
    async run({ locale, options }) {
      return message(locale, `${name}: ${options.texte ?? "-"}`);
    },
  });

let h: DiscordHarness;
let registry: CommandRegistry;
let app: TestApp;

beforeAll(async () => {
  registry = new CommandRegistry([aide, kit, echo("fom export"), echo("nouveau")]);
  app = await createTestApp();
  h = await startDiscordHarness({ app, dispatcher: () => createDispatcher({ registry, services: app.services }) });
}, 30_000);

afterAll(async () => {
  await h?.close();
  await app?.close();
});

describe("commands in families", () => {
  it("registers one top-level command per family used, and routes each to its handler", async () => {
    const body = h.fake.registrations.at(-1)!.body as { name: string; options: { name: string }[] }[];
    expect(body.map((c) => c.name)).toEqual(["cdce", "cdce-copil"]);
    expect(discordPath(registry, "fom export")).toBe("cdce-copil fom-export");
    expect(discordPath(registry, "nouveau")).toBe("cdce nouveau");

    const copil = await h.fake.waitForAnswer(sendCommand(h.fake, "cdce-copil fom-export", { texte: "bonjour" }, MEMBER));
    expect(textOf(copil.message)).toBe("fom export: bonjour");
    const everyday = await h.fake.waitForAnswer(sendCommand(h.fake, "cdce nouveau", {}, { ...MEMBER, locale: "de" }));
    expect(textOf(everyday.message)).toBe("nouveau: -");
    const help = await h.fake.waitForAnswer(sendCommand(h.fake, "cdce aide", {}, MEMBER));
    expect(textOf(help.message)).toContain(translator("fr")("help.title"));
  });

  it("answers a path a stale client still shows with the core's unknown-command message", async () => {
    const answer = await h.fake.waitForAnswer(sendCommand(h.fake, "cdce commande", {}, MEMBER, { stale: true }));
    expect(textOf(answer.message)).toContain("Je ne connais pas la commande « commande »");
  });
});
