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
  initiative: { expect: MEMBERS, line: (_, n) => `initiative titre:"Essai ${n}" description:"Un essai" type:stand commune:Namur` },
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
};

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
};

/** What a refusal for lack of rights says (French: every case runs in French). */
const fr = translator("fr");
const REFUSALS: RegExp[] = (["error.forbidden", "commune.forbidden", "idea.error.forbidden", "idea.error.notMember", "initiative.error.forbidden", "initiative.error.notMember", "poll.error.forbidden", "sheet.error.forbidden"] as MessageKey[]).map((key) => {
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
  fixtures = {
    localEvent,
    webinar,
    poll: refIn(pollLine),
    sheet: async () => {
      await run(app, 'retour contexte:"Fiche témoin" reussi:"Le quiz" eviter:"Rien" conseils:"Venir"', AUTHOR);
      return (await app.services.community.sheets.all())[0]!.id.slice(0, 8);
    },
    idea,
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
