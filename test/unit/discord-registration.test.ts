import { describe, expect, it } from "vitest";
import { ApplicationCommandOptionType } from "discord.js";
import { createRegistry } from "../../src/features/index.js";
import kitCommand from "../../commands/kits/kit.js";
import langueCommand from "../../commands/network/langue.js";
import { CommandRegistry, defineCommand, type AnyCommand } from "../../src/core/commands.js";
import { choice, int, text } from "../../src/core/options.js";
import { message } from "../../src/core/reply.js";
import { buildCdceCommand, buildRegistrationBody, commandProblems, commandSize, DISCORD_LOCALES, layoutOf, LIMITS, planRegistration, registrationProblems } from "../../src/platforms/discord/registration.js";
import { commandAt, FAMILIES } from "../../src/platforms/discord/families.js";
import { pathOf } from "../../src/platforms/discord/layout.js";

/** Discord's documented pattern for chat-input command and option names. */
const NAME = /^[-_\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;
const ALL_LOCALES = Object.values(DISCORD_LOCALES).flat().sort();

type Node = {
  name: string;
  type?: number;
  required?: boolean;
  autocomplete?: boolean;
  choices?: { name: string; value: string | number; name_localizations?: Record<string, string> }[];
  description?: string;
  name_localizations?: Record<string, string> | null;
  description_localizations?: Record<string, string> | null;
  options?: Node[];
};

function walk(node: Node, visit: (n: Node, depth: number) => void, depth = 0) {
  visit(node, depth);
  for (const o of node.options ?? []) walk(o, visit, depth + 1);
}

const cmd = (name: string, extra: Partial<AnyCommand> = {}): AnyCommand =>
  defineCommand({ name, changesState: false, help: { fr: `Essai ${name}` }, usage: { fr: name }, options: {}, run: async ({ locale }) => message(locale, name), ...extra });

const registry = createRegistry();
const plan = planRegistration(registry);
const chatInput = plan.chatInput as unknown as Node[];

describe("Discord families", () => {
  it("reaches every visible command through exactly one path, mapped back by its base names", () => {
    const visible = registry.all().filter((d) => !d.hidden).map((d) => d.name).sort();
    expect(plan.slots.map((s) => s.command).sort()).toEqual(visible);
    const paths = plan.slots.map(pathOf);
    expect(new Set(paths).size).toBe(paths.length);
    for (const s of plan.slots) expect(commandAt(s.root, s.group, s.sub)).toBe(s.command);
    // And every path registered is one of those (nothing registered that routes nowhere).
    const registered: string[] = [];
    for (const root of chatInput) for (const e of root.options ?? []) for (const leaf of e.type === 2 ? e.options ?? [] : [e]) registered.push([root.name, e.type === 2 ? e.name : undefined, leaf.name].filter(Boolean).join(" "));
    expect(registered.sort()).toEqual([...paths].sort());
  });

  it("puts the everyday actions of every person under /cdce, with no name that repeats its parent and no free-text entry", () => {
    const where = (c: string) => pathOf(plan.slots.find((s) => s.command === c)!);
    expect(where("kit")).toBe("cdce kit");
    expect(where("webinaire rejoindre")).toBe("cdce inscrire");
    expect(where("initiative")).toBe("cdce partager");
    for (const c of ["aide", "langue", "agenda", "webinaires", "webinaire", "webinaire quitter", "rappels", "idee", "idee liste", "sondage", "moi", "moi export", "moi supprimer", "initiative chercher"]) {
      expect(where(c).startsWith("cdce ")).toBe(true);
    }
    expect(where("config canal")).toBe("cdce-admin canal");
    expect(where("copil ajouter")).toBe("cdce-copil ajouter");
    expect(where("veille")).toBe("cdce-veille dynamique");
    for (const s of plan.slots) {
      expect(s.sub).not.toBe(s.group);
      expect(s.root.split("-").at(-1)).not.toBe(s.group ?? s.sub);
    }
    // The old free-text entry (`/cdce commande texte:"…"`) is gone.
    for (const root of chatInput) expect((root.options ?? []).map((o) => o.name)).not.toContain("commande");
    expect(plan.slots.some((s) => s.derived)).toBe(false);
  });

  it("gives /cdce kit the words as its first option, the others typed", () => {
    const kit = (chatInput[0]!.options ?? []).find((o) => o.name === "kit")!;
    expect(kit.options![0]).toMatchObject({ name: "mots", type: ApplicationCommandOptionType.String });
    expect(kit.options![0]!.name_localizations).toMatchObject({ de: "wörter", nl: "woorden", "en-US": "words" });
    expect(kit.options!.find((o) => o.name === "page")).toMatchObject({ type: ApplicationCommandOptionType.Integer });
  });

  it("places a command it does not know by itself: its first word's family, else by its right", () => {
    const placed = layoutOf(new CommandRegistry([kitCommand, cmd("fom export"), cmd("nouveau"), cmd("gerer", { permission: "channels.configure" })]));
    const at = (c: string) => pathOf(placed.slots.find((s) => s.command === c)!);
    expect(at("fom export")).toBe("cdce-copil fom-export");
    expect(at("nouveau")).toBe("cdce nouveau");
    expect(at("gerer")).toBe("cdce-admin gerer");
    expect(placed.slots.find((s) => s.command === "fom export")!.derived).toBe(true);
    expect(commandAt("cdce-copil", null, "fom-export")).toBe("fom export");
    // A derived path may not take one that the table keeps for another command.
    expect(() => layoutOf(new CommandRegistry([cmd("partager", { aliases: [] })]))).toThrow(/kept for another command/);
  });

  it("fails, naming the family, when one outgrows Discord's limits", () => {
    const crowd = Array.from({ length: 26 }, (_, i) => cmd(`mot${String.fromCharCode(97 + i)}`));
    expect(() => planRegistration(new CommandRegistry(crowd))).toThrow(/cdce: more than 25 options/);
    const wordy = Array.from({ length: 24 }, (_, i) =>
      cmd(`long${String.fromCharCode(97 + i)}`, { help: { fr: "x".repeat(100) }, options: Object.fromEntries(Array.from({ length: 4 }, (_, k) => [`opt${k}`, text({ help: { fr: "y".repeat(100) } })])) }),
    );
    expect(() => planRegistration(new CommandRegistry(wordy))).toThrow(/cdce: \d+ characters \(max 8000\)/);
  });
});

describe("Discord limits on the registered set", () => {
  const body = buildRegistrationBody(registry) as unknown as Node[];

  it("every chat-input name and localized name follows Discord's naming rule; descriptions 1-100", () => {
    for (const root of chatInput) {
      walk(root, (n) => {
        for (const name of [n.name, ...Object.values(n.name_localizations ?? {})]) {
          expect(name).toMatch(NAME);
          expect(name).toBe(name.toLowerCase());
        }
        for (const d of [n.description ?? "", ...Object.values(n.description_localizations ?? {})]) {
          expect(d.length).toBeGreaterThanOrEqual(1);
          expect(d.length).toBeLessThanOrEqual(LIMITS.description);
        }
      });
    }
  });

  it("localizes every command, group, sub-command and option in de, nl, en-GB and en-US (and fr)", () => {
    for (const root of chatInput) {
      walk(root, (n) => {
        expect(Object.keys(n.name_localizations ?? {}).sort()).toEqual(ALL_LOCALES);
        expect(Object.keys(n.description_localizations ?? {}).sort()).toEqual(ALL_LOCALES);
      });
    }
    const inscrire = chatInput[0]!.options!.find((o) => o.name === "inscrire")!;
    expect(inscrire.name_localizations).toMatchObject({ de: "anmelden", nl: "aanmelden", "en-GB": "join" });
    const organiser = chatInput.find((c) => c.name === "cdce-organiser")!;
    expect(organiser.name_localizations).toMatchObject({ "en-GB": "cdce-organise", "en-US": "cdce-organize" });
    const kit = chatInput[0]!.options!.find((o) => o.name === "kit")!;
    expect(kit.description_localizations?.de).toBe("Ein Kampagnen-Kit oder Werkzeug finden");
  });

  it("has words for every name: none derived in the real registry, and a new one is listed", () => {
    expect(plan.derived).toEqual([]);
    const fresh = planRegistration(new CommandRegistry([cmd("zorglub", { options: { bidule: text({ help: { fr: "Un bidule" } }) } })]));
    expect(fresh.derived).toEqual(["/cdce zorglub option: bidule", "/cdce zorglub: zorglub"]);
    expect(fresh.chatInput[0]!.options![0]!.name_localizations).toMatchObject({ de: "zorglub", nl: "zorglub" });
  });

  it("keeps each count and size within Discord's limits", () => {
    expect(registrationProblems(body)).toEqual([]);
    expect(chatInput.map((c) => c.name)).toEqual(FAMILIES.filter((f) => chatInput.some((c) => c.name === f)));
    expect(chatInput.length).toBeLessThanOrEqual(LIMITS.chatInputCommands);
    for (const c of chatInput) {
      expect(commandSize(c), c.name).toBeLessThanOrEqual(LIMITS.totalChars);
      walk(c, (n) => {
        expect(n.options?.length ?? 0).toBeLessThanOrEqual(LIMITS.options);
        expect(n.choices?.length ?? 0).toBeLessThanOrEqual(LIMITS.choices);
        for (const ch of n.choices ?? []) for (const v of [ch.name, String(ch.value), ...Object.values(ch.name_localizations ?? {})]) expect(v.length).toBeLessThanOrEqual(LIMITS.choiceName);
      });
      // The size of the whole family, counted as Discord counts it, is what commandSize says.
      let counted = 0;
      walk(c, (n) => {
        counted += Math.max(n.name.length, ...Object.values(n.name_localizations ?? {}).map((v) => v.length));
        if (n.description !== undefined) counted += Math.max(n.description.length, ...Object.values(n.description_localizations ?? {}).map((v) => v.length));
        for (const ch of n.choices ?? []) counted += Math.max(ch.name.length, ...Object.values(ch.name_localizations ?? {}).map((v) => v.length)) + String(ch.value).length;
      });
      expect(commandSize(c)).toBe(counted);
    }
    const users = body.filter((c) => c.type === 2);
    const messages = body.filter((c) => c.type === 3);
    expect(users.length).toBeLessThanOrEqual(LIMITS.userCommands);
    expect(messages.length).toBeLessThanOrEqual(LIMITS.messageCommands);
  });

  it("registers the two right-click commands, localized, without description", () => {
    expect(body.filter((c) => c.type === 3)).toEqual([
      { type: 3, name: "Partager avec le réseau", name_localizations: { fr: "Partager avec le réseau", de: "Mit dem Netzwerk teilen", nl: "Delen met het netwerk", "en-GB": "Share with the network", "en-US": "Share with the network" } },
    ]);
    const user = body.find((c) => c.type === 2)!;
    expect(user.name).toBe("Donner un rôle");
    expect(Object.keys(user.name_localizations!).sort()).toEqual(ALL_LOCALES);
    expect(user).not.toHaveProperty("description");
    // Without the commands they open (a test registry), they are not registered.
    expect(buildRegistrationBody(new CommandRegistry([kitCommand])).map((c) => c.name)).toEqual(["cdce"]);
  });

  it("finds what Discord would refuse in a set: counts, duplicates, context-menu names", () => {
    const menus = Array.from({ length: 6 }, (_, i) => ({ type: 2, name: `Menu ${i}` }));
    expect(registrationProblems(menus).join("\n")).toMatch(/more than 5 user commands/);
    expect(registrationProblems([{ type: 3, name: "x".repeat(33) }]).join("\n")).toMatch(/context-menu name length 33/);
    expect(registrationProblems([{ type: 3, name: "A", description: "no" }]).join("\n")).toMatch(/takes no description/);
    const many = Array.from({ length: 101 }, (_, i) => ({ type: 1, name: `c${i}`, description: "d" }));
    expect(registrationProblems(many).join("\n")).toMatch(/more than 100 chat-input commands/);
    const clash = [{ type: 1, name: "a", description: "d", options: [
      { type: 1, name: "un", description: "d", name_localizations: { de: "eins" } },
      { type: 1, name: "deux", description: "d", name_localizations: { de: "eins" } },
    ] }];
    expect(registrationProblems(clash).join("\n")).toMatch(/"deux" and "un" are both "eins" in de/);
    expect(commandProblems({ name: "a", description: "d", options: [{ type: 3, name: "x", description: "d" }, { type: 3, name: "y", description: "d", required: true }] }).join("\n")).toMatch(/required option after an optional/);
    expect(commandProblems({ name: "a", description: "d", options: [{ type: 1, name: "s", description: "d", name_localizations: { de: "Groß" } }] }).join("\n")).toMatch(/bad name \(de\) "Groß"/);
  });
});

describe("Discord registration builder", () => {
  it("types options from the specs: autocomplete, choices, integers with bounds, strings with max length", () => {
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

  it("puts required options first, then the free words, and keeps full descriptions up to 100 characters", () => {
    const essai = cmd("essai", {
      help: { fr: "x".repeat(150) },
      options: {
        facultatif: text({ help: { fr: "facultatif" } }),
        mots: text({ help: { fr: "les mots" }, rest: true }),
        obligatoire: text({ help: { fr: "obligatoire" }, required: true }),
        nombre: int({ help: { fr: "n" }, default: 1 }),
        beaucoup: choice({ help: { fr: "trop de valeurs" }, values: Array.from({ length: 30 }, (_, i) => `v${i}`) }),
      },
    });
    const sub = buildCdceCommand(new CommandRegistry([essai])).options![0] as unknown as Node & { options: Record<string, unknown>[] };
    expect(sub.options.map((o) => o.name)).toEqual(["obligatoire", "mots", "facultatif", "nombre", "beaucoup"]);
    expect(sub.description!.length).toBe(100);
    expect(sub.options[4]).not.toHaveProperty("choices");
    expect(sub.options[3]).not.toHaveProperty("min_value");
  });

  it("declares contexts only for global registration", () => {
    expect(buildCdceCommand(registry)).not.toHaveProperty("contexts");
    const global = buildRegistrationBody(registry, { scope: "global" }) as unknown as { type: number; contexts: number[] }[];
    for (const c of global) expect(c.contexts).toEqual(c.type === 1 ? [0, 1] : [0]);
  });

  it("rejects names Discord would refuse", () => {
    expect(() => buildCdceCommand(new CommandRegistry([cmd("essai", { options: { Majuscule: text({ help: { fr: "x" } }) } })]))).toThrow(/not a valid Discord/);
  });

  it("counts each field at its longest localization", () => {
    const huge = commandProblems({
      name: "cdce",
      description: "d",
      options: Array.from({ length: 25 }, (_, i) => ({ name: `o${i}`, description: "x".repeat(50), description_localizations: { de: "y".repeat(100) }, choices: Array.from({ length: 25 }, (_, k) => ({ name: "n".repeat(5), value: `v${k}`.padEnd(10, "v") })) })),
    });
    // "cdce" + "d" (5), 25 option names (65), 25 German descriptions (2,500), 625 choices of 5 + 10 (9,375): 11,945.
    expect(huge.join("\n")).toMatch(/11945 characters \(max 8000\)/);
  });
});
