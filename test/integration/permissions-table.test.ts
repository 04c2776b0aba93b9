/**
 * Who may run each command that changes state: every such command of the registry, for
 * every role held in the target commune (Namur), in another commune (Eupen), or with no
 * commune, and for someone with no role at all, through the real dispatcher over SQLite.
 * The expected answers are the table below; a state-changing command without a row fails.
 * A few read-only commands have a row too (READ_ONLY), to pin who may use them.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../helpers/test-app.js";
import { prepareUser, run, textOf, type As } from "../helpers/run.js";
import { codeOf } from "../helpers/events.js";
import { refIn } from "../helpers/community.js";
import { translator, type MessageKey } from "../../src/core/i18n/catalogue.js";
import { ROLES, type Reply, type Role } from "../../src/core/types.js";

type Holder = Role | "aucun";
/**
 * Allowed (A) or refused (R), for the role held in Namur (the target) / in Eupen / with no
 * commune / in Eupen while also a volunteer in Namur (nothing held in one commune widens
 * another).
 */
type Row = Record<Holder, string>;
const COLUMNS = ["namur", "eupen", "none", "mixed"] as const;
type Column = (typeof COLUMNS)[number];

//                                coordination copil   elu     agent   benevole ambassadeur aucun
const row = (c: string, p: string, e: string, a: string, b: string, m: string, x: string): Row => ({ coordination: c, copil: p, elu: e, agent: a, benevole: b, ambassadeur: m, aucun: x });
const COORDINATION_ONLY = row("AAAA", "RRRR", "RRRR", "RRRR", "RRRR", "RRRR", "R");
/** The commune's CoPil, municipal staff and councillors: in their own commune only. */
const MANAGERS = row("AAAA", "ARRR", "ARRR", "ARRR", "RRRR", "RRRR", "R");
const COPIL_ONLY = row("AAAA", "ARRR", "RRRR", "RRRR", "RRRR", "RRRR", "R");
/** Any member of the commune (posting, sharing for it). */
const MEMBERS = row("AAAA", "ARRA", "ARRA", "ARRA", "ARRA", "ARRA", "R");
/** Something another person wrote (an initiative, a poll, a sheet): its author and coordination. */
const AUTHOR_ONLY = row("AAAA", "RRRR", "RRRR", "RRRR", "RRRR", "RRRR", "R");
/** One's own things (language, registrations, votes, one's data): anyone. */
const EVERYONE = row("AAAA", "AAAA", "AAAA", "AAAA", "AAAA", "AAAA", "A");

/** The facts of the communes made for the merger cases. */
const SAMPLE_COMMUNE = { region: "Wallonie", province: null, languages: ["fr" as const], timeZone: "Europe/Brussels", profile: "rural" as const, populationBand: "lt10k" as const, titledOn: null, fomDueOn: null, latitude: null, longitude: null };

/** What the commands act on, made once (by people outside the table) before the cases. */
interface Fixtures {
  localEvent: string;
  webinar: string;
  initiative: () => Promise<string>;
  poll: string;
  sheet: () => Promise<string>;
  idea: string;
  proposal: () => Promise<string>;
  task: () => Promise<string>;
  /** A local event of Eupen (for "Agir ensemble" from Namur). */
  eupenEvent: string;
  /** A fresh initiative of Eupen. */
  eupenInitiative: () => Promise<string>;
  /** A fresh yearly feast of Namur: its reference. */
  feast: () => Promise<string>;
}

interface Case {
  expect: Row;
  /** The line to run; `n` makes names unique per case. May create what it acts on. */
  line: (f: Fixtures, n: number) => string | Promise<string>;
}

