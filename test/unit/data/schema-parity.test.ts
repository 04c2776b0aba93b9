/**
 * The two Prisma schemas must describe the same models (only the datasource provider and
 * the generated client's folder differ), and each must match its last migration's snapshot:
 * a schema edited without `npm run db:migration` fails here.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "..", "..", "..");
const PROVIDERS = ["sqlite", "postgresql"] as const;

function schemaText(provider: string): string {
  return readFileSync(path.join(ROOT, "prisma", provider, "schema.prisma"), "utf8");
}

function migrationFolders(provider: string): string[] {
  const dir = path.join(ROOT, "prisma", provider, "migrations");
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

/** Comments and blank lines do not change the database. */
function datamodel(text: string): string {
  return text
    .split("\n")
    .map((line) => line.replace(/\s+$/, ""))
    .filter((line) => line.trim() !== "" && !line.trim().startsWith("//"))
    .join("\n");
}

describe("Prisma schemas", () => {
  it("are identical except the provider line and the output line", () => {
    const [sqlite, postgresql] = PROVIDERS.map(schemaText) as [string, string];
    expect(sqlite).toMatch(/^ {2}provider = "sqlite"$/m);
    expect(sqlite).toMatch(/^ {2}output\s+= "\.\.\/\.\.\/src\/generated\/sqlite"$/m);
    expect(postgresql).toMatch(/^ {2}provider = "postgresql"$/m);
    expect(postgresql).toMatch(/^ {2}output\s+= "\.\.\/\.\.\/src\/generated\/postgresql"$/m);

    const neutral = (text: string) =>
      text
        .replace(/^ {2}provider = "(sqlite|postgresql)"$/m, '  provider = "<provider>"')
        .replace(/^( {2}output\s+= "\.\.\/\.\.\/src\/generated\/)(sqlite|postgresql)"$/m, '$1<provider>"');
    const a = neutral(sqlite).split("\n");
    const b = neutral(postgresql).split("\n");
    expect(a.length).toBe(b.length);
    const differing = a.flatMap((line, i) => (line === b[i] ? [] : [`${i + 1}: ${line} <> ${b[i]}`]));
    expect(differing).toEqual([]);
  });

  it("generate the client without a native engine", () => {
    for (const provider of PROVIDERS) {
      const text = schemaText(provider);
      expect(text).toMatch(/provider\s+= "prisma-client"/);
      expect(text).toMatch(/engineType\s+= "client"/);
    }
  });

  it("have a model for every type of the ports, plus the outbox and the lease", () => {
    const models = [...schemaText("sqlite").matchAll(/^model (\w+) \{/gm)].map((m) => m[1]).sort();
    expect(models).toEqual(
      [
        "ActivityEvent",
        "ChannelLink",
        "Commune",
        "FomRecord",
        "Kit",
        // who changed a kit and when (kit historique)
        "KitChange",
        "Lease",
        "Membership",
        "OutboxMessage",
        "Person",
        "PlatformAccount",
        // issue 8: initiatives, sheets, polls, ideas, tools, settings
        "Initiative",
        "InitiativeFollow",
        "ExperienceSheet",
        "Poll",
        "PollVote",
        "Idea",
        "ToolUse",
        "NetworkSetting",
        // issue 6: webinars, trainings and local events, slots, RSVPs, reminder offsets
        "Event",
        "EventSlot",
        "Registration",
        "ReminderPreference",
        // issue 7: CoPil roster, momentum snapshots, prompts to communes, mentoring pairs
        "CopilMember",
        "MomentumSnapshot",
        "CommunePrompt",
        "Mentorship",
        // events mirrored on platform calendars (Discord scheduled events)
        "CalendarMirror",
        // private calendar feed addresses (only a hash of each token)
        "CalendarFeedToken",
      ].sort(),
    );
  });
});

describe("migrations", () => {
  it("have the same folders for both providers, each with its SQL and a schema snapshot", () => {
    const [sqlite, postgresql] = PROVIDERS.map(migrationFolders);
    expect(sqlite!.length).toBeGreaterThan(0);
    expect(postgresql).toEqual(sqlite);
    for (const provider of PROVIDERS) {
      for (const folder of migrationFolders(provider)) {
        expect(folder).toMatch(/^\d{14}_[a-z0-9_]+$/);
        for (const file of ["migration.sql", "schema.prisma"]) {
          expect(existsSync(path.join(ROOT, "prisma", provider, "migrations", folder, file)), `${provider}/${folder}/${file}`).toBe(true);
        }
      }
    }
  });

  it("are up to date with the schema (last snapshot = schema.prisma, comments aside)", () => {
    for (const provider of PROVIDERS) {
      const last = migrationFolders(provider).at(-1)!;
      const snapshot = readFileSync(path.join(ROOT, "prisma", provider, "migrations", last, "schema.prisma"), "utf8");
      expect(datamodel(schemaText(provider)), `${provider}: run npm run db:migration -- <name>`).toBe(datamodel(snapshot));
    }
  });
});
