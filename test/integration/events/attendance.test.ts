/**
 * After a session: the "who came?" prompt to coordination, attendance by button and by a
 * list of names (ActivityEvent `training_attended` for the momentum watch), a CoPil's view
 * of its members' participation, and the nudge to communes with nobody registered.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../helpers/test-app.js";
import { run, textOf } from "../../helpers/run.js";
import { COORD, outbox, planWebinar } from "../../helpers/events.js";

let app: TestApp;
let code = "";
const commune = async (name: string) => (await app.services.repos.communes.findByName(name))!;

beforeAll(async () => {
  app = await createTestApp({ now: new Date("2027-03-01T09:00:00Z") });
  const channels = app.services.repos.channels;
  await channels.link({ platform: "slack", workspaceId: "W1", channelId: "CCOORD", purpose: "coordination", communeId: null });
  await channels.link({ platform: "slack", workspaceId: "W1", channelId: "CNAMUR", purpose: "commune", communeId: (await commune("Namur")).id });
  await channels.link({ platform: "discord", workspaceId: "G1", channelId: "CEUPEN", purpose: "commune", communeId: (await commune("Eupen")).id });
  code = await planWebinar(app, 'titre:"Gouvernance : la charte" theme:gouvernance debut:"16/03 19h" duree:90 public:copil type:formation');
  await run(app, `webinaire rejoindre ${code}`, { user: "Alice Martin", role: "copil", commune: "Namur", platform: "slack" });
  await run(app, `webinaire rejoindre ${code}`, { user: "Bob Leroy", role: "copil", commune: "Namur", platform: "slack" });
});
afterAll(async () => {
  await app?.close();
});

describe("nudges and the CoPil's view", () => {
  it("nudges only the communes with nobody registered, through their channels", async () => {
    const r = await run(app, `webinaire relancer ${code}`, COORD);
    expect(textOf(r)).toContain("Eupen");
    expect(textOf(r)).not.toContain("Namur");
    const event = (await app.services.events.repo.byCode(code))!;
    const rows = await outbox(app, `evt:${event.id}:nudge:`, ["pending"]);
    expect(rows.map((x) => x.target.channelId)).toEqual(["CEUPEN"]);
    expect(rows[0]!.summary).toContain("Eupen"); // in German: Eupen's first language
    expect(rows[0]!.summary).toContain("angemeldet");
  });

  it("shows a CoPil member which colleagues take part", async () => {
    const t = textOf(await run(app, "participations", { user: "Bob Leroy", platform: "slack" }));
    expect(t).toContain("Participations de Namur");
    expect(t).toContain("Gouvernance : la charte");
    expect(t).toContain("Alice Martin");
  });
});

describe("attendance", () => {
  it("queues the 'who came?' prompt to coordination for the end of the session", async () => {
    const event = (await app.services.events.repo.byCode(code))!;
    const rows = await outbox(app, `evt:${event.id}:attendance:`, ["pending"]);
    expect(rows.map((x) => [x.target.channelId, x.dueAt.toISOString()])).toEqual([["CCOORD", "2027-03-16T19:30:00.000Z"]]);
  });

  it("refuses before the session, then marks by button and by names, once", async () => {
    expect(textOf(await run(app, `webinaire presences ${code}`, COORD))).toContain("pas encore commencé");
    app.setNow(new Date("2027-03-16T20:00:00Z"));
    const list = await run(app, `webinaire presences ${code}`, COORD);
    const alice = list.blocks.flatMap((b) => (b.type === "actions" ? b.buttons : [])).find((b) => b.label.includes("Alice"))!;
    expect(textOf(await run(app, alice.command, COORD))).toContain("1 présence notée");
    expect(textOf(await run(app, alice.command, COORD))).toContain("Aucune nouvelle présence");
    const byNames = textOf(await run(app, `webinaire presences ${code} noms:"bob leroy, Zoé Inconnue"`, COORD));
    expect(byNames).toContain("1 présence notée");
    expect(byNames).toContain("Zoé Inconnue");
    expect(byNames).toContain("2/2");
    const namur = await commune("Namur");
    const activity = (await app.services.repos.activity.recent(namur.id, 10)).filter((a) => a.kind === "training_attended");
    expect(activity).toHaveLength(2);
    expect(activity[0]!.at.toISOString()).toBe("2027-03-16T18:00:00.000Z");
    expect(activity[0]!.data).toMatchObject({ code, theme: "gouvernance", kind: "training" });
  });

  it("is refused to a CoPil member for a network webinar", async () => {
    expect(textOf(await run(app, `webinaire presences ${code}`, { user: "Bob Leroy", platform: "slack" }))).toContain("réservée");
  });
});
