import { describe, expect, it } from "vitest";
import { ApplicationCommandOptionType } from "discord.js";
import { createRegistry } from "../../src/features/index.js";
import kitCommand from "../../commands/kits/kit.js";
import langueCommand from "../../commands/network/langue.js";
import { CommandRegistry, defineCommand } from "../../src/core/commands.js";
import { choice, int, text } from "../../src/core/options.js";
import { message } from "../../src/core/reply.js";
import { buildCdceCommand, commandProblems, commandSize, DISCORD_LOCALES, layoutOf, LIMITS, planRegistration } from "../../src/platforms/discord/registration.js";
import { commandFromPath, commandLayout } from "../../src/platforms/discord/layout.js";

const NAME = /^[-_\p{L}\p{N}]{1,32}$/u;
const ALL_LOCALES = Object.values(DISCORD_LOCALES).flat();

type Node = {
  name: string;
  autocomplete?: boolean;
  choices?: { name: string; value: string | number }[];
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

/** A registry with `n` extra commands starting with `essai` (to overflow 25 entries). */
function bigRegistry(n: number): CommandRegistry {
  const words = ["un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze", "douze"];
  const extra = Array.from({ length: n }, (_, i) =>
    defineCommand({
      name: i === 0 ? "essai" : `essai ${words[i]}`,
      changesState: false,
      help: { fr: `Essai ${i}` },
      usage: { fr: "essai" },
      options: { texte: text({ help: { fr: "Un texte" } }) },
      async run({ locale }) {
        return message(locale, `essai ${i}`);
      },
    }),
  );
  return new CommandRegistry([...createRegistry().all(), ...extra]);
}

describe("Discord layout", () => {
  it("stays flat while the commands fit in 25 entries, dashes for spaces", () => {
    expect(commandLayout(["kit", "kit ajouter", "aide"])).toEqual({
      slots: [
        { command: "kit", sub: "kit" },
        { command: "kit ajouter", sub: "kit-ajouter" },
        { command: "aide", sub: "aide" },
      ],
      overflow: [],
    });
  });

  it("groups the largest family first, and only as much as needed", () => {
    const names = ["a", "b", "c", "x", "x un", "x deux", "x trois", "y un", "y deux"];
    const { slots, overflow } = commandLayout(names, { max: 6 });
    expect(overflow).toEqual([]);
    expect(slots.filter((s) => s.group === "x").map((s) => s.sub)).toEqual(["x", "un", "deux", "trois"]);
    expect(slots.filter((s) => s.group === "y")).toEqual([]);
    expect(slots.find((s) => s.command === "y un")).toEqual({ command: "y un", sub: "y-un" });
    for (const s of slots) expect(commandFromPath(s.group, s.sub)).toBe(s.command);
  });

  it("sends what cannot fit, even grouped, to the free-text entry, keeping registry order", () => {
    const { slots, overflow } = commandLayout(["a", "b", "c", "d"], { max: 3 });
    expect(slots.map((s) => s.command)).toEqual(["a", "b"]);
    expect(overflow).toEqual(["c", "d"]);
    expect(commandFromPath(null, "commande")).toBeUndefined();
    expect(commandLayout(["a", "b", "c"], { max: 3, typed: 1 })).toEqual({ slots: [{ command: "a", sub: "a" }], overflow: ["b", "c"] });
  });

  it("fits the character budget by turning choices into autocomplete, then shortening descriptions", () => {
    const big = bigRegistry(12);
    const cdce = buildCdceCommand(big);
    expect(commandSize(cdce as Node)).toBeLessThanOrEqual(LIMITS.totalChars);
    const all: Node[] = [];
    walk(cdce as Node, (n) => all.push(n));
    const kit = all.find((n) => n.name === "kit" && n.type === 1) as Node & { options: Record<string, unknown>[] };
    const format = kit.options.find((o) => o.name === "format")!;
    // Either still fixed choices or served by autocomplete, never lost.
    expect(format.choices !== undefined || format.autocomplete === true).toBe(true);
    const small = buildCdceCommand(new CommandRegistry([kitCommand]));
    expect(commandSize(small as Node)).toBeLessThan(commandSize(buildCdceCommand(new CommandRegistry([kitCommand, langueCommand])) as Node));
  });

  it("registers a registry with more first words than entries through the free-text fallback", () => {
    const many = new CommandRegistry(
      Array.from({ length: 30 }, (_, i) =>
        defineCommand({
          name: `mot${"abcdefghijklmnopqrstuvwxyzabcd"[i]}${i}`.replace(/\d/g, (d) => "zyxwvutsrq"[Number(d)]!),
          changesState: false,
          help: { fr: `Mot ${i}` },
          usage: { fr: "mot" },
          options: {},
          async run({ locale }) {
            return message(locale, "ok");
          },
        }),
      ),
    );
    const plan = planRegistration(many);
    expect(plan.command.options!.length).toBe(25);
    expect(plan.slots).toHaveLength(24);
    expect(plan.overflow).toHaveLength(6);
    const last = plan.command.options!.at(-1) as unknown as Node & { options: Record<string, unknown>[] };
    expect(last.name).toBe("commande");
    expect(last.options[0]).toMatchObject({ name: "texte", type: 3, required: true, autocomplete: true });
    expect(commandProblems(plan.command as Node)).toEqual([]);
  });

  it("registers a grown registry with subcommand groups, within every limit", () => {
    const big = bigRegistry(12);
    const plan = planRegistration(big);
    const cdce = plan.command;
    expect(cdce.options!.length).toBeLessThanOrEqual(25);
    expect(commandProblems(cdce as Node)).toEqual([]);
    const groups = cdce.options!.filter((o) => o.type === 2) as unknown as Node[];
    expect(groups.length + plan.overflow.length).toBeGreaterThan(0);
    for (const g of groups) expect(g.options!.length).toBeLessThanOrEqual(25);
  });
});

describe("Discord registration builder", () => {
  const registry = createRegistry();
  const cdce = buildCdceCommand(registry);

  it("reaches every visible command of the registry through exactly one path (or the fallback)", () => {
    const paths: string[] = [];
    for (const top of cdce.options ?? []) {
      const t = top as unknown as Node;
      if (t.type === 2) for (const sub of t.options ?? []) paths.push(commandFromPath(t.name, sub.name)!);
      else if (t.name !== "commande") paths.push(commandFromPath(null, t.name)!);
    }
    const visible = registry.all().filter((d) => !d.hidden).map((d) => d.name);
    const { overflow } = layoutOf(registry);
    expect([...paths, ...overflow].sort()).toEqual([...visible].sort());
    expect(new Set(paths).size).toBe(paths.length);
    expect(cdce.options!.length).toBeLessThanOrEqual(25);
    expect(layoutOf(registry).slots.find((s) => s.command === "kit ajouter")).toBeDefined();
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
    // A registry small enough for every closed set to be shown as fixed choices.
    const small = buildCdceCommand(new CommandRegistry([kitCommand, langueCommand]));
    const kit = small.options!.find((o) => o.name === "kit") as unknown as { options: Record<string, unknown>[] };
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
        changesState: false,
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
        changesState: false,
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
    const huge = commandProblems({
      name: "cdce",
      description: "d",
      options: Array.from({ length: 25 }, (_, i) => ({ name: `o${i}`, description: "x".repeat(50), description_localizations: { de: "y".repeat(100) }, choices: Array.from({ length: 25 }, (_, k) => ({ name: "n".repeat(5), value: `v${k}`.padEnd(10, "v") })) })),
    });
    // Each field at its longest localization: "cdce" + "d" (5), 25 option names (65),
    // 25 German descriptions (2,500), 625 choices of 5 + 10 (9,375): 11,945 > 8,000.
    expect(huge.join("\n")).toMatch(/11945 characters \(max 8000\)/);
    expect(LIMITS.totalChars).toBe(8000);
  });
});
