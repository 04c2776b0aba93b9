/**
 * Local events of a commune: a CoPil creates one with volunteer slots (tagged with the
 * campaign it falls in), volunteers sign up per slot, reminders the day before at 09:00 and
 * 2 hours before their slot, sharing to the network, and the campaign prompt six weeks ahead
 * to the communes that have not declared an action yet.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../helpers/test-app.js";
import { run, textOf } from "../../helpers/run.js";
import { codeOf, COORD, outbox } from "../../helpers/events.js";
import { promptCampaigns } from "../../../src/features/events/campaign-prompt.js";

let app: TestApp;
let code = "";
const COPIL = { user: "copil-namur", role: "copil", commune: "Namur", platform: "slack" } as const;
const person = async (user: string) => (await app.services.repos.identity.findByAccount("slack", "W1", user))!.id;
const commune = async (name: string) => (await app.services.repos.communes.findByName(name))!;

beforeAll(async () => {
  app = await createTestApp({ now: new Date("2027-08-01T09:00:00Z") });
  await run(app, "config canal reseau", COORD);
  await app.services.repos.channels.link({ platform: "slack", workspaceId: "W1", channelId: "CNAMUR", purpose: "commune", communeId: (await commune("Namur")).id });
  await app.services.repos.channels.link({ platform: "slack", workspaceId: "W1", channelId: "CEUPEN", purpose: "commune", communeId: (await commune("Eupen")).id });
});
afterAll(async () => {
  await app?.close();
});

describe("local events", () => {
  it("a CoPil creates a stand with slots; it counts for the Semaine du Commerce Équitable", async () => {
    const r = await run(app, 'evenement creer type:stand titre:"Stand au marché" debut:"9/10 9h-13h" lieu:"Place d’Armes" creneaux:"9h-11h x1, 11h-13h x2"', COPIL);
    code = codeOf(textOf(r));
    expect(textOf(r)).toContain("Semaine du Commerce Équitable");
    const event = (await app.services.events.repo.byCode(code))!;
    expect(event).toMatchObject({ kind: "local", theme: "stand", campaign: "sce-2027", communeId: (await commune("Namur")).id });
    expect((await app.services.events.repo.slots(event.id)).map((s) => s.capacity)).toEqual([1, 2]);
    // Logged as an action of the commune for the momentum watch, dated when it happens.
    const logged = (await app.services.repos.activity.recent(event.communeId!, 5)).find((a) => a.kind === "event")!;
    expect(logged.at.toISOString()).toBe(event.startsAt.toISOString());
    expect(logged.data).toMatchObject({ code, criteria: [4], campaign: "sce-2027" });
  });

  it("refuses a volunteer creating one, and explains a bad slot", async () => {
    expect(textOf(await run(app, 'evenement creer type:stand titre:x debut:"9/10 9h-13h" lieu:y', { user: "vol", role: "benevole", commune: "Namur", platform: "slack" }))).toContain("réservée");
    const bad = await run(app, 'evenement creer type:kermesse titre:x debut:"9/10 9h-13h" lieu:y creneaux:"8h-10h x2"', COPIL);
    expect(bad.fieldErrors?.type).toContain("stand, atelier");
    expect(bad.fieldErrors?.creneaux).toContain("sort des heures");
  });

  it("volunteers sign up per slot; a full slot waitlists; reminders the day before and 2 hours before the slot", async () => {
    const ask = await run(app, `evenement rejoindre ${code}`, { user: "V1", role: "benevole", commune: "Namur", platform: "slack" });
    expect(textOf(ask)).toContain("Choisissez un créneau");
    expect(ask.blocks.some((b) => b.type === "actions" && b.buttons.some((x) => x.command === `evenement rejoindre ${code} creneau:2`))).toBe(true);
    expect(textOf(await run(app, `evenement rejoindre ${code} creneau:1`, { user: "V1", platform: "slack" }))).toContain("inscrit·e");
    expect(textOf(await run(app, `evenement rejoindre ${code} creneau:1`, { user: "V2", role: "benevole", commune: "Namur", platform: "slack" }))).toContain("liste d’attente");
    expect(textOf(await run(app, `evenement rejoindre ${code} creneau:2`, { user: "V2", platform: "slack" }))).toContain("inscrit·e");
    const event = (await app.services.events.repo.byCode(code))!;
    const v1 = await outbox(app, `evt:${event.id}:rem:${await person("V1")}:`, ["pending"]);
    expect(v1.map((r) => r.dueAt.toISOString())).toEqual(["2027-10-08T07:00:00.000Z", "2027-10-09T05:00:00.000Z"]);
    const v2 = await outbox(app, `evt:${event.id}:rem:${await person("V2")}:`, ["pending"]);
    expect(v2.map((r) => r.dueAt.toISOString())).toEqual(["2027-10-08T07:00:00.000Z", "2027-10-09T07:00:00.000Z"]); // slot 2 at 11:00
    const shown = textOf(await run(app, `evenement ${code}`, { user: "V1", platform: "slack" }));
    expect(shown).toContain("Créneau 1 : 09:00–11:00 · 1/1");
    expect(shown).toContain("De ma commune");
  });

  it("is listed for the commune and shared to the network by its CoPil only", async () => {
    expect(textOf(await run(app, "evenements", COPIL))).toContain("Stand au marché");
    expect(textOf(await run(app, `evenement partager ${code}`, { user: "copil-eupen", role: "copil", commune: "Eupen", platform: "slack" }))).toContain("réservée");
    expect(textOf(await run(app, `evenement partager ${code}`, COPIL))).toContain("partagé");
    const event = (await app.services.events.repo.byCode(code))!;
    const rows = await outbox(app, `evt:${event.id}:announce:`, ["pending"]);
    expect(rows.map((r) => r.target.channelId)).toEqual(["C1"]);
    expect(rows[0]!.summary).toContain("Namur organise une action");
  });
});

describe("campaign prompts", () => {
  it("prompts six weeks ahead the communes that have not declared an action, once", async () => {
    app.setNow(new Date("2027-08-25T07:05:00Z"));
    expect(await promptCampaigns(app.services, app.services.clock())).toBe(1); // Eupen only: Namur has its stand
    expect(await promptCampaigns(app.services, app.services.clock())).toBe(1);
    const rows = await outbox(app, "campaign:sce-2027:", ["pending"]);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.target.channelId).toBe("CEUPEN");
    expect(rows[0]!.summary).toContain("Woche des Fairen Handels");
    // The day alone, in words: no clock time, no dangling "um" / "à" before the comma.
    expect(rows[0]!.summary).toMatch(/6\. Oktober 2027, /);
    expect(rows[0]!.expiresAt?.toISOString()).toBe("2027-10-05T22:00:00.000Z");
  });
});
