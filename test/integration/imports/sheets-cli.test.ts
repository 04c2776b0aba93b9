/**
 * `npm run export` and `npm run import` over a seeded SQLite app: exporting then importing
 * the same file reports no change (CSV and XLSX, kits and communes); a broken line is
 * reported by line and column, nothing is written and the exit code is 1; a changed cell is
 * reported field by field and written only with --apply; today's kits.json reads as it did.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { createTestApp, type TestApp } from "../../helpers/test-app.js";
import { exportCli, importCli } from "../../../src/data/sheets-cli.js";
import { KIT_COLUMNS } from "../../../src/features/imports/index.js";
import { startChild } from "../../helpers/child.js";

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (s: string) => void out.push(s), err: (s: string) => void err.push(s) }, text: () => out.join(""), errors: () => err.join("") };
}

describe("spreadsheets in and out (CLI)", () => {
  let app: TestApp;
  let dir: string;
  const now = new Date("2026-11-29T10:00:00Z");
  beforeAll(async () => {
    app = await createTestApp({ now });
    dir = mkdtempSync(join(tmpdir(), "cdce-sheets-"));
  });
  afterAll(async () => {
    await app?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  const repos = () => app.services.repos;

  for (const table of ["kits", "communes"] as const) {
    for (const ext of ["csv", "xlsx"] as const) {
      it(`${table}.${ext}: export then import reports no change and writes nothing`, async () => {
        const file = join(dir, `${table}-roundtrip.${ext}`);
        const exported = capture();
        expect(await exportCli([table, file], repos(), exported.io)).toBe(0);
        const count = table === "kits" ? await repos().kits.count() : (await repos().communes.list()).length;
        expect(count).toBeGreaterThan(30);
        expect(exported.text()).toContain(`${table}: ${count}`);
        const before = JSON.stringify(table === "kits" ? await repos().kits.all() : await repos().communes.list());
        const report = capture();
        expect(await importCli([file], repos(), report.io, now)).toBe(0);
        expect(report.text()).toContain(`${count} lignes lues`);
        expect(report.text()).toContain(`À créer : 0 · à modifier : 0 · inchangées : ${count} · erreurs : 0`);
        expect(report.text()).toContain("Aucun changement");
        const after = JSON.stringify(table === "kits" ? await repos().kits.all() : await repos().communes.list());
        expect(after).toBe(before);
      });
    }
  }

  it("the kits CSV has one column per field and per language, lists joined by ';'", async () => {
    const file = join(dir, "kits-columns.csv");
    await exportCli(["kits", file], repos(), capture().io);
    const text = readFileSync(file, "utf8");
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.slice(1).split("\r\n")[0]).toBe(KIT_COLUMNS.join(","));
    expect(text).toContain('kit-jeunes-videos-courtes,"Vidéos courtes pour les jeunes (TikTok, Reels)","Kurzvideos für Jugendliche (TikTok, Reels)"');
    expect(text).toContain("jeunes; ambassadeurs");
  });

  it("a broken line in a CSV: reported by line and column in French, nothing written, exit code 1", async () => {
    const file = join(dir, "kits-broken.csv");
    await exportCli(["kits", file], repos(), capture().io);
    const lines = readFileSync(file, "utf8").split("\r\n");
    // Line 4 of the file: an unknown audience and an empty French title; line 6: a new kit that would be created.
    const cells = (line: string) => line.split(",");
    const header = cells(lines[0]!.replace(/^\ufeff/, ""));
    const broken = lines[3]!.replace(/^([a-z0-9-]+),"[^"]*"|^([a-z0-9-]+),[^,]*/, "$1$2,");
    expect(broken).not.toBe(lines[3]);
    lines[3] = broken.replace(/(,"?)(jeunes|elus|copil|benevoles|ambassadeurs|agents|citoyens|commercants|ecoles|associations|coordination)(?=[;",])/, "$1martiens");
    const newKit = Object.fromEntries(header.map((h) => [h, ""]));
    Object.assign(newKit, { id: "kit-tout-neuf", title_fr: "Tout neuf", summary_fr: "Un kit de plus", audiences: "jeunes", themes: "communication", format: "affiche", languages: "fr" });
    lines.splice(5, 0, header.map((h) => newKit[h]).join(","));
    writeFileSync(file, lines.join("\r\n"));
    const before = JSON.stringify(await repos().kits.all());
    const report = capture();
    expect(await importCli([file, "--apply"], repos(), report.io, now)).toBe(1);
    const text = report.text();
    expect(text).toContain("Ligne 4, colonne B (title_fr) : ne doit pas être vide");
    expect(text).toMatch(/Ligne 4, colonne \w+ \(audiences\) : « martiens » n’est pas une valeur admise \(jeunes, /);
    expect(text).toContain("Nouveau : `kit-tout-neuf` (ligne 6)");
    expect(text).toContain("Rien n’est écrit");
    expect(JSON.stringify(await repos().kits.all())).toBe(before);
    expect(await repos().kits.get("kit-tout-neuf")).toBeNull();

    // The same through the real `npm run import` entry point: its exit code is 1.
    const child = startChild("src/data/import-cli.ts", { DATABASE_URL: app.databaseUrl, LOG_LEVEL: "error" }, [file, "--apply"]);
    expect(await child.exited).toBe(1);
    expect(child.stdout.join("\n")).toContain("Ligne 4, colonne B (title_fr) : ne doit pas être vide");
    expect(JSON.stringify(await repos().kits.all())).toBe(before);
  });

  it("a broken line in an XLSX: its row number and column letter; --lang en words it in English", async () => {
    const file = join(dir, "communes-broken.xlsx");
    await exportCli(["communes", file], repos(), capture().io);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.worksheets[0]!;
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    const profileColumn = headers.indexOf("profile") + 1;
    sheet.getRow(7).getCell(profileColumn).value = "metropole";
    await workbook.xlsx.writeFile(file);
    const report = capture();
    expect(await importCli([file, "--lang", "en", "--apply"], repos(), report.io, now)).toBe(1);
    const letter = String.fromCharCode(64 + profileColumn);
    expect(report.text()).toContain(`Line 7, column ${letter} (profile): “metropole” is not an accepted value (urbain, periurbain, rural)`);
    expect(report.text()).toContain("Nothing is written");
    expect((await repos().communes.list()).some((c) => (c.profile as string) === "metropole")).toBe(false);
  });

  it("a changed cell is shown field by field; the dry run writes nothing, --apply writes it", async () => {
    const file = join(dir, "kits-change.xlsx");
    await exportCli(["kits", file], repos(), capture().io);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.worksheets[0]!;
    const headers = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
    const id = String(sheet.getRow(2).getCell(1).value);
    const original = (await repos().kits.get(id))!;
    sheet.getRow(2).getCell(headers.indexOf("title_en") + 1).value = "A brand new English title";
    await workbook.xlsx.writeFile(file);

    const dry = capture();
    expect(await importCli([file], repos(), dry.io, now)).toBe(0);
    expect(dry.text()).toContain(`Modifié : \`${id}\` (ligne 2)`);
    expect(dry.text()).toContain(`title_en : « ${original.title.en} » → « A brand new English title »`);
    expect(dry.text()).toContain("Simulation : rien n’est écrit");
    expect((await repos().kits.get(id))!.title.en).toBe(original.title.en);

    const applied = capture();
    expect(await importCli([file, "--apply"], repos(), applied.io, now)).toBe(0);
    expect(applied.text()).toContain("Écrit : 1 entrée.");
    const after = (await repos().kits.get(id))!;
    expect(after.title.en).toBe("A brand new English title");
    expect(after.title.fr).toBe(original.title.fr);
    expect(after.updatedAt.toISOString()).toBe(now.toISOString());

    const again = capture();
    expect(await importCli([file], repos(), again.io, now)).toBe(0);
    expect(again.text()).toContain("Aucun changement");
  });

  it("today's kits.json reads as a table: no change against the seeded catalogue", async () => {
    const report = capture();
    expect(await importCli([join("src", "data", "seed", "kits.json")], repos(), report.io, now)).toBe(0);
    expect(report.text()).toMatch(/inchangées : \d+ · erreurs : 0/);
    // The kit changed by the test above differs from the file: only that one, field by field.
    expect(report.text()).toMatch(/à modifier : [01] /);
  });

  it("bad usage and an unreadable file are refused with a reason", async () => {
    const usage = capture();
    expect(await importCli([], repos(), usage.io, now)).toBe(2);
    expect(usage.errors()).toContain("usage");
    const file = join(dir, "kits-garbage.xlsx");
    writeFileSync(file, "this is not a workbook");
    const report = capture();
    expect(await importCli([file], repos(), report.io, now)).toBe(1);
    expect(report.text()).toContain("fichier illisible");
  });
});
