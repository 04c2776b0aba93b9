/**
 * The idea box (anonymous ideas, the CoPil moving them, the author told each change), the
 * tool inventory (declare, find by tool, category, commune, typo), and experience sheets
 * (form, search, shown to volunteers after the kits).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../helpers/test-app.js";
import { run, runStructured, textOf, type As } from "../../helpers/run.js";
import { refIn, rows } from "../../helpers/community.js";

const CITIZEN: As = { user: "U0CITOYEN", role: "benevole", commune: "Namur", platform: "slack" };
const COPIL: As = { user: "U0COPIL", role: "copil", commune: "Namur", platform: "slack" };
const COPIL_EUPEN: As = { user: "U0EUPEN", role: "copil", commune: "Eupen", platform: "discord", locale: "de" };

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
  const namur = (await app.services.repos.communes.findByName("Namur"))!;
  await app.services.repos.channels.link({ platform: "slack", workspaceId: "W1", channelId: "C0NAMUR", purpose: "commune", communeId: namur.id });
});
afterAll(async () => {
  await app?.close();
});

describe("the idea box", () => {
  it("takes an anonymous idea, shows it to the commune's channel without the name, and tells the author each move", async () => {
    const r = await run(app, "idee Un atelier cacao dans les écoles anonyme:oui", CITIZEN);
    expect(textOf(r)).toContain("sans votre nom");
    const ref = refIn(textOf(r));
    const notice = await rows(app, "idea:");
    expect(notice.map((n) => n.target.channelId)).toEqual(["C0NAMUR"]);
    expect(notice[0]!.summary).toContain("Un atelier cacao dans les écoles");
    expect(notice[0]!.summary).not.toContain("U0CITOYEN");
    expect(textOf(await run(app, "idees", COPIL))).toContain("anonyme");
    expect(textOf(await run(app, "idees", COPIL))).not.toContain("U0CITOYEN");

    expect(textOf(await run(app, `idee statut ${ref} etude`, COPIL_EUPEN))).toContain("Nur die Steuerungsgruppe");
    expect(textOf(await run(app, `idee statut ${ref} etude`, CITIZEN))).toContain("réservée");
    const moved = await run(app, `idee statut ${ref} à l’étude On en parle en janvier`, COPIL);
    expect(textOf(moved)).toContain("son auteur·ice est prévenu·e");
    expect(textOf(await run(app, `idee statut ${ref} etude`, COPIL))).toContain("déjà « À l’étude »");
    await run(app, `idee statut ${ref} retenue`, COPIL);
    await run(app, `idee statut ${ref} etude`, COPIL); // back again: told again
    const dms = (await rows(app, "idea:")).filter((n) => n.target.userId === "U0CITOYEN");
    expect(dms.map((d) => d.summary.match(/maintenant \*\*([^*]+)\*\*/)?.[1])).toEqual(expect.arrayContaining(["À l’étude", "Retenue"]));
    expect(dms).toHaveLength(3);
    expect(dms.some((d) => d.summary.includes("On en parle en janvier"))).toBe(true);
    expect(textOf(await run(app, "idees statut:etude", COPIL))).toContain("Un atelier cacao");
    expect(textOf(await run(app, "idees statut:realisee", COPIL))).toContain("vide");
  });

  it("asks for a commune and for words, clearly", async () => {
    expect(textOf(await run(app, "idee Plus de café équitable", { user: "nobody", platform: "slack" }))).toContain("Pour quelle commune ?");
    expect(textOf(await run(app, "idee", CITIZEN))).toContain("Écrivez votre idée");
    expect(textOf(await run(app, "idee Mehr fairer Kaffee commune:Eupen", { user: "gast", role: "benevole", commune: "Eupen", platform: "slack", locale: "de" }))).toContain("Ideenbox von Eupen");
  });
});

