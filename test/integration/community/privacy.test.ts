/**
 * `/cdce moi`, `moi export` and `moi supprimer` over a real database: a person who shared,
 * wrote, voted, followed, asked for contact and received messages erases their data; then
 * every table of the SQLite file is read back and none holds their id, name, platform user
 * id or contact line, while their contributions stay for the network, without them.
 */
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../helpers/test-app.js";
import { run, textOf, type As } from "../../helpers/run.js";
import { deliver, memorySender, refIn } from "../../helpers/community.js";

const ZOE: As = { user: "U0ZOE", role: "benevole", commune: "Namur", platform: "slack" };
const AUTHOR: As = { user: "U0AUTHOR", role: "copil", commune: "Namur", platform: "slack" };
const CONTACT = "zoe.privee@example.org";

let app: TestApp;

/** Every row of every table, as text, read straight from the SQLite file. */
function dumpDatabase(url: string): Map<string, string> {
  const db = new Database(url.replace(/^file:/, ""), { readonly: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[];
    return new Map(tables.map((t) => [t.name, JSON.stringify(db.prepare(`SELECT * FROM "${t.name}"`).all())]));
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  app = await createTestApp();
  await app.services.repos.channels.link({ platform: "slack", workspaceId: "W1", channelId: "C0RESEAU", purpose: "network", communeId: null });
});
afterAll(async () => {
  await app?.close();
});

describe("personal data", () => {
  it("shows, exports and erases what the bot keeps, leaving nothing personal in the database", async () => {
    // Someone else's initiative and poll, which Zoé follows, contacts and votes in.
    const other = refIn(textOf(await run(app, 'initiative titre:"Marché équitable" description:"Au centre" type:marche', AUTHOR)));
    const otherPoll = refIn(textOf(await run(app, 'sondage "Quel mois ?" "Mai" "Juin"', AUTHOR)));
    // Zoé's own traces.
    const mine = refIn(textOf(await run(app, 'initiative titre:"Stand de Zoé" description:"Chocolat chaud" type:stand', ZOE)));
    await run(app, `retour contexte:"Stand au marché" reussi:"Le chocolat" eviter:"La pluie" conseils:"Une tente" contact:${CONTACT}`, ZOE);
    const idea = refIn(textOf(await run(app, "idee Un atelier cacao à l’école anonyme:oui", ZOE)));
    await run(app, 'sondage "Zoé demande : stand ou atelier ?" "Stand" "Atelier"', ZOE);
    await run(app, `sondage voter ${otherPoll} 2`, ZOE);
    await run(app, `initiative aussi ${other}`, ZOE);
    await run(app, `initiative contact ${other}`, ZOE);
    await run(app, "outils declarer Canva categorie:design", ZOE);
    await run(app, "langue de", ZOE);
    await run(app, `idee statut ${idea} retenue`, AUTHOR); // a DM to Zoé is queued

    const me = textOf(await run(app, "moi", ZOE));
    expect(me).toContain("Was der Bot über Sie speichert");
    expect(me).toContain("U0ZOE");
    expect(me).toMatch(/1 Initiative\(n\), 1 Bericht\(e\), 1 Idee\(n\), 1 Umfrage\(n\), 1 Stimme\(n\), 1 „machen wir auch“, 1 gemeldete\(s\) Werkzeug\(e\)/);

    const exported = await run(app, "moi export", ZOE);
    const file = exported.files?.[0];
    expect(file?.contentType).toBe("application/json");
    const json = JSON.parse(String(file!.data)) as Record<string, any>;
    expect(json.person.name).toBe("U0ZOE");
    expect(json.sheets[0].contact).toBe(CONTACT);
    expect(json.ideas[0]).toMatchObject({ anonymous: true, status: "kept" });
    expect(json.accounts).toEqual([{ platform: "slack", workspaceId: "W1", userId: "U0ZOE", personId: json.person.id }]);
    const personId = json.person.id as string;

    // Posted: her initiative (attributed) in the network channel, her contact request to the author.
    const slack = memorySender("slack");
    await deliver(app, [slack]);
    const named = () => slack.visible().filter((p) => JSON.stringify(p.reply).includes("U0ZOE"));
    expect(named().map((p) => p.target.channelId).sort()).toEqual(["C0RESEAU", "U0AUTHOR", "U0AUTHOR"]);

    const before = dumpDatabase(app.databaseUrl);
    expect([...before.values()].some((rows) => rows.includes("U0ZOE"))).toBe(true);

    const ask = await run(app, "moi supprimer", ZOE);
    expect(textOf(ask)).toContain("(moi supprimer confirmer:oui)");
    expect(await app.services.repos.identity.getPerson(personId)).not.toBeNull();
    expect(textOf(await run(app, "moi supprimer confirmer:oui", { user: "U0ZOE", platform: "slack" }))).toContain("Erledigt");

    // The posts that named her are taken down; her initiative is posted again, authorless.
    await deliver(app, [slack]);
    expect(named()).toEqual([]);
    const reposted = slack.visible().filter((p) => JSON.stringify(p.reply).includes("Stand de Zoé"));
    expect(reposted).toHaveLength(1);
    expect(JSON.stringify(reposted[0]!.reply)).toContain("Partagé par Namur");

    const after = dumpDatabase(app.databaseUrl);
    const leaks = [...after.entries()].flatMap(([table, rows]) => [personId, "U0ZOE", CONTACT].filter((s) => rows.includes(s)).map((s) => `${table}: ${s}`));
    expect(leaks).toEqual([]);

    // What Zoé gave the network stays, without her.
    const initiative = (await app.services.community.initiatives.findByPrefix(mine))[0]!;
    expect(initiative).toMatchObject({ title: "Stand de Zoé", authorId: null });
    expect(textOf(await run(app, `initiative voir ${mine}`, AUTHOR))).toContain("Partagé par Namur");
    const sheet = (await app.services.community.sheets.all())[0]!;
    expect(sheet).toMatchObject({ authorId: null, contact: null, worked: "Le chocolat" });
    expect((await app.services.community.ideas.findByPrefix(idea))[0]).toMatchObject({ authorId: null, text: "Un atelier cacao à l’école" });
    const poll = (await app.services.community.polls.findByPrefix(otherPoll))[0]!;
    expect((await app.services.community.polls.tally(poll.id, 2)).counts).toEqual([0, 1]);
    // Other people keep everything.
    const others = (await app.services.community.initiatives.findByPrefix(other))[0]!;
    expect(others.authorId).not.toBeNull();
    // Coming back, Zoé is a new person with nothing attached.
    const again = textOf(await run(app, "moi", { user: "U0ZOE", platform: "slack" }));
    expect(again).toContain("0 initiative(s)");
  });
});
