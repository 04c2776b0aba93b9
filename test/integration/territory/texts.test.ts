/**
 * Ready-to-send texts through the dispatcher, on SQLite and PostgreSQL: for an initiative and
 * a local event, in the commune's language (French for Namur, German for Eupen), naming the
 * partners credited and the title with its date; every fact of the output is one read back
 * from the stored rows, and a record with facts missing leaves no dangling words.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appsOnEachDatabase, type TestApp } from "../../helpers/test-app.js";
import { run, textOf, type As } from "../../helpers/run.js";
import { refIn } from "../../helpers/community.js";
import { codeOf } from "../../helpers/events.js";
import type { Reply } from "../../../src/core/types.js";

const ANNE: As = { user: "anne", role: "copil", commune: "Namur", platform: "slack" };
const DIETER: As = { user: "dieter", role: "copil", commune: "Eupen", locale: "de", platform: "discord" };
const OUTSIDER: As = { user: "someone", role: "benevole", commune: "Eupen", platform: "slack" };

/** The texts of a reply: the code blocks, in order (press, social, web). */
function texts(r: Reply): string[] {
  return r.blocks.flatMap((b) => (b.type === "section" ? [...b.text.matchAll(/```\n([\s\S]*?)\n```/g)].map((m) => m[1]!) : []));
}

const DANGLING = /\b(avec|depuis|le|à|mit|seit|am|um|in)\s*([.,:;!)]|$)|\(\s*\)|«\s*»|„\s*“|\s[.,]|\s{2,}/im;

describe.each(await appsOnEachDatabase("territory texts"))("ready-to-send texts on %s", (_db, makeApp) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await makeApp();
  }, 120_000);
  afterAll(async () => {
    await app?.close();
  });

  it("writes an initiative's press release, post and web block from its stored facts, naming its partners and the title", async () => {
    const ref = refIn(textOf(await run(app, 'initiative titre:"Petit-déjeuner équitable" description:"120 personnes à l’école communale." type:petit-dejeuner date:2026-11-21 lieu:"Salle des fêtes" liens:https://example.org/photos', ANNE)));
    await run(app, `partenaires ajouter Oxfam Magasin du monde type:commerce initiative:${ref}`, ANNE);
    await run(app, `partenaires ajouter École Saint-Joseph type:ecole initiative:${ref}`, ANNE);
    const r = await run(app, `initiative textes ${ref}`, ANNE);
    const [press, social, web] = texts(r);
    expect([press, social, web].every(Boolean)).toBe(true);

    // Every fact in the texts is read back from the stored rows.
    const initiative = (await app.services.community.initiatives.findByPrefix(ref))[0]!;
    const namur = (await app.services.repos.communes.findByName("Namur"))!;
    const partners = (await app.services.community.partners.linkedTo({ kind: "initiative", id: initiative.id })).map((p) => p.name);
    expect(namur.titledOn).toBe("2022-07-19");
    expect(press).toContain(`COMMUNIQUÉ DE PRESSE — ${namur.name}`);
    expect(press).toContain(`${namur.name}, Commune du Commerce Équitable depuis le 19 juillet 2022, a mené l’action « ${initiative.title} » le 21 novembre 2026 (${initiative.place}).`);
    expect(press).toContain(initiative.description);
    expect(press).toContain(`Elle a été réalisée avec ${partners[0]} et ${partners[1]}, que la commune remercie.`);
    expect(press).toContain(`Plus d’informations : ${initiative.links[0]}`);
    expect(social).toContain(`Merci à ${partners[0]} et ${partners[1]} !`);
    expect(web).toContain(`### ${initiative.title}\n21 novembre 2026 · ${initiative.place}`);
    expect(web).toContain("Namur est Commune du Commerce Équitable depuis le 19 juillet 2022.");
    // Nothing else: every digit of the output belongs to a stored fact (no invented number or date).
    const stored = [initiative.title, initiative.description, initiative.place!, initiative.links[0]!, "21 novembre 2026", "19 juillet 2022", ...partners];
    for (const text of [press, social, web]) {
      let rest = text!;
      for (const fact of stored) rest = rest.split(fact).join("");
      expect(rest, rest).not.toMatch(/\d|https?:/);
    }
    // The kits that fit, found by the kit search, with their links; and the whole as a Markdown file.
    expect(textOf(r)).toMatch(/Kit utile : \[[^\]]+\]\(https:\/\/[^)]+\)/);
    expect(r.files?.[0]?.name).toBe("textes-petit-dejeuner-equitable.md");
    expect(String(r.files?.[0]?.data)).toContain("## Communiqué de presse");
  });

  it("writes in the commune's language (German for Eupen), and leaves out what is not stored without dangling words", async () => {
    const ref = refIn(textOf(await run(app, 'initiative titre:"Fairer Kaffee" description:"Verkostung" type:stand date:2026-11-20', DIETER)));
    const r = await run(app, `initiative textes ${ref}`, DIETER);
    const [press, social, web] = texts(r);
    expect(textOf(r)).toContain("Versandfertige Texte: Fairer Kaffee");
    expect(press).toContain("Eupen, Fair-Trade-Gemeinde seit dem 3. Juli 2014, hat am 20. November 2026 die Aktion „Fairer Kaffee“ durchgeführt.");
    // No partner, no place, no link: their sentences are gone, nothing hangs.
    for (const text of [press!, social!, web!]) {
      expect(text).not.toMatch(/Partner|Mit |Danke|Mehr Informationen|\(\)/);
      for (const line of text.split("\n")) expect(line).not.toMatch(DANGLING);
    }
    // A French reader gets French headings, the texts stay in the commune's language.
    const fr = await run(app, `initiative textes ${ref}`, { user: "coord", role: "coordination", platform: "slack" });
    expect(textOf(fr)).toContain("Textes prêts à envoyer : Fairer Kaffee");
    expect(texts(fr)[0]).toContain("PRESSEMITTEILUNG — Eupen");
  });

  it("writes an event's texts with its day, time, place and partners", async () => {
    const code = codeOf(textOf(await run(app, 'evenement creer type:stand titre:"Stand au marché" debut:"20/3 9h-13h" lieu:"Place d’Armes"', ANNE)));
    await run(app, `partenaires lier Oxfam Magasin du monde evenement:${code}`, ANNE);
    const [press, social, web] = texts(await run(app, `evenement textes ${code}`, ANNE));
    expect(press).toContain("Namur, Commune du Commerce Équitable depuis le 19 juillet 2022, vous invite à « Stand au marché » le 20 mars 2027 à 09:00 (Place d’Armes).");
    expect(press).toContain("L’événement est organisé avec Oxfam Magasin du monde.");
    expect(social).toContain("📅 Stand au marché à Namur — 20 mars 2027 à 09:00");
    expect(web).toContain("20 mars 2027 à 09:00 · Place d’Armes");
  });

  it("prepares texts for the commune's members and coordination only", async () => {
    const ref = refIn(textOf(await run(app, 'initiative titre:"Atelier chocolat" description:"Avec les scouts" type:atelier', ANNE)));
    const refused = await run(app, `initiative textes ${ref}`, OUTSIDER);
    expect(textOf(refused)).toContain("préparés pour les membres de sa commune");
    expect(texts(refused)).toEqual([]);
    expect(textOf(await run(app, "evenement textes zzzzz", ANNE))).toContain("zzzzz");
  });
});
