/**
 * Thousands of random inputs through the real dispatcher: it must always answer with a
 * well-formed reply, never crash, and never leak an internal message.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestApp, type TestApp } from "../helpers/test-app.js";
import { captureLogger } from "../helpers/capture-logger.js";
import { textOf } from "../helpers/run.js";
import type { Locale, Reply } from "../../src/core/types.js";
import { KitCatalog } from "../../src/features/kits/service.js";
import { prepareUser, run } from "../helpers/run.js";
import { hostileCases, type HostileClass } from "../helpers/hostile-inputs.js";
import { hostileProblems } from "../helpers/hostile-checks.js";

/** Mulberry32: a tiny seeded PRNG so failures replay. */
function prng(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = [
  "kit", "kit ajouter", "aide", "langue", "config canal", "jeunes", "élu·es", "page:", "public:", "theme:", "langue:", "format:",
  "'; DROP TABLE Kit; --", "\" OR 1=1 --", "<script>alert(1)</script>", "🎉🌍☕", "\u0000", "\u202e", "\\", "%s%n", "${process.env}",
  "{count}", "{", "}", "**", "[x](javascript:alert(1))", "page:-1", "page:1e9", "page:NaN", ":", "::", "titre:\"", "«", "»", "\n", "\t",
  "ääääää", "ß", "ĳ", "日本語", "العربية", "a".repeat(300),
];

function randomLine(rand: () => number): string {
  const kind = rand();
  if (kind < 0.05) return Array.from({ length: 2000 }, () => String.fromCharCode(32 + Math.floor(rand() * 0x2fff))).join("");
  if (kind < 0.1) return Array.from({ length: Math.floor(rand() * 50) }, () => String.fromCodePoint(Math.floor(rand() * 0x10ffff))).join("");
  const n = 1 + Math.floor(rand() * 6);
  return Array.from({ length: n }, () => PIECES[Math.floor(rand() * PIECES.length)]! + (rand() < 0.3 ? String(Math.floor(rand() * 1000)) : "")).join(rand() < 0.8 ? " " : "");
}

function wellFormed(r: Reply) {
  expect(Array.isArray(r.blocks)).toBe(true);
  expect(r.blocks.length).toBeGreaterThan(0);
  expect(["fr", "de", "nl", "en"]).toContain(r.locale);
  const t = textOf(r);
  expect(t.length).toBeGreaterThan(0);
  expect(t).not.toMatch(/\n\s+at .+:\d+:\d+/); // no stack trace
  expect(t).not.toMatch(/Prisma|SQLITE|TypeError|ReferenceError|undefined is not/);
}

let app: TestApp;
const log = captureLogger();
beforeAll(async () => {
  app = await createTestApp({ logger: log });
});
afterAll(async () => {
  await app?.close();
});

describe("random input", () => {
  it("never crashes on 2,000 random lines (free text)", async () => {
    const rand = prng(20261129);
    for (let i = 0; i < 2000; i++) {
      const line = randomLine(rand);
      const r = await app.dispatcher.handle({ platform: "terminal", workspaceId: "W", userId: `fuzz${i % 5}`, text: line, platformLocale: ["fr", "de", "nl", "en", "xx"][i % 5] });
      wellFormed(r);
    }
    expect(log.entries.filter((e) => e.level === "error")).toEqual([]);
  }, 180_000);

  it("never crashes on 600 random structured invocations", async () => {
    const rand = prng(42);
    const names = ["kit", "kit-ajouter", "aide", "langue", "config canal", "nope", ""];
    const values = [undefined, null, "", 0, -1, 1.5, 1e308, "jeunes", ["a", 1], { x: 1 }, true, "x".repeat(5000), "🎉"];
    for (let i = 0; i < 600; i++) {
      const options: Record<string, unknown> = {};
      for (const key of ["mots", "public", "page", "langue", "code", "titre", "resume", "usage", "commune", "zzz"]) {
        if (rand() < 0.4) options[key] = values[Math.floor(rand() * values.length)];
      }
      const r = await app.dispatcher.handle({
        platform: "discord",
        workspaceId: "G",
        userId: "fuzzer",
        structured: { name: names[Math.floor(rand() * names.length)]!, options },
      });
      wellFormed(r);
    }
    expect(log.entries.filter((e) => e.level === "error")).toEqual([]);
  }, 120_000);

  it("turns an unexpected failure into a polite message and logs it with context", async () => {
    // On the class: each command sees the catalogue through its own unit of work's view.
    const spy = vi.spyOn(KitCatalog.prototype, "search").mockImplementation(() => {
      throw new Error("secret internal detail");
    });
    try {
      const r = await app.dispatcher.handle({ platform: "terminal", workspaceId: "W", userId: "u", text: "kit jeunes" });
      expect(textOf(r)).toContain("Quelque chose s’est mal passé");
      expect(textOf(r)).not.toContain("secret internal detail");
      const logged = log.entries.find((e) => e.level === "error");
      expect(logged?.obj).toMatchObject({ command: "kit", platform: "terminal" });
    } finally {
      spy.mockRestore();
    }
  });
});

describe("hostile classes, generated from the command registry", () => {
  // One person who is coordination and CoPil of Namur reaches every command's deep paths.
  const HOSTILE = { user: "hostile", platform: "slack" } as const;
  const prepare = async () => {
    await prepareUser(app, { ...HOSTILE, role: "coordination" });
    await prepareUser(app, { ...HOSTILE, role: "copil", commune: "Namur" });
  };

  it("answers every case in the user's language, never with the generic error; counts per class", async () => {
    // Errors logged by this test only (the one above logs a crash on purpose).
    const logged = log.entries.length;
    await prepare();
    // Something in every list, so that lookups run over real rows.
    for (const line of [
      'webinaire planifier titre:"Charte" theme:gouvernance debut:"12/03 14h" capacite:20',
      'evenement creer type:stand titre:"Stand" debut:"12/03 9h-13h" lieu:"Place" creneaux:"9h-11h x2"',
      "idee Un stand au marché de Noël",
      'initiative titre:"Petit-déjeuner" description:"Au marché, avec les écoles" type:petit-dejeuner',
      "outils declarer Canva categorie:design",
      'sondage "Quel jour ?" "Lundi" "Mardi"',
    ]) await run(app, line, HOSTILE);
    const counts = new Map<HostileClass, { cases: number; failed: number }>();
    const failures: string[] = [];
    for (const c of hostileCases(app.dispatcher.registry.all())) {
      const r = await app.dispatcher.handle({ platform: "slack", workspaceId: "W1", userId: HOSTILE.user, userName: HOSTILE.user, ...c.input });
      const problems = hostileProblems(c, r);
      const count = counts.get(c.cls) ?? { cases: 0, failed: 0 };
      count.cases++;
      if (problems.length) {
        count.failed++;
        if (failures.length < 40) failures.push(`[${c.cls}] ${JSON.stringify(c.shown)}: ${problems.join("; ")}`);
      }
      counts.set(c.cls, count);
      // Erasing oneself or changing roles must not leave the rest of the run without rights.
      if (c.command && ["moi supprimer", "role"].includes(c.command.name)) await prepare();
    }
    console.table([...counts].map(([cls, n]) => ({ class: cls, cases: n.cases, failed: n.failed })));
    expect(failures).toEqual([]);
    expect([...counts.keys()].sort()).toEqual(["bidi", "far dates", "hex and exponent numbers", "lone surrogates", "masked links", "prototype keys"]);
    expect(log.entries.slice(logged).filter((e) => e.level === "error").map((e) => e.msg)).toEqual([]);
  }, 900_000);
});

describe("hostile class: past relative days, in the four languages", () => {
  // Each of these was once planned a year ahead ("hier 10h" on 29 November became 28 November
  // of the next year): every date-taking command must refuse them as past, in the person's language.
  const PAST_DAYS: [Locale, string][] = [
    ["fr", "hier 10h-11h"], ["fr", "avant-hier 9h-10h"], ["fr", "lundi dernier 14h-15h"], ["fr", "il y a 3 jours 10h-11h"],
    ["de", "gestern 10-11 Uhr"], ["de", "letzten Montag 14-15 Uhr"], ["de", "vor 3 Tagen 10-11 Uhr"],
    ["nl", "gisteren 10u-11u"], ["nl", "vorige maandag 14u-15u"], ["nl", "3 dagen geleden 10u-11u"],
    ["en", "yesterday 10am-11am"], ["en", "last Monday 2pm-3pm"], ["en", "3 days ago 10am-11am"],
  ];
  const PAST_WORDS: Record<Locale, string> = { fr: "déjà passé", de: "Vergangenheit", nl: "al voorbij", en: "already past" };
  const COMMANDS: Record<string, string> = {
    "webinaire planifier": 'titre:"Hier" theme:gouvernance',
    "evenement creer": 'type:stand titre:"Hier" lieu:"Place"',
  };

  it("refuses every one as past on every command that plans, and plans nothing", async () => {
    const counts: { command: string; cases: number; refusedAsPast: number }[] = [];
    const failures: string[] = [];
    for (const [command, options] of Object.entries(COMMANDS)) {
      let refused = 0;
      for (const [locale, when] of PAST_DAYS) {
        const as = { user: `past-${locale}`, platform: "slack" as const, locale };
        await prepareUser(app, { ...as, role: "coordination" });
        await prepareUser(app, { ...as, role: "copil", commune: "Namur" });
        const text = textOf(await run(app, `${command} ${options} debut:"${when}"`, as));
        if (text.includes(PAST_WORDS[locale]) && !/code `[a-z0-9]{5}`/i.test(text)) refused++;
        else failures.push(`${command} debut:"${when}" (${locale}): ${text.slice(0, 160)}`);
      }
      counts.push({ command, cases: PAST_DAYS.length, refusedAsPast: refused });
    }
    console.table(counts);
    expect(failures).toEqual([]);
  }, 300_000);
});