const TABLE: Record<string, Case> = {
  "kit ajouter": { expect: COORDINATION_ONLY, line: () => "kit ajouter" },
  // Without a file it only says how to send one: the refusal comes before, for everyone but coordination.
  "kit importer": { expect: COORDINATION_ONLY, line: () => "kit importer" },
  "kit modifier": { expect: COORDINATION_ONLY, line: () => "kit modifier kit-jeunes-affiches" },
  "kit retirer": { expect: COORDINATION_ONLY, line: () => "kit retirer kit-jeunes-videos-courtes" },
  langue: { expect: EVERYONE, line: () => "langue fr" },
  "config canal": { expect: COORDINATION_ONLY, line: () => "config canal commune Namur" },
  "config moderation": { expect: COORDINATION_ONLY, line: () => "config moderation non" },
  role: { expect: COORDINATION_ONLY, line: () => "role vol-namur benevole Namur" },
  "admin envois": { expect: COORDINATION_ONLY, line: () => "admin envois" },
  // Open to anyone: the one-time code decides, not a role (test/integration/first-coordinator.test.ts).
  // Here coordinators exist already, so it answers that there is nothing to claim, refusing nobody.
  "admin revendiquer": { expect: EVERYONE, line: () => "admin revendiquer 7KQ2M-X9D4R" },
  "webinaire planifier": { expect: COORDINATION_ONLY, line: (_, n) => `webinaire planifier titre:"Essai ${n}" theme:gouvernance debut:"12/03 14h-15h" capacite:30` },
  "webinaire serie": { expect: COORDINATION_ONLY, line: (_, n) => `webinaire serie titre:"Cycle ${n}" theme:gouvernance quand:"12/01 19h; 09/02 19h"` },
  "webinaire rejoindre": { expect: EVERYONE, line: (f) => `webinaire rejoindre ${f.webinar}` },
  "webinaire quitter": { expect: EVERYONE, line: (f) => `webinaire quitter ${f.webinar}` },
  "webinaire annuler": { expect: MANAGERS, line: (f) => `webinaire annuler ${f.localEvent}` },
  "webinaire deplacer": { expect: MANAGERS, line: (f) => `webinaire deplacer ${f.localEvent} debut:"20/03 10h"` },
  "webinaire modifier": { expect: MANAGERS, line: (f, n) => `webinaire modifier ${f.localEvent} titre:"Stand ${n}"` },
  "webinaire presences": { expect: MANAGERS, line: (f) => `webinaire presences ${f.localEvent}` },
  "webinaire relancer": { expect: COORDINATION_ONLY, line: (f) => `webinaire relancer ${f.webinar}` },
  rappels: { expect: EVERYONE, line: () => "rappels 1j" },
  // One's own private calendar address (renewed here, so that every case writes): anyone.
  "agenda lien": { expect: EVERYONE, line: () => "agenda lien renouveler" },
  "evenement creer": { expect: MANAGERS, line: (_, n) => `evenement creer type:stand titre:"Stand ${n}" debut:"21/3 9h-13h" lieu:Halle commune:Namur` },
  "evenement partager": { expect: MANAGERS, line: (f) => `evenement partager ${f.localEvent}` },
  // Members of Namur, and an ambassador of the network (held with no commune) for any commune.
  initiative: { expect: row("AAAA", "ARRA", "ARRA", "ARRA", "ARRA", "ARAA", "R"), line: (_, n) => `initiative titre:"Essai ${n}" description:"Un essai" type:stand commune:Namur` },
  "initiative modifier": { expect: AUTHOR_ONLY, line: async (f) => `initiative modifier ${await f.initiative()} lieu:Halle` },
  "initiative supprimer": { expect: AUTHOR_ONLY, line: async (f) => `initiative supprimer ${await f.initiative()}` },
  "initiative valider": { expect: COORDINATION_ONLY, line: async (f) => `initiative valider ${await f.initiative()}` },
  "initiative refuser": { expect: COORDINATION_ONLY, line: async (f) => `initiative refuser ${await f.initiative()} doublon` },
  "initiative contact": { expect: EVERYONE, line: async (f) => `initiative contact ${await f.initiative()}` },
  "initiative aussi": { expect: EVERYONE, line: async (f) => `initiative aussi ${await f.initiative()}` },
  sondage: { expect: EVERYONE, line: (_, n) => `sondage "Question ${n} ?" "Oui" "Non"` },
  "sondage voter": { expect: EVERYONE, line: (f) => `sondage voter ${f.poll} 1` },
  "sondage fermer": { expect: AUTHOR_ONLY, line: (f) => `sondage fermer ${f.poll}` },
  retour: { expect: MEMBERS, line: (_, n) => `retour contexte:"Essai ${n}" reussi:"Tout" eviter:"Rien" conseils:"Venir" commune:Namur` },
  "retour supprimer": { expect: AUTHOR_ONLY, line: async (f) => `retour supprimer ${await f.sheet()}` },
  idee: { expect: MEMBERS, line: (_, n) => `idee Idée ${n} anonyme:oui commune:Namur` },
  "idee statut": { expect: MANAGERS, line: (f) => `idee statut ${f.idea} etude` },
  "outils declarer": { expect: MEMBERS, line: () => "outils declarer Canva commune:Namur" },
  "outils retirer": { expect: MEMBERS, line: () => "outils retirer Trello commune:Namur" },
  "moi supprimer": { expect: EVERYONE, line: () => "moi supprimer" },
  "fom soumis": { expect: MANAGERS, line: () => "fom soumis B Namur" },
  "fom preuve": { expect: MANAGERS, line: (_, n) => `fom preuve critere:4 Essai ${n} commune:Namur` },
  "copil ajouter": { expect: COPIL_ONLY, line: (_, n) => `copil ajouter Membre ${n} role:citoyen commune:Namur` },
  "copil reunion": { expect: COPIL_ONLY, line: (_, n) => `copil reunion 12/12 8 présents "Essai ${n}" commune:Namur` },
  "commune ajouter": { expect: COORDINATION_ONLY, line: (_, n) => `commune ajouter Essai ${n} region:Wallonie profil:rural population:lt10k statut:candidate` },
  "commune modifier": { expect: COORDINATION_ONLY, line: () => "commune modifier Namur profil:urbain" },
  // Two fresh communes per case: a merger is done once.
  "commune fusionner": {
    expect: COORDINATION_ONLY,
    line: async (_, n) => {
      for (const side of ["a", "b"]) await app.services.repos.communes.upsert({ ...SAMPLE_COMMUNE, slug: `fusion-${side}-${n}`, name: `Fusion ${side} ${n}` });
      return `commune fusionner fusion-a-${n} fusion-b-${n}`;
    },
  },
  "copil retirer": { expect: COPIL_ONLY, line: () => "copil retirer Personne Inconnue commune:Namur" },
  "parrainage confirmer": { expect: COORDINATION_ONLY, line: () => "parrainage confirmer raeren eupen" },
  "parrainage terminer": { expect: COORDINATION_ONLY, line: () => 'parrainage terminer Raeren resultat:"fini"' },
  diagnostic: { expect: MANAGERS, line: () => "diagnostic freins:temps commune:Namur" },
  "diagnostic envoyer": { expect: COORDINATION_ONLY, line: () => "diagnostic envoyer Tintigny" },
  // The test app is no terminal demo: coordination is told where the command exists, others are refused first.
  "demo avancer": { expect: COORDINATION_ONLY, line: () => "demo avancer 1h" },
  // Pins a board of Namur in the channel: those who manage Namur.
  "tableau epingler": { expect: MANAGERS, line: () => "tableau epingler Namur" },
  // Asking is open to anyone; answering is the commune's CoPil's (a fresh request each case).
  rejoindre: { expect: EVERYONE, line: (_, n) => (n % 2 ? "rejoindre Namur benevole" : "rejoindre ambassadeur") },
  "rejoindre accepter": { expect: COPIL_ONLY, line: async (_, n) => `rejoindre accepter ${await joinRequest(n)}` },
  "rejoindre refuser": { expect: COPIL_ONLY, line: async (_, n) => `rejoindre refuser ${await joinRequest(n)} complet` },
  "parcours modifier": { expect: COORDINATION_ONLY, line: (_, n) => `parcours modifier benevole 2 delai:${3 + (n % 2)}` },
  // One's own journey: anyone (with none running, it says so).
  "parcours stop": { expect: EVERYONE, line: () => "parcours stop" },
  "copil renouveler": { expect: COPIL_ONLY, line: () => "copil renouveler Namur" },
  "copil recruter": { expect: COPIL_ONLY, line: () => "copil recruter Namur" },
  // The button of a call: anyone may say they are interested.
  "copil interesse": { expect: EVERYONE, line: async () => `copil interesse ${(await recruitAnswer(0)).call}` },
  "copil inviter": { expect: COPIL_ONLY, line: async (_, n) => `copil inviter ${(await recruitAnswer(n)).answer}` },
  // Proposing is for any member (volunteers and ambassadors included); deciding, for the commune's managers.
  "evenement proposer": { expect: MEMBERS, line: (_, n) => `evenement proposer type:stand titre:"Idée ${n}" debut:"21/3 9h-13h" lieu:Halle commune:Namur` },
  "proposition valider": { expect: MANAGERS, line: async (f) => `proposition valider ${await f.proposal()}` },
  "proposition refuser": { expect: MANAGERS, line: async (f) => `proposition refuser ${await f.proposal()} Déjà prévu` },
  // An action's tasks: those who manage its commune (its co-organisers too, not in this table).
  "tache ajouter": { expect: MANAGERS, line: (f, n) => `tache ajouter ${f.localEvent} "Tâche ${n}" avant:15/03` },
  "tache modele": { expect: MANAGERS, line: (f) => `tache modele ${f.localEvent} atelier` },
  // A task of the CoPil's: its owner (not in the table) or those who manage the commune.
  "tache fait": { expect: MANAGERS, line: async (f) => `tache fait ${await f.task()}` },
  "tache statut": { expect: MANAGERS, line: async (f) => `tache statut ${await f.task()} en-cours` },
  "tache attribuer": { expect: MANAGERS, line: async (f) => `tache attribuer ${await f.task()} pour:moi` },
  // One's own consent: anyone.
  "ambassadeur annuaire": { expect: EVERYONE, line: () => "ambassadeur annuaire oui" },
  "jeunesse ajouter": { expect: MEMBERS, line: (_, n) => `jeunesse ajouter nom:"MJ ${n}" type:maison-de-jeunes commune:Namur` },
  "jeunesse lier": { expect: MEMBERS, line: () => 'jeunesse lier "MJ Témoin" commune:Namur' },
  // A commune's partners are kept by its members; "Partenaire Témoin" is made before the cases.
  "partenaires ajouter": { expect: MEMBERS, line: (_, n) => `partenaires ajouter Partenaire ${n} type:commerce commune:Namur` },
  "partenaires modifier": { expect: MEMBERS, line: () => "partenaires modifier Partenaire Témoin telephone:081223344 commune:Namur" },
  "partenaires retirer": {
    expect: MEMBERS,
    line: async (_, n) => {
      const namur = (await app.services.repos.communes.findByName("Namur"))!;
      await app.services.community.partners.add({ communeId: namur.id, name: `Retrait ${n}`, key: `retrait-${n}`, kind: "horeca", together: null, email: null, phone: null });
      return `partenaires retirer Retrait ${n} commune:Namur`;
    },
  },
  // The monthly update of a commune's channel: those who manage the commune.
  "bilan mensuel": { expect: MANAGERS, line: () => "bilan mensuel on commune:Namur" },
  "partenaires lier": { expect: MEMBERS, line: (f) => `partenaires lier Partenaire Témoin evenement:${f.localEvent} commune:Namur` },
  // "Nous aussi" on a neighbour's initiative, for Namur: any member of Namur.
  "voisins aussi": { expect: MEMBERS, line: async (f) => `voisins aussi i-${await f.eupenInitiative()} commune:Namur` },
  // "Agir ensemble" on Eupen's local event, for Namur: who manages Namur.
  "voisins ensemble": { expect: MANAGERS, line: (f) => `voisins ensemble e-${f.eupenEvent} commune:Namur` },
  "fetes ajouter": { expect: MEMBERS, line: (_, n) => `fetes ajouter Fête ${n} date:12/09 annuel:oui commune:Namur` },
  "fetes retirer": { expect: MEMBERS, line: async (f) => `fetes retirer ${await f.feast()} commune:Namur` },
};

