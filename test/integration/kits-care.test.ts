/**
 * The kit catalogue kept by coordination and read honestly, end to end over SQLite: material
 * in the reader's language (`langue:`, the caller's commune as default profile), links flagged
 * until checked, edits, withdrawals and their history, look-alikes refused, the monthly list of
 * broken links to coordination.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../helpers/test-app.js";
import { kitIds, run, textOf, type As } from "../helpers/run.js";
import { readerProfile } from "../../src/features/kits/reader-profile.js";
import { sendBrokenLinks } from "../../src/features/kits/broken-links-notice.js";
import type { Reply } from "../../src/core/types.js";

let app: TestApp;
const NOW = new Date("2027-03-10T09:00:00Z");
const COORD: As = { user: "coord", role: "coordination" };
const GERMAN: As = { user: "leser", locale: "de-DE" };
const RAEREN: As = { user: "raeren-vol", locale: "de-DE", role: "benevole", commune: "Raeren" };

beforeAll(async () => {
  app = await createTestApp({ now: NOW });
});
afterAll(async () => {
  await app?.close();
});

const kit = async (id: string) => (await app.services.kits.get(id))!;

/** Every kit id of a search, page after page. */
async function allPages(line: string, as: As): Promise<{ ids: string[]; first: Reply }> {
  const first = await run(app, line, as);
  const pages = Number(/\/(\d+)\)/.exec(first.blocks[0]?.type === "header" ? first.blocks[0].text : "")?.[1] ?? 1);
  const ids = kitIds(first);
  for (let p = 2; p <= pages; p++) ids.push(...kitIds(await run(app, `${line} page:${p}`, as)));
  return { ids, first };
}

describe("material in the reader's language", () => {
  it("`kit jeunes langue:de` in German lists only kits that exist in German, and says how many", async () => {
    const { ids, first } = await allPages("kit jeunes langue:de", GERMAN);
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect((await kit(id)).languages).toContain("de");
    expect(textOf(first)).toContain(`${ids.length} ${ids.length === 1 ? "Kit" : "Kits"} gefunden`);
    // Every language: more kits, so the filter did leave some out.
    const every = await allPages("kit jeunes langue:toutes", GERMAN);
    expect(every.ids.length).toBeGreaterThan(ids.length);
    expect(every.ids.slice(0, ids.length).sort()).toEqual([...ids].sort());
  });

  it("by default a German reader sees German material, and how many kits exist only in other languages, with a button", async () => {
    const r = await run(app, "kit jeunes", GERMAN);
    for (const id of kitIds(r)) expect((await kit(id)).languages).toContain("de");
    const t = textOf(r);
    const more = /(\d+) weitere Kits? gibt es nur in anderen Sprachen/.exec(t);
    expect(more).not.toBeNull();
    const every = await allPages("kit jeunes langue:toutes", GERMAN);
    const german = (await allPages("kit jeunes langue:de", GERMAN)).ids.length;
    expect(Number(more![1])).toBe(every.ids.length - german);
    expect(t).toContain("(kit jeunes langue:toutes)");
  });

  it("Raeren's default profile is rural and German", async () => {
    const raeren = (await app.services.repos.communes.findByName("Raeren"))!;
    expect(readerProfile(raeren, "de")).toMatchObject({ profile: "rural", language: "de", preferredLanguages: ["de"] });
    // A French-speaking volunteer there: their own language first, the commune's too.
    expect(readerProfile(raeren, "fr").preferredLanguages).toEqual(["fr", "de"]);
    expect(readerProfile(null, "nl")).toEqual({ commune: null, preferredLanguages: ["nl"] });
  });

  it("from Raeren, `kit kommunikation` ranks rural kits in German first and says so; options override it", async () => {
    const r = await run(app, "kit kommunikation", RAEREN);
    expect(textOf(r)).toMatch(/Für Raeren: ländlich/);
    const ids = kitIds(r);
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect((await kit(id)).languages).toContain("de");
    const first = await kit(ids[0]!);
    expect(first.profiles.length === 0 || first.profiles.includes("rural")).toBe(true);
    // Without a commune the same reader gets no profile line, and an urban kit may come first.
    expect(textOf(await run(app, "kit kommunikation", GERMAN))).not.toMatch(/Für /);
    // profil: overrides the commune's profile.
    expect(textOf(await run(app, "kit kommunikation profil:urbain", RAEREN))).toMatch(/Für Raeren: städtisch/);
  });
});