describe("the tool inventory", () => {
  it("finds who uses what, by tool, category, commune or close spelling", async () => {
    expect(textOf(await run(app, "outils", COPIL))).toContain("L’inventaire est vide");
    expect(textOf(await run(app, "outils declarer Canva categorie:graphisme note:affiches", COPIL))).toContain("« Canva » (Graphisme) est ajouté aux outils de Namur");
    expect(textOf(await run(app, "outils declarer canva", COPIL))).toContain("mis à jour");
    await run(app, "outils declarer Canva categorie:design", COPIL_EUPEN);
    await run(app, "outils declarer Framadate categorie:sondage", COPIL_EUPEN);
    await run(app, "outils declarer Mailchimp categorie:newsletter", COPIL);
    expect(textOf(await run(app, "outils declarer Trello commune:Eupen", COPIL))).toContain("Vous ne faites pas partie de Eupen");
    const canva = textOf(await run(app, "outils canvas", COPIL));
    expect(canva).toContain("**Canva** (Graphisme) — 2 communes : Eupen, Namur");
    expect(textOf(await run(app, "outils umfrage", COPIL_EUPEN))).toContain("Framadate");
    expect(textOf(await run(app, "outils Eupen", COPIL))).toMatch(/Canva[\s\S]*Framadate/);
    expect(textOf(await run(app, "outils", COPIL))).toContain("Outils utilisés dans le réseau (3)");
    expect(textOf(await run(app, "outils zzzz", COPIL))).toContain("Aucun outil ne correspond");
    expect(textOf(await run(app, "outils retirer Canva", COPIL))).toContain("est retiré");
    expect(textOf(await run(app, "outils canva", COPIL))).toContain("1 commune : Eupen");
  });
});

describe("experience sheets", () => {
  it("records a sheet from the form, finds it, and shows it to volunteers after the kits", async () => {
    const form = await run(app, "retour", CITIZEN);
    expect(form.form?.fields.map((f) => f.name)).toEqual(["contexte", "reussi", "eviter", "conseils", "contact"]);
    const missing = await runStructured(app, "retour", { contexte: "Stand" }, CITIZEN);
    expect(Object.keys(missing.fieldErrors ?? {}).sort()).toEqual(["conseils", "eviter", "reussi"]);
    const saved = await runStructured(app, "retour", {
      contexte: "Stand au marché de Noël de Namur. Trois bénévoles, deux jours.",
      reussi: "La dégustation de chocolat chaud attire les familles",
      eviter: "Trop de flyers : personne ne les lit",
      conseils: "Venir à trois, prévoir une tente",
      contact: "marie@example.org",
    }, CITIZEN);
    expect(textOf(saved)).toContain("« Stand au marché de Noël de Namur. »");
    await run(app, 'retour contexte:"Atelier dans une école" reussi:"Le quiz" eviter:"Les longs discours" conseils:"Des images" type:ecole', CITIZEN);
    expect(textOf(await run(app, "retours chocolat", CITIZEN))).toContain("Stand au marché de Noël");
    expect(textOf(await run(app, "retours chocolat", CITIZEN))).not.toContain("Atelier dans une école");
    expect(textOf(await run(app, "retours ecole", CITIZEN))).toContain("Atelier dans une école");
    expect(textOf(await run(app, "retours licorne", CITIZEN))).toContain("Aucune fiche");
    const ref = refIn(textOf(await run(app, "retours chocolat", CITIZEN)));
    const sheet = textOf(await run(app, `retour voir ${ref}`, CITIZEN));
    expect(sheet).toContain("Ce qui a marché: La dégustation de chocolat chaud");
    expect(sheet).toContain("Contact: marie@example.org");

    const kits = textOf(await run(app, "kit benevoles stand", CITIZEN));
    expect(kits).toContain("Fiches retours d’expérience de bénévoles");
    expect(kits.indexOf("Stand au marché de Noël")).toBeGreaterThan(kits.indexOf("Fiches retours"));
    expect(textOf(await run(app, "kit elus", CITIZEN))).not.toContain("Fiches retours");

    expect(textOf(await run(app, `retour supprimer ${ref}`, COPIL))).toContain("Seul·e l’auteur·ice de la fiche");
    expect(textOf(await run(app, `retour supprimer ${ref}`, CITIZEN))).toContain("est supprimée");
  });
});