/** A fresh request to join Namur as a volunteer, by someone outside the table; its reference. */
let joiners = 0;
async function joinRequest(_n: number): Promise<string> {
  const text = textOf(await run(app, "rejoindre Namur benevole", { user: `joiner-${++joiners}` }));
  return /`([0-9a-f]{8})`/.exec(text)![1]!;
}

/** A recruitment call of Namur and a fresh answer to it by someone outside the table. */
let candidates = 0;
async function recruitAnswer(_n: number): Promise<{ call: string; answer: string }> {
  const n = ++candidates;
  const now = app.services.clock();
  const namur = (await app.services.repos.communes.findByName("Namur"))!;
  const call = await app.services.joining.recruit.createCall({ communeId: namur.id, groups: ["citizens"], network: false }, now);
  await run(app, "langue fr", { user: `candidate-${n}` });
  const person = (await app.services.repos.identity.findByAccount("terminal", "W1", `candidate-${n}`))!;
  const { answer } = await app.services.joining.recruit.answer(call.id, person.id, now);
  return { call: call.id.slice(0, 8), answer: answer.id.slice(0, 8) };
}

/**
 * Read-only commands whose audience is a choice worth pinning: a permission added to one of
 * them later must change its row here. `boite` lists what arrived in the caller's own
 * terminal (one reader): anyone. `accueil` shows one's own home (and only records, for
 * oneself, that it was opened, so that later changes refresh it): anyone.
 */
