/**
 * Local fêtes and markets through the dispatcher, on SQLite and PostgreSQL (feasts-*.test.ts):
 * members log them in their language (once or yearly), list and remove them; six weeks
 * before each occurrence the commune's channel is prompted with the kits that fit and a
 * button that opens the local event form filled for that day; never twice for the same
 * occurrence, again the next year for a yearly one. And the campaign calendar's Oxfam
 * breakfasts: prompted six weeks before the third weekend of November, as a whole sentence,
 * and a local event that weekend counts as the commune's action for them.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestApp } from "../../helpers/test-app.js";
import { run, textOf, type As } from "../../helpers/run.js";
import { deliverDue, outbox } from "../../helpers/events.js";
import type { OutboundMessage } from "../../../src/core/outbound.js";
import { promptFeasts } from "../../../src/features/feasts/prompt.js";
import { promptCampaigns } from "../../../src/features/events/campaign-prompt.js";

const VOL_NAMUR: As = { user: "vol-namur", role: "benevole", commune: "Namur" };
const COPIL_NAMUR: As = { user: "copil-namur", role: "copil", commune: "Namur" };
const VOL_EUPEN: As = { user: "vol-eupen", role: "benevole", commune: "Eupen", locale: "de-DE" };
const refIn = (text: string) => /`([0-9a-f]{8})`/.exec(text)?.[1] ?? `none in ${text.slice(0, 120)}`;

export function feastsSuite(name: string, makeApp: (now: Date) => Promise<TestApp>): void {
  describe(name, () => {
    let app: TestApp;
    let braderie = "";
    let once = "";
    const commune = async (n: string) => (await app.services.repos.communes.findByName(n))!;

    beforeAll(async () => {
      app = await makeApp(new Date("2027-03-01T10:00:00Z"));
      await app.services.repos.channels.link({ platform: "slack", workspaceId: "W1", channelId: "CNAMUR", purpose: "commune", communeId: (await commune("Namur")).id });
    }, 120_000);
    afterAll(async () => {
      await app?.close();
    });

    it("members log fêtes in their language, once or every year; others cannot", async () => {
      const added = textOf(await run(app, "fetes ajouter Braderie de Jambes date:12/09 annuel:oui", VOL_NAMUR));
      expect(added).toContain("« Braderie de Jambes » est noté pour Namur (chaque année, le 12 septembre");
      expect(added).toContain("Six semaines avant, le canal de Namur recevra");
      braderie = refIn(added);
      once = refIn(textOf(await run(app, "fetes ajouter Fête du quartier date:15/05/2027", VOL_NAMUR)));
      const de = textOf(await run(app, "feste hinzufügen Schützenfest datum:24.06. jährlich:ja", VOL_EUPEN));
      expect(de).toContain("„Schützenfest“ ist für Eupen eingetragen (jedes Jahr am 24. Juni");
      // No channel linked to Eupen: said, not promised.
      expect(de).toContain("Mit Eupen ist kein Kanal verbunden");
      expect(textOf(await run(app, "fetes ajouter Bal date:31/02", VOL_NAMUR))).toContain("illisible");
      expect(textOf(await run(app, "fetes ajouter Bal date:01/01/2026", VOL_NAMUR))).toContain("est passé");
      expect(textOf(await run(app, "fetes ajouter date:01/08", VOL_NAMUR))).toContain("Quel nom ?");
      expect(textOf(await run(app, "fetes ajouter Bal date:01/08 commune:Namur", VOL_EUPEN))).toContain("Nur die Mitglieder von Namur (und die Koordination)");
      const list = textOf(await run(app, "fetes", VOL_NAMUR));
      expect(list).toContain("Fêtes et marchés de Namur (2)");
      expect(list.indexOf("Fête du quartier")).toBeLessThan(list.indexOf("Braderie de Jambes")); // by month and day
      expect(list).toContain("prochaine fois : 12 septembre 2027");
      expect(textOf(await run(app, "festivals", { user: "nobody", locale: "en-GB" }))).toContain("Which commune? For example `/cdce festivals Namur`.");
    });

    it("prompts the commune's channel six weeks before, with kits and a button; never twice per occurrence", async () => {
      // 15 May 2027 minus six weeks: Saturday 3 April, 09:00 Brussels (summer time).
      app.setNow(new Date("2027-04-03T06:59:00Z"));
      expect(await promptFeasts(app.services, app.services.clock())).toBe(0);
      app.setNow(new Date("2027-04-03T07:10:00Z"));
      expect(await promptFeasts(app.services, app.services.clock())).toBe(1);
      expect(await promptFeasts(app.services, app.services.clock())).toBe(0);
      app.setNow(new Date("2027-04-04T07:10:00Z"));
      expect(await promptFeasts(app.services, app.services.clock())).toBe(0);
      const rows = await outbox(app, "feast:");
      expect(rows.map((r) => [r.key.split(":")[2], r.target.channelId, r.dueAt.toISOString(), r.expiresAt?.toISOString()])).toEqual([["2027-05-15", "CNAMUR", "2027-04-03T07:00:00.000Z", "2027-05-14T22:00:00.000Z"]]);
      const sent: OutboundMessage[] = [];
      await deliverDue(app, { platform: "slack", send: async (m) => (sent.push(m), { externalId: String(sent.length) }) });
      const prompt = sent.find((m) => m.idempotencyKey.startsWith("feast:"))!;
      const text = textOf(prompt.reply);
      expect(text).toContain("Dans six semaines : Fête du quartier");
      expect(text).toContain("Fête du quartier a lieu le 15 mai 2027 à Namur.");
      expect(text).toContain("Kits qui s’y prêtent");
      expect(text).toMatch(/\(`kit-[a-z0-9-]+`\)/);
      const plan = prompt.reply.blocks.flatMap((b) => (b.type === "actions" ? b.buttons : []))[0]!;
      expect(plan.command).toBe(`fetes planifier ${once} commune:"Namur"`);
      // The button opens the local event form, filled for that day, for the CoPil.
      expect(textOf(await run(app, plan.command, VOL_NAMUR))).toContain("« fetes planifier » est réservée");
      const form = await run(app, plan.command, COPIL_NAMUR);
      expect(form.form?.submitCommand).toBe("evenement creer");
      const values = Object.fromEntries(form.form!.fields.map((f) => [f.name, f.value]));
      expect(values).toMatchObject({ type: "stand", titre: "Stand : Fête du quartier", debut: "2027-05-15 " });
      // Sent with the hours added, it is the commune's local event on that day.
      const made = textOf(await run(app, `evenement creer type:stand titre:"${values.titre}" debut:"${values.debut}10h-14h" lieu:"Place"`, COPIL_NAMUR));
      expect(made).toContain("Action créée pour Namur");
    });

    it("prompts a yearly fête for each year's occurrence, once each", async () => {
      app.setNow(new Date("2027-08-01T07:10:00Z")); // 12 Sep 2027 minus six weeks: 1 Aug
      expect(await promptFeasts(app.services, app.services.clock())).toBe(1);
      app.setNow(new Date("2027-09-13T07:10:00Z")); // the day after: nothing until next year
      expect(await promptFeasts(app.services, app.services.clock())).toBe(0);
      app.setNow(new Date("2028-08-01T07:10:00Z"));
      expect(await promptFeasts(app.services, app.services.clock())).toBe(1);
      expect((await outbox(app, "feast:")).map((r) => r.key.split(":")[2]).sort()).toEqual(["2027-05-15", "2027-09-12", "2028-09-12"]);
    });

    it("removes a fête of one's own commune only", async () => {
      expect(textOf(await run(app, `feste entfernen ${braderie} gemeinde:Namur`, VOL_EUPEN))).toContain("Nur die Mitglieder von Namur (und die Koordination)");
      expect(textOf(await run(app, `fetes retirer ${braderie}`, VOL_NAMUR))).toContain("« Braderie de Jambes » est retiré");
      expect(textOf(await run(app, `fetes retirer ${braderie}`, VOL_NAMUR))).toContain("Je ne trouve pas de fête");
      expect(textOf(await run(app, "fetes", VOL_NAMUR))).not.toContain("Braderie");
    });

    it("prompts the Oxfam breakfasts six weeks before the third weekend of November, in a whole sentence", async () => {
      // 2028: Saturday 18 and Sunday 19 November; six weeks before: Saturday 7 October, 09:00 Brussels.
      app.setNow(new Date("2028-10-07T07:05:00Z"));
      expect(await promptCampaigns(app.services, app.services.clock())).toBe(1);
      expect(await promptCampaigns(app.services, app.services.clock())).toBe(1);
      const rows = await outbox(app, "campaign:oxfam-2028:");
      expect(rows.map((r) => [r.target.channelId, r.dueAt.toISOString(), r.expiresAt?.toISOString()])).toEqual([["CNAMUR", "2028-10-07T07:00:00.000Z", "2028-11-17T23:00:00.000Z"]]);
      const sent: OutboundMessage[] = [];
      await deliverDue(app, { platform: "slack", send: async (m) => (sent.push(m), { externalId: String(sent.length) }) });
      const text = textOf(sent.find((m) => m.idempotencyKey.startsWith("campaign:oxfam-2028:"))!.reply);
      expect(text).toContain("Petits-déjeuners Oxfam : c’est le week-end du 18 novembre 2028, dans six semaines. Que prévoit Namur ?");
      expect(text).toContain("petit-déjeuner équitable et local");
      // A breakfast that weekend is Namur's action for the campaign.
      const made = textOf(await run(app, 'evenement creer type:petit-dejeuner titre:"Petit-déjeuner Oxfam" debut:"19/11 8h-11h" lieu:"Salle des fêtes"', COPIL_NAMUR));
      expect(made).toContain("Elle compte comme votre action pour Petits-déjeuners Oxfam.");
      const de = textOf(await run(app, "veranstaltungen Namur", { user: "de-reader", locale: "de-DE" }));
      expect(de).toContain("Petit-déjeuner Oxfam");
    });
  });
}
