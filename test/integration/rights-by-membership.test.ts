/**
 * Rights follow (role, commune) pairs: what someone holds in one commune gives nothing in
 * another, posting to a commune needs a membership in it, and content awaiting moderation
 * does not exist for people outside its author, its commune's CoPil and coordination.
 * Through the real dispatcher over SQLite.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../helpers/test-app.js";
import { prepareUser, run, textOf, type As } from "../helpers/run.js";
import { codeOf } from "../helpers/events.js";
import { refIn } from "../helpers/community.js";

const COORD: As = { user: "coord", role: "coordination", platform: "slack" };
const COPIL_NAMUR: As = { user: "copil-namur", role: "copil", commune: "Namur", platform: "slack" };
const VOLUNTEER_NAMUR: As = { user: "vol-namur", role: "benevole", commune: "Namur", platform: "slack" };
/** CoPil of Eupen who also helps in Namur as a volunteer: manages Eupen only. */
const MIXED: As = { user: "mixed", role: "benevole", commune: "Namur", platform: "slack" };

let app: TestApp;
const namur = async () => (await app.services.repos.communes.findByName("Namur"))!;

beforeAll(async () => {
  app = await createTestApp({ now: new Date("2027-03-01T09:00:00Z") });
  await prepareUser(app, { user: "mixed", role: "copil", commune: "Eupen", platform: "slack" });
  await prepareUser(app, MIXED);
});
afterAll(async () => {
  await app?.close();
});

describe("a CoPil of Eupen who is a volunteer in Namur", () => {
  it("cannot submit Namur's Fair-O-Mètre nor add its evidence", async () => {
    const before = (await namur()).fomDueOn;
    expect(textOf(await run(app, "fom soumis B Namur", MIXED))).toContain("réservées au CoPil de Namur");
    expect((await namur()).fomDueOn).toEqual(before);
    expect(await app.services.repos.communes.fomHistory((await namur()).id)).toEqual([]);
    expect(textOf(await run(app, "fom preuve critere:4 Stand commune:Namur", MIXED))).toContain("réservées au CoPil de Namur");
    expect((await app.services.repos.activity.recent((await namur()).id, 50)).filter((a) => a.kind === "evidence")).toEqual([]);
    // Its own commune still works.
    expect(textOf(await run(app, "fom preuve critere:4 Stand commune:Eupen", MIXED))).not.toContain("réservées");
  });

  it("cannot add or remove members of Namur's CoPil", async () => {
    expect(textOf(await run(app, "copil ajouter Marie Dupont role:citoyen commune:Namur", MIXED))).toContain("réservées au CoPil de Namur");
    await run(app, "copil ajouter Jean Martin role:citoyen", COPIL_NAMUR);
    expect(textOf(await run(app, "copil retirer Jean Martin commune:Namur", MIXED))).toContain("réservées au CoPil de Namur");
    const names = (await app.services.watch.copil.active((await namur()).id, app.services.clock())).map((m) => m.name);
    expect(names).toEqual(["Jean Martin"]);
  });

  it("cannot edit or cancel Namur's local events", async () => {
    const code = codeOf(textOf(await run(app, 'evenement creer type:stand titre:"Stand au marché" debut:"20/3 9h-13h" lieu:"Place d’Armes"', COPIL_NAMUR)));
    expect(textOf(await run(app, `webinaire modifier ${code} titre:Pirate`, MIXED))).toContain("réservée");
    expect(textOf(await run(app, `webinaire annuler ${code} confirmer:oui`, MIXED))).toContain("réservée");
    expect(textOf(await run(app, `evenement creer type:stand titre:Autre debut:"21/3 9h-13h" lieu:Ici commune:Namur`, MIXED))).toContain("réservée");
    const event = (await app.services.events.repo.byCode(code))!;
    expect(event).toMatchObject({ title: "Stand au marché", state: "scheduled" });
  });

  it("cannot change the status of Namur's ideas", async () => {
    const ref = refIn(textOf(await run(app, "idee Un atelier cacao", VOLUNTEER_NAMUR)));
    expect(textOf(await run(app, `idee statut ${ref} retenue`, MIXED))).toContain("Seul le comité de pilotage");
    const [idea] = await app.services.community.ideas.findByPrefix(ref);
    expect(idea!.status).toBe("new");
  });
});

describe("posting to a commune", () => {
  it("needs a membership in it, even anonymously", async () => {
    const count = async () => (await app.services.community.ideas.list((await namur()).id, [], 100)).length;
    const before = await count();
    const anonymous = await run(app, "idee Une idée fantôme anonyme:oui commune:Namur", { user: "nobody", platform: "slack" });
    expect(textOf(anonymous)).toContain("Vous ne faites pas partie de Namur");
    const named = await run(app, "idee Noch eine Idee commune:Namur", { user: "eupen-vol", role: "benevole", commune: "Eupen", platform: "slack", locale: "de" });
    expect(textOf(named)).toContain("Sie gehören nicht zu Namur");
    expect(await count()).toBe(before);
    // A member posts anonymously: the name is hidden from readers, not from the rules.
    expect(textOf(await run(app, "idee Une vraie idée anonyme:oui", VOLUNTEER_NAMUR))).toContain("sans votre nom");
    expect(await count()).toBe(before + 1);
  });
});

describe("an initiative awaiting moderation", () => {
  it("does not exist for contact, aussi, voir or details outside its author, its CoPil and coordination", async () => {
    await run(app, "config moderation oui", COORD);
    const shared = textOf(await run(app, 'initiative titre:"Projet secret" description:"Pas encore validé" type:atelier', VOLUNTEER_NAMUR));
    const ref = refIn(shared);
    const outsider: As = { user: "outsider", role: "benevole", commune: "Eupen", platform: "slack" };
    for (const line of [`initiative contact ${ref}`, `initiative aussi ${ref}`, `initiative voir ${ref}`, `initiative details ${ref}`, `initiative modifier ${ref} lieu:X`]) {
      const text = textOf(await run(app, line, outsider));
      expect(text, line).toContain(`Je ne trouve pas d’initiative « ${ref} »`);
      expect(text, line).not.toContain("Projet secret");
      expect(text, line).not.toContain("vol-namur");
      expect(text, line).not.toContain("Namur");
    }
    expect(textOf(await run(app, `initiative voir ${ref}`, COPIL_NAMUR))).toContain("Projet secret");
    expect(textOf(await run(app, `initiative voir ${ref}`, VOLUNTEER_NAMUR))).toContain("Projet secret");
    expect(textOf(await run(app, `initiative voir ${ref}`, COORD))).toContain("Projet secret");
    const [i] = await app.services.community.initiatives.findByPrefix(ref);
    expect((await app.services.community.initiatives.followCounts([i!.id])).get(i!.id) ?? 0).toBe(0);
    await run(app, "config moderation non", COORD);
  });
});
