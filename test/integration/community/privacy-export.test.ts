/**
 * `/cdce moi export` gives back every row the database keeps about the person: the tables
 * are found by walking Prisma's model metadata for relations to Person (not from a list
 * kept by hand), and the person is given rows in each, with full texts, through the
 * commands where a command writes them.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../helpers/test-app.js";
import { run, textOf, type As } from "../../helpers/run.js";
import { codeOf, COORD } from "../../helpers/events.js";
import { openDatabase, type Database } from "../../../src/data/database.js";
import { PERSON_LINKS, PERSON_LINKS_APART } from "../../../src/data/repositories/privacy-links.js";
import { keepReplyFiles } from "../../../src/platforms/terminal/files.js";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const ZOE: As = { user: "U0ZOE", role: "copil", commune: "Namur", platform: "slack" };
const LONG = "Un stand de chocolat chaud devant la maison communale, avec les élèves de 5e primaire. ".repeat(4).trim();

let app: TestApp;
let db: Database;

type ModelMeta = { fields: Array<{ name: string; kind: string; type: string }> };

/** The generated client's model metadata (fields, their kind and type, relations included). */
function modelMetadata(): Record<string, ModelMeta> {
  return (db.prisma as unknown as { _runtimeDataModel: { models: Record<string, ModelMeta> } })._runtimeDataModel.models;
}

/** Models that point at Person, read from the client's own model metadata. */
function modelsRelatedToPerson(): string[] {
  const models = modelMetadata();
  return Object.entries(models)
    .filter(([name, model]) => name !== "Person" && model.fields.some((f) => f.kind === "object" && f.type === "Person"))
    .map(([name]) => name)
    .sort();
}

beforeAll(async () => {
  app = await createTestApp({ now: new Date("2026-09-01T08:00:00Z"), publicUrl: "https://cdce.example.be" });
  db = await openDatabase({ url: app.databaseUrl });
});
afterAll(async () => {
  await db?.close();
  await app?.close();
});

describe("personal data export", () => {
  it("names every table that points at Person in the schema", () => {
    const exported = [...PERSON_LINKS, ...PERSON_LINKS_APART];
    const missing = modelsRelatedToPerson().filter((model) => !exported.some((l) => l.model === model));
    expect(modelsRelatedToPerson().length).toBeGreaterThanOrEqual(14);
    expect(missing).toEqual([]);
    // Each declared column exists on its model.
    for (const link of exported) {
      const model = modelMetadata()[link.model];
      expect(model?.fields.some((f) => f.name === link.field && f.kind === "scalar"), `${link.model}.${link.field}`).toBe(true);
    }
  });

  it("holds every row linked to the person, with the full texts they wrote", async () => {
    const code = codeOf(textOf(await run(app, 'webinaire planifier titre:"Gouvernance du CoPil" theme:gouvernance debut:"03/12/2026 19h"', COORD)));
    await run(app, `webinaire rejoindre ${code}`, ZOE);
    await run(app, "rappels 3j 2h", ZOE);
    await run(app, "agenda lien", ZOE);
    await run(app, `initiative titre:"Stand de Zoé" description:"${LONG}" type:stand`, ZOE);
    await run(app, 'retour contexte:"Stand au marché de Noël" reussi:"Le chocolat chaud équitable" eviter:"La pluie" conseils:"Une tente"', ZOE);
    await run(app, "idee Un atelier cacao à l’école", ZOE);
    await run(app, 'sondage "Zoé demande : stand ou atelier ?" "Stand" "Atelier"', ZOE);
    await run(app, "outils declarer Canva categorie:design", ZOE);
    const local = await run(app, 'evenement creer type:stand titre:"Stand de la Saint-Nicolas" debut:"05/12/2026 9h-13h" lieu:"Place d’Armes"', ZOE);
    expect(textOf(local)).toContain("Stand de la Saint-Nicolas");
    const exportedOnce = JSON.parse(String((await run(app, "moi export", ZOE)).files![0]!.data)) as Record<string, unknown[]>;
    const personId = (exportedOnce.person as unknown as { id: string }).id;
    // Another's poll to vote in and initiative to follow; a seat in the roster: written by others.
    const otherPoll = /`([a-z0-9]{4,})`/.exec(textOf(await run(app, 'sondage "Quel mois ?" "Mai" "Juin"', COORD)))![1]!;
    await run(app, `sondage voter ${otherPoll} 2`, ZOE);
    const other = /`([a-z0-9]{4,})`/.exec(textOf(await run(app, 'initiative titre:"Marché équitable" description:"Au centre" type:marche', { user: "U0AUTHOR", role: "copil", commune: "Namur", platform: "slack" })))![1]!;
    await run(app, `initiative aussi ${other}`, ZOE);
    const namur = (await app.services.repos.communes.findByName("Namur"))!;
    await db.prisma.copilMember.create({ data: { communeId: namur.id, name: "Zoé", kind: "citizen", personId, since: new Date("2026-01-01T00:00:00Z") } });

    const file = (await run(app, "moi export", ZOE)).files![0]!;
    const json = JSON.parse(String(file.data)) as Record<string, Array<Record<string, unknown>>>;
    const empty = [...PERSON_LINKS, ...PERSON_LINKS_APART].map((l) => l.key).filter((key) => !Array.isArray(json[key]) || json[key]!.length === 0);
    expect(empty).toEqual([]);
    // When the calendar address was given, not even the hash of its token.
    expect(Object.keys(json.calendarFeed![0]!).sort()).toEqual(["issuedAt", "personId"]);
    // Full texts, not titles only.
    expect(json.initiatives![0]).toMatchObject({ title: "Stand de Zoé", description: LONG });
    expect(json.sheets![0]).toMatchObject({ context: "Stand au marché de Noël", worked: "Le chocolat chaud équitable", avoid: "La pluie", tips: "Une tente" });
    expect(JSON.parse(String(json.polls![0]!.choices))).toEqual(["Stand", "Atelier"]);
    expect(json.registrations![0]).toMatchObject({ status: "going" });
    expect(JSON.parse(String(json.reminderPreferences![0]!.offsets))).toEqual(["3d", "2h"]);
    expect(json.eventsCreated!.map((e) => e.title)).toContain("Stand de la Saint-Nicolas");
    expect(json.copilSeats![0]).toMatchObject({ name: "Zoé", kind: "citizen" });
    // Nothing of another person: every row names her.
    for (const link of PERSON_LINKS) for (const row of json[link.key]!) expect(row[link.field], `${link.key}`).toBe(personId);
    // The summary counts what the export holds.
    expect(textOf(await run(app, "moi", ZOE))).toContain("1 inscription(s)");
  });

  it("deletes the files the terminal wrote for a person when they erase their data, and no one else's", async () => {
    const dir = mkdtempSync(join(tmpdir(), "cdce-exports-"));
    try {
      const lea: As = { user: "lea", platform: "terminal" };
      const max: As = { user: "max", platform: "terminal" };
      const [leaFile] = await keepReplyFiles(await run(app, "moi export", lea), "lea", dir);
      const [maxFile] = await keepReplyFiles(await run(app, "moi export", max), "max", dir);
      expect(leaFile).toContain(join(dir, "lea"));
      expect(readdirSync(join(dir, "lea"))).toHaveLength(1);
      const erased = await run(app, "moi supprimer confirmer:oui", lea);
      expect(await keepReplyFiles(erased, "lea", dir)).toEqual([]);
      expect(existsSync(join(dir, "lea"))).toBe(false);
      expect(existsSync(maxFile!.replace(/^📎 /, ""))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