describe("honest links", () => {
  it("flags links nobody checked, and broken ones; says nothing of working ones", async () => {
    const before = textOf(await run(app, "kit affiches maisons de jeunes"));
    expect(before).toContain("lien à vérifier");
    const affiches = await kit("kit-jeunes-affiches");
    await app.services.repos.kits.recordLinkChecks(affiches.id, { [affiches.links[0]!]: { status: "broken", at: NOW, reason: "404" } });
    await app.services.kits.reload();
    const broken = textOf(await run(app, "kit affiches maisons de jeunes", { user: "other" }));
    expect(broken).toMatch(/kit-jeunes-affiches.*lien cassé/);
    expect(textOf(await run(app, "kit jugend plakat", GERMAN))).toMatch(/kit-jeunes-affiches.*Link defekt/);
    await app.services.repos.kits.recordLinkChecks(affiches.id, { [affiches.links[0]!]: { status: "working", at: NOW } });
    await app.services.kits.reload();
    const working = textOf(await run(app, "kit affiches maisons de jeunes", { user: "third" }));
    expect(working).not.toMatch(/kit-jeunes-affiches[^\n]*(lien cassé|lien à vérifier)/);
  });

  it("sends coordination the month's broken links once", async () => {
    await app.services.repos.channels.link({ platform: "slack", workspaceId: "T1", channelId: "C-COORD", purpose: "coordination", communeId: null });
    const videos = await kit("kit-jeunes-videos-courtes");
    await app.services.repos.kits.recordLinkChecks(videos.id, { [videos.links[0]!]: { status: "broken", at: NOW, reason: "timeout" } });
    expect(await sendBrokenLinks(app.services, NOW)).toBe(1);
    await sendBrokenLinks(app.services, NOW);
    const rows = (await app.services.outbox.list(["pending", "sending", "sent"], 1000)).filter((r) => r.key.startsWith("kits:broken-links:"));
    expect(rows.map((r) => r.key)).toEqual(["kits:broken-links:2027-03|slack:T1:C-COORD"]);
    expect(JSON.stringify(rows[0])).toContain(videos.links[0]!);
  });
});

describe("kits kept by coordination", () => {
  it("kit modifier with the id alone opens a form filled with the kit", async () => {
    const r = await run(app, "kit modifier kit-jeunes-affiches", COORD);
    const values = Object.fromEntries((r.form?.fields ?? []).map((f) => [f.name, f.value]));
    expect(values).toMatchObject({ id: "kit-jeunes-affiches", langues: "fr, de", lien: "https://cdce.be/outils/kit-jeunes-affiches" });
    expect(values.titre).toContain("Notre génération est équitable");
    expect(r.form?.submitCommand).toBe("kit modifier");
  });

  it("edits a seeded kit, search follows, and the history says who and what", async () => {
    expect(kitIds(await run(app, "kit jeunes langue:de", GERMAN))).not.toContain("kit-jeunes-videos-courtes");
    const r = await run(app, "kit modifier kit-jeunes-videos-courtes langues:fr,nl,de", COORD);
    expect(textOf(r)).toContain("languages");
    expect((await allPages("kit jeunes langue:de", GERMAN)).ids).toContain("kit-jeunes-videos-courtes");
    expect(textOf(await run(app, "kit modifier kit-jeunes-videos-courtes langues:fr,nl,de", COORD))).toContain("Rien à changer");
    const history = textOf(await run(app, "kit historique kit-jeunes-videos-courtes", COORD));
    expect(history).toMatch(/modifié par coord \(languages\)/);
  });

  it("refuses a link that is not https", async () => {
    const r = await run(app, "kit modifier kit-jeunes-affiches lien:http://example.org/x", COORD);
    expect(r.fieldErrors?.lien).toContain("https://");
  });

  it("kit retirer takes the kit out of search, keeps its history, and it can no longer be edited", async () => {
    expect(kitIds(await run(app, "kit quiz"))).toContain("quiz-commerce-equitable");
    expect(textOf(await run(app, "kit retirer quiz-commerce-equitable", COORD))).toContain("retiré");
    expect(kitIds(await run(app, "kit quiz", { user: "after" }))).not.toContain("quiz-commerce-equitable");
    expect(textOf(await run(app, "kit retirer quiz-commerce-equitable", COORD))).toContain("déjà retiré");
    expect(textOf(await run(app, "kit historique quiz-commerce-equitable", COORD))).toMatch(/retiré par coord/);
    expect(textOf(await run(app, "kit modifier quiz-commerce-equitable titre:X", COORD))).toContain("ne peut plus être modifié");
  });

  it("an unknown id gets a clear answer", async () => {
    expect(textOf(await run(app, "kit modifier pas-un-kit titre:X", COORD))).toContain("Je ne trouve pas de kit « pas-un-kit »");
  });

  it("kit ajouter with a close title (accents, case, punctuation aside) adds nothing and offers to edit that kit", async () => {
    const before = await app.services.repos.kits.count();
    const r = await run(app, 'kit ajouter titre:"videos courtes pour les JEUNES : TikTok & Reels" resume:"x" public:jeunes', COORD);
    expect(textOf(r)).toContain("`kit-jeunes-videos-courtes`");
    const buttons = r.blocks.flatMap((b) => (b.type === "actions" ? b.buttons : []));
    expect(buttons.map((b) => b.command)).toContain("kit modifier kit-jeunes-videos-courtes");
    expect(await app.services.repos.kits.count()).toBe(before);
    // "Add anyway" adds it, under an id of its own.
    const anyway = buttons.find((b) => b.command.includes("doublon:oui"))!;
    expect(textOf(await run(app, anyway.command, COORD))).toContain("ajouté");
    expect(await app.services.repos.kits.count()).toBe(before + 1);
  });

  it("kit ajouter with the same link as a kit adds nothing; a different kit is added, with its history", async () => {
    const same = await run(app, 'kit ajouter titre:"Un tout autre titre" resume:"x" public:elus lien:https://www.cdce.be/outils/kit-jeunes-affiches/', COORD);
    expect(textOf(same)).toContain("`kit-jeunes-affiches`) a le même lien");
    const ok = await run(app, 'kit ajouter titre:"Carnet de route des stands d’hiver" resume:"x" public:benevoles', COORD);
    expect(textOf(ok)).toContain("carnet-de-route-des-stands-d-hiver");
    expect(textOf(await run(app, "kit historique carnet-de-route-des-stands-d-hiver", COORD))).toMatch(/ajouté par coord/);
  });
});