const READ_ONLY: Record<string, Case> = {
  boite: { expect: EVERYONE, line: () => "boite" },
  accueil: { expect: EVERYONE, line: () => "accueil" },
  "kit historique": { expect: COORDINATION_ONLY, line: () => "kit historique kit-jeunes-affiches" },
  parcours: { expect: COORDINATION_ONLY, line: () => "parcours benevole" },
  "copil candidats": { expect: COPIL_ONLY, line: () => "copil candidats Namur" },
  propositions: { expect: MANAGERS, line: () => "propositions Namur" },
  taches: { expect: EVERYONE, line: () => "taches" },
  ambassadeurs: { expect: EVERYONE, line: () => "ambassadeurs" },
  // Names and kinds are public; contact details only show to members (test/integration/territory/partners.test.ts).
  partenaires: { expect: EVERYONE, line: () => "partenaires Namur" },
  // Ready-to-send texts of an action: for the members of its commune.
  "initiative textes": { expect: MEMBERS, line: async (f) => `initiative textes ${await f.initiative()}` },
  "evenement textes": { expect: MEMBERS, line: (f) => `evenement textes ${f.localEvent}` },
  // The nearby communes of any commune: public facts, anyone.
  voisins: { expect: EVERYONE, line: () => "voisins Namur" },
  fetes: { expect: EVERYONE, line: () => "fetes Namur" },
  // The button of a feast's prompt opens the local event form: who may create Namur's local events.
  "fetes planifier": { expect: MANAGERS, line: async (f) => `fetes planifier ${await f.feast()} commune:Namur` },
};

