/** Pure parts of the data layer: slugify, CSV, demo communes, FOM dates, URLs, migration plan. */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { checksumOf, planMigrations, type Migration } from "../../../src/data/migrate.js";
import {
  COMMUNE_FACTS,
  COMMUNES_CSV,
  demoCommunes,
  fomAnchor,
  nextFomDue,
  parseCsv,
} from "../../../src/data/seed/load-communes.js";
import { slugify } from "../../../src/core/slug.js";
import { parseDatabaseUrl } from "../../../src/data/url.js";

const NOW = new Date("2026-11-29T10:00:00Z");
const csv = readFileSync(fileURLToPath(COMMUNES_CSV), "utf8");
const facts: unknown = JSON.parse(readFileSync(fileURLToPath(COMMUNE_FACTS), "utf8"));

describe("slugify", () => {
  it.each([
    ["La Roche-en-Ardenne", "la-roche-en-ardenne"],
    ["Liège", "liege"],
    ["ÉCAUSSINNES", "ecaussinnes"],
    ["  Berchem-Sainte-Agathe  ", "berchem-sainte-agathe"],
    ["Neufchâteau", "neufchateau"],
    ["Bruxelles - Ville !", "bruxelles-ville"],
    ["Straße", "strasse"],
    ["Œuvre", "oeuvre"],
    ["---", ""],
  ])("%s -> %s", (input, slug) => {
    expect(slugify(input)).toBe(slug);
  });
});

describe("parseCsv", () => {
  it("reads quoted fields, doubled quotes and CRLF", () => {
    expect(parseCsv('a,b,c\r\n1,"x, ""y""",\r\n\r\n2,z,w')).toEqual([
      { a: "1", b: 'x, "y"', c: "" },
      { a: "2", b: "z", c: "w" },
    ]);
  });
});

describe("demo communes", () => {
  const entries = demoCommunes(csv, facts, NOW);

  it("are the 40 communes of the CSV, with unique slugs and the CSV's source kept", () => {
    expect(entries).toHaveLength(40);
    expect(new Set(entries.map((e) => e.commune.slug)).size).toBe(40);
    expect(csv.split("\n")[0]).toContain(",source");
  });

  it("speak French and Dutch in Brussels, German in Eupen and Raeren, French elsewhere", () => {
    for (const { commune } of entries) {
      const expected =
        commune.region === "Bruxelles-Capitale" ? ["fr", "nl"] : ["eupen", "raeren"].includes(commune.slug) ? ["de"] : ["fr"];
      expect(commune.languages, commune.slug).toEqual(expected);
    }
  });

  it("lie within Belgium's south, with valid profiles and bands", () => {
    for (const { commune } of entries) {
      expect(commune.latitude).toBeGreaterThan(49.4);
      expect(commune.latitude).toBeLessThan(51);
      expect(commune.longitude).toBeGreaterThan(2.5);
      expect(commune.longitude).toBeLessThan(6.5);
    }
    const liege = entries.find((e) => e.commune.slug === "liege")!.commune;
    expect(liege).toMatchObject({ name: "Liège", profile: "urbain", populationBand: "gt100k", province: "Liege" });
    expect(entries.find((e) => e.commune.slug === "bruxelles-ville")!.commune.province).toBeNull();
  });

  it("have a next FOM date after now, two-yearly from the titled date, the same on every run", () => {
    // A commune merged into another (Bertogne, per the file's note) has no renewal of its own.
    const merged = entries.filter((e) => e.merged).map((e) => e.commune.slug);
    expect(merged).toEqual(["bertogne"]);
    for (const { commune } of entries.filter((e) => !e.merged)) {
      const due = commune.fomDueOn!;
      expect(due.getTime(), commune.slug).toBeGreaterThan(NOW.getTime());
      expect(due.getTime() - NOW.getTime()).toBeLessThanOrEqual(2 * 366 * 86_400_000);
    }
    const eupen = entries.find((e) => e.commune.slug === "eupen")!;
    expect(eupen.commune.titledOn).toBe("2014-07-03");
    expect(eupen.commune.fomDueOn).toEqual(new Date("2028-07-03T00:00:00Z"));
    expect(eupen.fom).toEqual({ on: new Date("2024-06-01T00:00:00Z"), grade: "A" });
    expect(demoCommunes(csv, facts, NOW)).toEqual(entries);
    const unknown = entries.find((e) => e.commune.slug === "habay")!.commune;
    expect(unknown.titledOn).toBeNull();
    expect(unknown.fomDueOn).not.toBeNull();
  });

  it("fail loudly when the facts and the CSV disagree", () => {
    const broken = structuredClone(facts) as { communes: Record<string, { languages: string[] }> };
    broken.communes.eupen!.languages = ["fr"];
    expect(() => demoCommunes(csv, broken, NOW)).toThrow(/Languages of eupen disagree/);
    const missing = structuredClone(facts) as { communes: Record<string, unknown> };
    delete missing.communes.habay;
    expect(() => demoCommunes(csv, missing, NOW)).toThrow(/no entry for habay/);
  });
});

