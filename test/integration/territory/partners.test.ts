/**
 * A commune's partners through the dispatcher, on SQLite and PostgreSQL: recording them
 * (typed, in German, by form), who may, who sees their contact details, the list by kind
 * with the Fair-O-Mètre counts and the kit for a missing kind, crediting on an initiative
 * (whose network post then names the partner) and on an event, editing and removing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appsOnEachDatabase, type TestApp } from "../../helpers/test-app.js";
import { run, runStructured, textOf, type As } from "../../helpers/run.js";
import { deliver, linkChannels, memorySender, refIn, rows } from "../../helpers/community.js";
import { codeOf } from "../../helpers/events.js";

const ANNE: As = { user: "anne", role: "copil", commune: "Namur", platform: "slack" };
const VOL: As = { user: "vol", role: "benevole", commune: "Namur", platform: "discord" };
const EUPEN: As = { user: "dieter", role: "copil", commune: "Eupen", locale: "de", platform: "discord" };
const STRANGER: As = { user: "citizen", platform: "slack" };

describe.each(await appsOnEachDatabase("territory partners"))("partners on %s", (_db, makeApp) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await makeApp();
    await linkChannels(app);
  }, 120_000);
  afterAll(async () => {
    await app?.close();
  });

  it("records a partner with its contact details, refuses a second one of the same name", async () => {
    const added = await run(app, 'partenaires ajouter Oxfam Magasin du monde type:magasin ensemble:"Café équitable au marché" email:oxfam@example.org telephone:"081 22 33 44"', ANNE);
    expect(textOf(added)).toBe("« Oxfam Magasin du monde » (Commerces) est ajouté aux partenaires de Namur.");
    const namur = (await app.services.repos.communes.findByName("Namur"))!;
    const [stored] = await app.services.community.partners.list(namur.id);
    expect(stored).toMatchObject({ name: "Oxfam Magasin du monde", kind: "commerce", together: "Café équitable au marché", email: "oxfam@example.org", phone: "081 22 33 44" });
    expect(textOf(await run(app, "partenaires ajouter OXFAM magasin du Monde type:horeca", VOL))).toContain("Namur a déjà un partenaire « OXFAM magasin du Monde »");
    expect(textOf(await run(app, "partenaires ajouter Sans Type", VOL))).toContain("Quel type ?");
    expect(textOf(await run(app, "partenaires ajouter La Ferme type:producteur email:pas-une-adresse", VOL))).toContain("« pas-une-adresse » n’est pas une adresse e-mail.");
    expect(await app.services.community.partners.list(namur.id)).toHaveLength(1);
  });

  it("opens a form without options, and the form's submission records the partner", async () => {
    const form = await run(app, "partenaires ajouter", VOL);
    expect(form.form?.submitCommand).toBe("partenaires ajouter");
    expect(form.form?.fields.map((f) => f.name)).toEqual(["nom", "type", "ensemble", "email", "telephone"]);
    const sent = await runStructured(app, "partenaires ajouter", { nom: "École Saint-Joseph", type: "école", ensemble: "Collations équitables" }, VOL);
    expect(textOf(sent)).toContain("« École Saint-Joseph » (Écoles) est ajouté aux partenaires de Namur.");
  });

  it("speaks German, with German words for the command, the options and the kind", async () => {
    const r = await run(app, "partner hinzufügen Weltladen Eupen typ:geschäft gemeinsam:Kaffee", EUPEN);
    expect(textOf(r)).toBe("„Weltladen Eupen“ (Geschäfte) ist zu den Partnern von Eupen hinzugefügt.");
  });

  it("lets only the commune's members record partners", async () => {
    for (const as of [EUPEN, STRANGER]) {
      const r = await run(app, "partenaires ajouter Intrus type:commerce commune:Namur", as);
      expect(textOf(r)).not.toContain("ajouté");
    }
    const namur = (await app.services.repos.communes.findByName("Namur"))!;
    expect((await app.services.community.partners.list(namur.id)).map((p) => p.name)).not.toContain("Intrus");
  });

  it("lists partners by kind, with contacts for members only, the Fair-O-Mètre counts and a kit for each missing kind", async () => {
    const member = textOf(await run(app, "partenaires", ANNE));
    expect(member).toContain("Partenaires de Namur (2)");
    expect(member).toMatch(/\*\*Commerces\*\* \(1\)\n• \*\*Oxfam Magasin du monde\*\* · Café équitable au marché · ✉ oxfam@example.org · ☎ 081 22 33 44/);
    expect(member).toContain("**Écoles** (1)");
    expect(member).toContain("Critère 2 (Commerces, Horeca) : 1 partenaire");
    expect(member).toContain("Critère 3 (Écoles, Associations, Entreprises) : 1 partenaire");
    expect(member).toContain("Critère 6 (Producteurs locaux) : aucun partenaire");
    expect(member).toContain("Il manque : Horeca, Associations, Producteurs locaux, Entreprises.");
    // The kit offered for producers is what the kit search ranks first for them.
    const kitId = /Pour trouver producteurs locaux : kit « [^»]+ » \(`\/cdce kit ([\w-]+)`\)/.exec(member)?.[1];
    expect(kitId).toBeTruthy();
    const kit = await app.services.kits.get(kitId!);
    expect(kit?.themes).toContain("producteurs-locaux");
    expect(member).toContain("[Ajouter un partenaire](partenaires ajouter)");

    const outsider = textOf(await run(app, "partenaires Namur", EUPEN));
    expect(outsider).toContain("Oxfam Magasin du monde");
    expect(outsider).toContain("**Geschäfte** (1)");
    expect(outsider).not.toContain("oxfam@example.org");
    expect(outsider).not.toContain("22 33 44");
    expect(outsider).toContain("Die Kontaktdaten der Partner sehen nur die Mitglieder von Namur.");
    expect(outsider).not.toContain("partenaires ajouter");
    expect(textOf(await run(app, "partenaires Namur", STRANGER))).not.toContain("oxfam@example.org");
  });

  it("counts partners in the Fair-O-Mètre: criteria 2 and 3 are met, 6 is not, with its kit", async () => {
    const fom = textOf(await run(app, "fom Namur", ANNE));
    expect(fom).toMatch(/✅ \*\*2\.\*\*[^\n]*Critère 2 \(Commerces, Horeca\) : 1 partenaire/);
    expect(fom).toMatch(/✅ \*\*3\.\*\*[^\n]*1 partenaire/);
    expect(fom).toMatch(/⬜ \*\*6\.\*\*[^\n]*aucun partenaire/);
    expect(fom).toMatch(/→ Pour trouver producteurs locaux : kit « [^»]+ »/);
    // The dossier lists them under the criteria they serve, without their contact details.
    const dossier = await run(app, "fom dossier Namur", ANNE);
    const file = String(dossier.files?.[0]?.data);
    expect(file).toMatch(/## 2\.[^\n]*\n\n- Partenaire : Oxfam Magasin du monde \(Commerces\) — Café équitable au marché/);
    expect(file).toMatch(/## 3\.[^\n]*\n\n(?:- [^\n]*\n)*- Partenaire : École Saint-Joseph \(Écoles\) — Collations équitables/);
    expect(file).not.toContain("oxfam@example.org");
    // Eupen's own partner is Eupen's evidence, not Namur's.
    expect(textOf(await run(app, "fom Eupen", EUPEN))).toMatch(/Kriterium 3 \([^)]*\): kein Partner/);
  });

  it("credits a partner on an initiative: the kind joins its evidence and the network post names the partner", async () => {
    const shared = textOf(await run(app, 'initiative titre:"Petit-déjeuner équitable" description:"120 personnes" type:petit-dejeuner commune:Namur', ANNE));
    const ref = refIn(shared);
    const initiative = (await app.services.community.initiatives.findByPrefix(ref))[0]!;
    // One post per platform's network channel (Slack and Discord).
    const first = await rows(app, `initiative:${initiative.id}:post:`, ["pending"]);
    expect(first).toHaveLength(2);
    const r = await run(app, `partenaires lier Oxfam Magasin du monde initiative:${ref}`, VOL);
    expect(textOf(r)).toBe("« Oxfam Magasin du monde » est crédité sur « Petit-déjeuner équitable » ; le message du réseau est republié avec ses partenaires.");
    expect(textOf(await run(app, `partenaires lier Oxfam Magasin du monde initiative:${ref}`, VOL))).toContain("est déjà crédité");
    expect((await app.services.community.initiatives.get(initiative.id))?.partnerKinds).toContain("commerce");
    const pending = await rows(app, `initiative:${initiative.id}:post:`, ["pending"]);
    expect(pending).toHaveLength(2);
    for (const row of pending) expect(first.map((f) => f.key)).not.toContain(row.key);
    expect((await rows(app, `initiative:${initiative.id}:post:`, ["cancelled"])).map((c) => c.key).sort()).toEqual(first.map((f) => f.key).sort());
    const slack = memorySender("slack");
    const discord = memorySender("discord");
    await deliver(app, [slack, discord]);
    for (const sender of [slack, discord]) {
      const post = sender.visible().find((p) => JSON.stringify(p).includes("Petit-déjeuner équitable"));
      expect(JSON.stringify(post?.reply.blocks)).toContain("Oxfam Magasin du monde");
    }
    // A partner taken off the list is taken off the post too.
    await run(app, "partenaires ajouter Boulangerie Dupain type:commerce", ANNE);
    await run(app, `partenaires lier Boulangerie Dupain initiative:${ref}`, ANNE);
    await deliver(app, [slack, discord]);
    expect(JSON.stringify(slack.visible().find((p) => JSON.stringify(p).includes("Petit-déjeuner équitable"))?.reply.blocks)).toContain("Boulangerie Dupain");
    await run(app, "partenaires retirer Boulangerie Dupain", ANNE);
    await deliver(app, [slack, discord]);
    for (const sender of [slack, discord]) {
      const visible = sender.visible().filter((p) => JSON.stringify(p).includes("Petit-déjeuner équitable"));
      expect(visible).toHaveLength(1);
      expect(JSON.stringify(visible[0]!.reply.blocks)).toContain("Oxfam Magasin du monde");
      expect(JSON.stringify(visible[0]!.reply.blocks)).not.toContain("Boulangerie Dupain");
    }
    // An initiative of another commune cannot carry Namur's partner.
    const eupenRef = refIn(textOf(await run(app, 'initiative titre:"Fairer Markt" description:"Stand" type:stand commune:Eupen', EUPEN)));
    expect(textOf(await run(app, `partenaires lier Oxfam Magasin du monde initiative:${eupenRef}`, ANNE))).toContain("n’est pas une action de Namur");
  });

  it("credits a partner on a local event, counts it in the list, and takes the credit back", async () => {
    const code = codeOf(textOf(await run(app, 'evenement creer type:stand titre:"Stand au marché" debut:"20/3 9h-13h" lieu:"Place d’Armes"', ANNE)));
    expect(textOf(await run(app, `partenaires lier École Saint-Joseph evenement:${code}`, ANNE))).toBe("« École Saint-Joseph » est crédité sur « Stand au marché ».");
    const namur = (await app.services.repos.communes.findByName("Namur"))!;
    const ev = await app.services.events.repo.byCode(code);
    expect((await app.services.community.partners.linkedTo({ kind: "event", id: ev!.id })).map((p) => p.name)).toEqual(["École Saint-Joseph"]);
    expect(textOf(await run(app, "partenaires", ANNE))).toContain("**École Saint-Joseph** · Collations équitables · crédité sur 1 initiative ou événement");
    // Shared with the network, the event's post names its partner.
    expect(textOf(await run(app, `evenement partager ${code}`, ANNE))).toContain("Stand au marché");
    const slack = memorySender("slack");
    await deliver(app, [slack]);
    const post = slack.visible().find((p) => JSON.stringify(p.reply.blocks).includes("Stand au marché"));
    expect(JSON.stringify(post?.reply.blocks)).toContain("Avec École Saint-Joseph");
    expect(textOf(await run(app, `partenaires lier École Saint-Joseph evenement:${code} retirer:oui`, ANNE))).toBe("« École Saint-Joseph » n’est plus crédité sur « Stand au marché ».");
    expect(await app.services.community.partners.linkedTo({ kind: "event", id: ev!.id })).toEqual([]);
    expect(textOf(await run(app, "partenaires lier École Saint-Joseph", ANNE))).toContain("Sur quoi le créditer ?");
    expect(namur.id).toBeTruthy();
  });

  it("edits and removes a partner, with clear errors", async () => {
    expect(textOf(await run(app, "partenaires modifier Oxfam Magasin du monde telephone:081000000 type:horeca", VOL))).toBe("« Oxfam Magasin du monde » est mis à jour.");
    const namur = (await app.services.repos.communes.findByName("Namur"))!;
    expect(await app.services.community.partners.find(namur.id, "oxfam-magasin-du-monde")).toMatchObject({ phone: "081000000", kind: "horeca", email: "oxfam@example.org" });
    expect(textOf(await run(app, "partenaires modifier Oxfam Magasin du monde", VOL))).toContain("Que faut-il changer ?");
    expect(textOf(await run(app, "partenaires modifier Inconnu telephone:081000000", VOL))).toContain("Namur n’a pas de partenaire « Inconnu »");
    expect(textOf(await run(app, "partenaires retirer École Saint-Joseph", VOL))).toBe("« École Saint-Joseph » est retiré des partenaires de Namur.");
    expect((await app.services.community.partners.list(namur.id)).map((p) => p.name)).toEqual(["Oxfam Magasin du monde"]);
  });

  it("cuts a long list into sections every platform can show", async () => {
    const COORD: As = { user: "coord", role: "coordination", platform: "slack" };
    for (let n = 1; n <= 40; n++) await run(app, `partenaires ajouter Commerce numéro ${n} type:commerce ensemble:"${"Vente de café et de chocolat équitables. ".repeat(2)}" commune:Wavre`, COORD);
    const r = await run(app, "partenaires Wavre", COORD);
    const sections = r.blocks.filter((b) => b.type === "section");
    for (const b of sections) expect(b.type === "section" && b.text.length).toBeLessThanOrEqual(3000);
    for (let n = 1; n <= 40; n++) expect(textOf(r)).toContain(`**Commerce numéro ${n}**`);
  });

  it("moves a merged commune's partners and monthly update to the commune it joins, keeping the joined commune's record of a shared name", async () => {
    const COORD: As = { user: "coord", role: "coordination", platform: "slack" };
    await run(app, "partenaires ajouter Épicerie du village type:commerce commune:Tenneville", COORD);
    await run(app, "partenaires ajouter Ferme des Ardennes type:producteur ensemble:Tenneville commune:Tenneville", COORD);
    await run(app, "partenaires ajouter Ferme des Ardennes type:producteur ensemble:Vielsalm commune:Vielsalm", COORD);
    await run(app, "bilan mensuel on commune:Tenneville", COORD);
    expect(textOf(await run(app, "commune fusionner Tenneville dans Vielsalm le:2026-12-01", COORD))).toContain("a rejoint Vielsalm");
    const vielsalm = (await app.services.repos.communes.findByName("Vielsalm"))!;
    const tenneville = (await app.services.repos.communes.findByName("Tenneville"))!;
    const moved = await app.services.community.partners.list(vielsalm.id);
    expect(moved.map((p) => [p.name, p.together])).toEqual([["Épicerie du village", null], ["Ferme des Ardennes", "Vielsalm"]]);
    expect(await app.services.community.partners.list(tenneville.id)).toEqual([]);
    expect(await app.services.community.monthlyUpdates.communeIds()).toContain(vielsalm.id);
    expect(await app.services.community.monthlyUpdates.communeIds()).not.toContain(tenneville.id);
  });
});
