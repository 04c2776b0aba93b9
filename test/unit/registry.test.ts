import { describe, expect, it } from "vitest";
import { CommandRegistry, defineCommand } from "../../src/core/commands.js";
import { message } from "../../src/core/reply.js";
import { createRegistry, COMMANDS } from "../../src/features/index.js";

const cmd = (name: string, aliases: string[] = []) =>
  defineCommand({ name, changesState: false, aliases, help: { fr: name }, usage: { fr: name }, options: {}, run: async ({ locale }) => message(locale, name) });

describe("command registry", () => {
  it("throws on a duplicate name or alias", () => {
    expect(() => new CommandRegistry([cmd("kit"), cmd("kit")])).toThrow(/duplicate command "kit"/);
    expect(() => new CommandRegistry([cmd("kit", ["aide"]), cmd("aide")])).toThrow(/duplicate/);
    expect(() => new CommandRegistry([cmd("Kit!")])).toThrow(/invalid command name/);
  });

  it("finds commands by name and alias, case-insensitively", () => {
    const r = new CommandRegistry([cmd("aide", ["help"]), cmd("kit ajouter")]);
    expect(r.get("HELP")?.name).toBe("aide");
    expect(r.get("kit ajouter")?.name).toBe("kit ajouter");
    expect(r.get("nope")).toBeUndefined();
  });

  it("builds the real registry, and every command has help and usage in the four languages", () => {
    const r = createRegistry();
    expect(r.all().length).toBe(COMMANDS.length);
    for (const def of r.all()) {
      for (const l of ["fr", "de", "nl", "en"] as const) {
        expect(def.help[l], `${def.name} help ${l}`).toBeTruthy();
        expect(def.usage[l], `${def.name} usage ${l}`).toBeTruthy();
      }
    }
  });
});
