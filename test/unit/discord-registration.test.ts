import { describe, expect, it } from "vitest";
import { ApplicationCommandOptionType } from "discord.js";
import { createRegistry } from "../../commands/index.js";
import { CommandRegistry, defineCommand } from "../../src/core/commands.js";
import { choice, int, text } from "../../src/core/options.js";
import { message } from "../../src/core/reply.js";
import {
  buildCdceCommand,
  commandNameOf,
  commandProblems,
  DISCORD_LOCALES,
  LIMITS,
  subcommandName,
} from "../../src/platforms/discord/registration.js";

const NAME = /^[-_\p{L}\p{N}]{1,32}$/u;
const ALL_LOCALES = Object.values(DISCORD_LOCALES).flat();

type Node = {
  name: string;
  description?: string;
  name_localizations?: Record<string, string> | null;
  description_localizations?: Record<string, string> | null;
  options?: Node[];
  type?: number;
};

function walk(node: Node, visit: (n: Node) => void) {
  visit(node);
  for (const o of node.options ?? []) walk(o, visit);
}

describe("Discord registration builder", () => {
  const registry = createRegistry();
  const cdce = buildCdceCommand(registry);

  it("has one subcommand per command of the registry, spaces as dashes", () => {
    const names = (cdce.options ?? []).map((o) => o.name).sort();
    expect(names).toEqual(registry.all().map((d) => subcommandName(d.name)).sort());
    expect(names).toContain("kit-ajouter");
    expect(names).toContain("config-canal");
    for (const n of names) expect(registry.get(commandNameOf(n))).toBeDefined();
  });

  it("respects Discord's name and description limits everywhere", () => {
    walk(cdce as Node, (n) => {
      expect(n.name).toMatch(NAME);
      expect(n.name).toBe(n.name.toLowerCase());
      if (n.description !== undefined) {
        expect(n.description.length).toBeGreaterThanOrEqual(1);
        expect(n.description.length).toBeLessThanOrEqual(100);
      }
      for (const v of Object.values(n.description_localizations ?? {})) expect(v.length).toBeLessThanOrEqual(100);
      for (const v of Object.values(n.name_localizations ?? {})) expect(v).toMatch(NAME);
    });
    expect(commandProblems(cdce as Node)).toEqual([]);
  });

  it("localizes names and descriptions for fr, de, nl, en-US and en-GB", () => {
    expect(ALL_LOCALES.sort()).toEqual(["de", "en-GB", "en-US", "fr", "nl"]);
    walk(cdce as Node, (n) => {
      expect(Object.keys(n.name_localizations ?? {}).sort()).toEqual(ALL_LOCALES);
      expect(Object.keys(n.description_localizations ?? {}).sort()).toEqual(ALL_LOCALES);
    });
    const kit = cdce.options!.find((o) => o.name === "kit") as Node;
    expect(kit.description).toBe("Trouver un kit ou un outil de campagne");
    expect(kit.description_localizations?.de).toBe("Ein Kampagnen-Kit oder Werkzeug finden");
    expect(kit.description_localizations?.nl).toBe("Een campagnekit of -tool vinden");
    expect(kit.description_localizations?.["en-GB"]).toBe("Find a campaign kit or tool");
    expect(kit.description_localizations?.["en-US"]).toBe("Find a campaign kit or tool");
  });

  it("types options from the specs: autocomplete, choices, integers with bounds, strings with max length", () => {
    const kit = cdce.options!.find((o) => o.name === "kit") as unknown as { options: Record<string, unknown>[] };
    const opt = (name: string) => kit.options.find((o) => o.name === name)!;
    expect(opt("public")).toMatchObject({ type: ApplicationCommandOptionType.String, autocomplete: true });
    expect(opt("public")).not.toHaveProperty("choices");
    expect(opt("theme")).toMatchObject({ autocomplete: true });
    expect(opt("page")).toMatchObject({ type: ApplicationCommandOptionType.Integer, min_value: 1, max_value: 200 });
    expect(opt("mots")).toMatchObject({ type: ApplicationCommandOptionType.String, max_length: 2000 });
    const format = opt("format") as { choices: { name: string; value: string; name_localizations: Record<string, string> }[] };
    expect(format.choices).toHaveLength(10);
    const affiche = format.choices.find((c) => c.value === "affiche")!;
    expect(affiche.name).toBe("affiche");
    expect(affiche.name_localizations["en-US"]).toBe("poster");
    const langue = opt("langue") as { choices: { value: string; name_localizations: Record<string, string> }[] };
    expect(langue.choices.find((c) => c.value === "de")!.name_localizations.de).toBe("Deutsch");
  });

  it("puts required options first and keeps list options as free strings", () => {
    const registry2 = new CommandRegistry([
      defineCommand({
        name: "essai",
        help: { fr: "x".repeat(150) },
        usage: { fr: "essai" },
        options: {
          facultatif: text({ help: { fr: "facultatif" } }),
          obligatoire: text({ help: { fr: "obligatoire" }, required: true }),
          nombre: int({ help: { fr: "n" }, default: 1 }),
          beaucoup: choice({ help: { fr: "trop de valeurs" }, values: Array.from({ length: 30 }, (_, i) => `v${i}`) }),
        },
        async run({ locale }) {
          return message(locale, "ok");
        },
      }),
    ]);
    const sub = buildCdceCommand(registry2).options![0] as unknown as Node & { options: Record<string, unknown>[] };
    expect(sub.options.map((o) => o.name)).toEqual(["obligatoire", "facultatif", "nombre", "beaucoup"]);
    expect(sub.description!.length).toBe(100);
    expect(sub.description!.endsWith("…")).toBe(true);
    expect(sub.options[3]).not.toHaveProperty("choices");
    expect(sub.options[2]).not.toHaveProperty("min_value");
  });

  it("declares contexts only for global registration", () => {
    expect(cdce).not.toHaveProperty("contexts");
    expect(buildCdceCommand(registry, { scope: "global" }).contexts).toEqual([0, 1]);
  });

  it("rejects names Discord would refuse", () => {
    const bad = new CommandRegistry([
      defineCommand({
        name: "essai",
        help: { fr: "essai" },
        usage: { fr: "essai" },
        options: { Majuscule: text({ help: { fr: "x" } }) },
        async run({ locale }) {
          return message(locale, "ok");
        },
      }),
    ]);
    expect(() => buildCdceCommand(bad)).toThrow(/not a valid Discord/);
  });

  it("finds limit problems in a hand-made command", () => {
    const problems = commandProblems({
      name: "cdce",
      description: "d".repeat(101),
      options: [{ name: "BAD NAME", description: "ok", choices: Array.from({ length: 26 }, (_, i) => ({ name: "c", value: String(i) })) }],
    });
    expect(problems.join("\n")).toMatch(/description length 101/);
    expect(problems.join("\n")).toMatch(/bad name/);
    expect(problems.join("\n")).toMatch(/more than 25 choices/);
    expect(LIMITS.totalChars).toBe(4000);
  });
});