describe("FOM dates", () => {
  it("anchor on the known day, the month's first day, or a stable autumn day of the year", () => {
    expect(fomAnchor("2014-07-03", "eupen")).toEqual(new Date("2014-07-03T00:00:00Z"));
    expect(fomAnchor("2021-10", "liege")).toEqual(new Date("2021-10-01T00:00:00Z"));
    for (const titled of ["2023", "<=2019", ""]) {
      const a = fomAnchor(titled, "wavre");
      expect(a.getUTCFullYear()).toBe(titled === "" ? 2020 : Number(titled.replace("<=", "")));
      expect([8, 9, 10]).toContain(a.getUTCMonth());
      expect(fomAnchor(titled, "wavre")).toEqual(a);
    }
  });

  it("take the first two-yearly date strictly after now", () => {
    const anchor = new Date("2020-10-02T00:00:00Z");
    expect(nextFomDue(anchor, new Date("2020-10-02T00:00:00Z"))).toEqual(new Date("2022-10-02T00:00:00Z"));
    expect(nextFomDue(anchor, new Date("2024-10-02T00:00:00Z"))).toEqual(new Date("2026-10-02T00:00:00Z"));
    expect(nextFomDue(anchor, new Date("2024-10-01T23:59:59Z"))).toEqual(new Date("2024-10-02T00:00:00Z"));
  });
});

describe("parseDatabaseUrl", () => {
  it("reads SQLite file URLs relative to the folder the bot is installed in, whatever the working directory", () => {
    expect(parseDatabaseUrl("file:./data/cdce.db", "/srv/bot")).toEqual({ provider: "sqlite", file: "/srv/bot/data/cdce.db" });
    expect(parseDatabaseUrl("file:/tmp/x.db?connection_limit=1", "/srv")).toEqual({ provider: "sqlite", file: "/tmp/x.db" });
    expect(() => parseDatabaseUrl("file::memory:")).toThrow(/in memory/);
    const installed = fileURLToPath(new URL("../../../", import.meta.url)).replace(/\/$/, "");
    expect(parseDatabaseUrl("file:./data/cdce.db")).toEqual({ provider: "sqlite", file: `${installed}/data/cdce.db` });
  });

  it("reads PostgreSQL URLs and takes the schema out of them", () => {
    expect(parseDatabaseUrl("postgresql://u:p@db:5432/cdce?schema=cdce_x&sslmode=disable")).toEqual({
      provider: "postgresql",
      connectionString: "postgresql://u:p@db:5432/cdce?sslmode=disable",
      schema: "cdce_x",
    });
    expect(parseDatabaseUrl("postgres://db/cdce")).toMatchObject({ provider: "postgresql", schema: "public" });
    expect(() => parseDatabaseUrl("postgresql://db/cdce?schema=x;drop")).toThrow(/schema name/);
    expect(() => parseDatabaseUrl("mysql://db/cdce")).toThrow(/mysql:/);
  });
});

describe("planMigrations", () => {
  const m = (name: string, sql = `-- ${name}`): Migration => ({ name, sql, checksum: checksumOf(sql) });
  const row = (mig: Migration, over: Partial<{ checksum: string; finishedAt: Date | null; rolledBackAt: Date | null }> = {}) => ({
    name: mig.name,
    checksum: mig.checksum,
    finishedAt: NOW,
    rolledBackAt: null,
    ...over,
  });
  const [a, b, c] = [m("1_a"), m("2_b"), m("3_c")] as [Migration, Migration, Migration];

  it("returns the migrations not yet applied, in order, and the unknown ones", () => {
    expect(planMigrations([a, b, c], [row(a)])).toEqual({ pending: [b, c], unknown: [] });
    expect(planMigrations([a], [row(a), row(m("9_newer"))])).toEqual({ pending: [], unknown: ["9_newer"] });
    // A rolled-back attempt does not count as applied.
    expect(planMigrations([a], [row(a, { finishedAt: null, rolledBackAt: NOW })]).pending).toEqual([a]);
  });

  it("stops on an edited or a half-applied migration", () => {
    expect(() => planMigrations([a], [row(a, { checksum: checksumOf("other") })])).toThrow(
      expect.objectContaining({ code: "checksum_mismatch", migration: "1_a" }),
    );
    expect(() => planMigrations([a, b], [row(a), row(b, { finishedAt: null })])).toThrow(
      expect.objectContaining({ code: "failed_previously", migration: "2_b" }),
    );
  });

  it("computes Prisma's checksum: SHA-256 of the file", () => {
    expect(checksumOf("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  });
});