/** What a refusal for lack of rights says (French: every case runs in French). */
const fr = translator("fr");
const REFUSALS: RegExp[] = (["error.forbidden", "error.membersOnly", "act.proposal.forbidden", "act.propose.notMember", "youth.notMember", "commune.forbidden", "idea.error.forbidden", "idea.error.notMember", "initiative.error.forbidden", "initiative.error.notMember", "poll.error.forbidden", "sheet.error.forbidden", "fe.notMember", "nb.notMember"] as MessageKey[]).map((key) => {
  const marker = "\u0000";
  const text = fr(key, { command: marker, commune: marker });
  return new RegExp(text.split(marker).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join(".*"));
});

const outcomes = new Map<string, string>();
let app: TestApp;
let fixtures: Fixtures;
const AUTHOR: As = { user: "vol-namur", role: "benevole", commune: "Namur" };
const COPIL_NAMUR: As = { user: "copil-namur", role: "copil", commune: "Namur" };
const COORD: As = { user: "coord", role: "coordination" };

/** The caller of one case: `holder` in Namur, in Eupen, with no commune, or in Eupen plus a volunteer in Namur. */
function caller(holder: Holder, column: Column): As {
  const user = `${holder}-${column}`;
  if (holder === "aucun") return { user };
  if (holder === "coordination") return { user, role: holder };
  return { user, role: holder, commune: column === "namur" ? "Namur" : column === "none" ? "Nulle part" : "Eupen" };
}

async function answer(line: string, as: As): Promise<{ reply: Reply; outcome: string }> {
  const reply = await run(app, line, { ...as, role: undefined });
  return { reply, outcome: outcomes.get(as.user!) ?? "?" };
}

beforeAll(async () => {
  app = await createTestApp({
    now: new Date("2027-01-04T09:00:00Z"),
    // Calendar feed addresses are given only under a public address.
    publicUrl: "https://cdce.example.be",
    onHandled: (info) => void (currentUser && outcomes.set(currentUser, info.outcome)),
  });
  for (const holder of [...ROLES, "aucun"] as const) {
    for (const column of COLUMNS) {
      await prepareUser(app, caller(holder, column));
      if (column === "mixed" && holder !== "aucun") await prepareUser(app, { user: caller(holder, column).user, role: "benevole", commune: "Namur" });
    }
  }
  const localEvent = codeOf(textOf(await run(app, 'evenement creer type:stand titre:"Stand" debut:"20/3 9h-13h" lieu:"Place d’Armes"', COPIL_NAMUR)));
  const webinar = codeOf(textOf(await run(app, 'webinaire planifier titre:"Charte" theme:gouvernance debut:"12/03 14h-15h" capacite:300', COORD)));
  const pollLine = textOf(await run(app, 'sondage "Quel jour ?" "Samedi" "Dimanche"', AUTHOR));
  const idea = refIn(textOf(await run(app, "idee Une idée témoin", AUTHOR)));
  await run(app, 'jeunesse ajouter nom:"MJ Témoin" type:maison-de-jeunes', COPIL_NAMUR);
  await run(app, "partenaires ajouter Partenaire Témoin type:ecole commune:Namur", COPIL_NAMUR);
  fixtures = {
    localEvent,
    webinar,
    poll: refIn(pollLine),
    sheet: async () => {
      await run(app, 'retour contexte:"Fiche témoin" reussi:"Le quiz" eviter:"Rien" conseils:"Venir"', AUTHOR);
      return (await app.services.community.sheets.all())[0]!.id.slice(0, 8);
    },
    idea,
    // A fresh proposal (by a volunteer) and a fresh task (the CoPil's) for each case.
    proposal: async () => refIn(textOf(await run(app, 'evenement proposer type:atelier titre:"Atelier" debut:"22/3 14h-16h" lieu:Salle', AUTHOR))),
    task: async () => refIn(textOf(await run(app, `tache ajouter ${localEvent} "Tâche témoin"`, COPIL_NAMUR))),
    eupenEvent: codeOf(textOf(await run(app, 'evenement creer type:stand titre:"Stand d’Eupen" debut:"20/3 9h-13h" lieu:"Werthplatz"', { user: "copil-eupen", role: "copil", commune: "Eupen" }))),
    eupenInitiative: async () => refIn(textOf(await run(app, 'initiative titre:"Témoin d’Eupen" description:"Une initiative" type:stand', { user: "vol-eupen", role: "benevole", commune: "Eupen" }))),
    feast: async () => {
      const namur = (await app.services.repos.communes.findByName("Namur"))!;
      const feast = await app.services.feasts.add({ communeId: namur.id, name: "Kermesse", day: "2027-09-12", yearly: true, createdAt: app.services.clock() });
      return feast.id.slice(0, 8);
    },
    // A fresh one for each case: valider, refuser, supprimer change or remove it.
    initiative: async () => refIn(textOf(await run(app, 'initiative titre:"Témoin" description:"Une initiative" type:stand', AUTHOR))),
  };
}, 300_000);
afterAll(async () => {
  await app?.close();
});

let currentUser: string | undefined;

describe("the permissions table", () => {
  it("has a row for every command that changes state, and only for those", () => {
    const changing = app.dispatcher.registry.all().filter((d) => d.changesState).map((d) => d.name).sort();
    expect(Object.keys(TABLE).sort()).toEqual(changing);
  });

  it("its read-only rows are read-only commands", () => {
    for (const name of Object.keys(READ_ONLY)) expect(app.dispatcher.registry.get(name)?.changesState).toBe(false);
  });

  const names = [...Object.keys(TABLE), ...Object.keys(READ_ONLY)];
  it.each(names)("%s: allowed and refused as the table says", async (name) => {
    const { expect: expected, line } = TABLE[name] ?? READ_ONLY[name]!;
    const wrong: string[] = [];
    let n = 0;
    for (const holder of [...ROLES, "aucun"] as const) {
      const columns = holder === "aucun" ? (["none"] as const) : COLUMNS;
      for (const [i, column] of columns.entries()) {
        const as = caller(holder, column);
        const typed = await line(fixtures, ++n);
        currentUser = as.user;
        const { reply, outcome } = await answer(typed, as);
        currentUser = undefined;
        const text = textOf(reply) + Object.values(reply.fieldErrors ?? {}).join("\n");
        const refused = outcome === "refused" || REFUSALS.some((r) => r.test(text));
        const want = expected[holder]![i] === "R";
        if (refused !== want) wrong.push(`${holder} (${column}): ${want ? "should be refused" : "should be allowed"} — ${outcome}: ${text.slice(0, 160)}`);
        if (outcome === "error") wrong.push(`${holder} (${column}): crashed on ${typed}`);
      }
    }
    expect(wrong).toEqual([]);
  }, 240_000);
});
