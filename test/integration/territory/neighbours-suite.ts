/**
 * Neighbouring communes through the dispatcher, on SQLite and PostgreSQL (neighbours-*.test.ts):
 * `/cdce voisins` (distance, languages, actions), the weekly "near you" digest with the
 * injected clock (once a week, only to communes within the distance, never twice for the
 * same item), "Nous aussi" (an action of the commune, once) and "Agir ensemble" (a joint
 * event co-owned by two communes: listed, registrable and on both dashboards).
 *
 * Distances of the demo communes: Namur–Fernelmont 13 km, Namur–Éghezée 14 km,
 * Namur–Florennes 30 km (beyond the default 25 km).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestApp } from "../../helpers/test-app.js";
import { run, textOf, type As } from "../../helpers/run.js";
import { deliverDue, outbox } from "../../helpers/events.js";
import type { OutboundMessage } from "../../../src/core/outbound.js";
import { refIn } from "../../helpers/community.js";
import { sendNearbyDigests } from "../../../src/features/neighbours/digest.js";
import type { Reply } from "../../../src/core/types.js";

const COPIL_NAMUR: As = { user: "copil-namur", role: "copil", commune: "Namur" };
const COPIL_EGHEZEE: As = { user: "copil-eghezee", role: "copil", commune: "Eghezée" };
const COPIL_FLORENNES: As = { user: "copil-florennes", role: "copil", commune: "Florennes" };
const VOL_FERNELMONT: As = { user: "vol-fernelmont", role: "benevole", commune: "Fernelmont" };
const VOL_NAMUR: As = { user: "vol-namur", role: "benevole", commune: "Namur" };
const VOL_EGHEZEE: As = { user: "vol-eghezee", role: "benevole", commune: "Eghezée" };

/** The code in "… (`/cdce evenement k3x9q`)" or "(code `k3x9q`)". */
const codeOf = (text: string) => /`(?:\/cdce \w+ )?([a-z0-9]{5})`/.exec(text)?.[1] ?? `none in ${text.slice(0, 160)}`;

const buttons = (r: Reply) => r.blocks.flatMap((b) => (b.type === "actions" ? b.buttons : []));

export function neighboursSuite(name: string, makeApp: (now: Date) => Promise<TestApp>): void {
  describe(name, () => {
    let app: TestApp;
    let namurEvent = "";
    let florennesEvent = "";
    let initiativeRef = "";
    const commune = async (n: string) => (await app.services.repos.communes.findByName(n))!;
    const link = async (n: string, channelId: string) => app.services.repos.channels.link({ platform: "slack", workspaceId: "W1", channelId, purpose: "commune", communeId: (await commune(n)).id });

    beforeAll(async () => {
      // Wednesday of ISO week 2027-W09.
      app = await makeApp(new Date("2027-03-03T10:00:00Z"));
      await run(app, "config canal reseau", { user: "coord", role: "coordination" });
      for (const [n, c] of [["Namur", "CNAMUR"], ["Eghezée", "CEGHEZEE"], ["Florennes", "CFLORENNES"], ["Fernelmont", "CFERNELMONT"]] as const) await link(n, c);
      namurEvent = codeOf(textOf(await run(app, 'evenement creer type:stand titre:"Petit marché équitable" debut:"10/04 9h-13h" lieu:"Place d’Armes"', COPIL_NAMUR)));
      expect(textOf(await run(app, `evenement partager ${namurEvent}`, COPIL_NAMUR))).toContain("partagé");
      florennesEvent = codeOf(textOf(await run(app, 'evenement creer type:atelier titre:"Atelier chocolat" debut:"17/04 14h-16h" lieu:"Salle" commune:Florennes', COPIL_FLORENNES)));
      expect(textOf(await run(app, `evenement partager ${florennesEvent}`, COPIL_FLORENNES))).toContain("partagé");
      initiativeRef = refIn(textOf(await run(app, 'initiative titre:"Goûter équitable à l’école" description:"Un goûter" type:stand commune:Fernelmont', VOL_FERNELMONT)));
    }, 120_000);
    afterAll(async () => {
      await app?.close();
    });

    it("lists the communes within 25 km with distance, languages and their actions", async () => {
      const t = textOf(await run(app, "voisins Namur", VOL_NAMUR));
      expect(t).toContain("Communes voisines de Namur (à 25 km ou moins)");
      expect(t).toMatch(/Fernelmont\*\* · 13 km · langues : FR/);
      expect(t).toMatch(/Eghezée\*\* · 14 km/);
      expect(t).not.toContain("Florennes");
      // Florennes' neighbours: none within 25 km of the demo communes, so the nearest, Namur with its coming action.
      const far = textOf(await run(app, "voisins Florennes", { user: "de-user", locale: "de-DE" }));
      expect(far).toContain("Keine Gemeinde des Netzwerks im Umkreis von 25 km um Florennes");
      expect(far).toMatch(/Namur\*\* · 30 km/);
      expect(far).toContain(namurEvent);
      expect(textOf(await run(app, "voisins", { user: "nobody" }))).toContain("De quelle commune ?");
    });

    it("queues one digest per commune and week, only within the distance, never twice for an item", async () => {
      // Monday of the next week, 09:30 Brussels.
      app.setNow(new Date("2027-03-08T08:30:00Z"));
      expect(await sendNearbyDigests(app.services, app.services.clock())).toBe(3); // Namur, Éghezée, Fernelmont
      expect(await sendNearbyDigests(app.services, app.services.clock())).toBe(0);
      const rows = await outbox(app, "near:2027-W09:", ["pending"]);
      // Florennes is 30 km from Namur: nothing for it.
      expect(rows.map((r) => r.target.channelId).sort()).toEqual(["CEGHEZEE", "CFERNELMONT", "CNAMUR"]);
      // What the channels get, in full.
      const sent: OutboundMessage[] = [];
      await deliverDue(app, { platform: "slack", send: async (m) => (sent.push(m), { externalId: String(sent.length) }) });
      const posted = (c: string) => sent.filter((m) => m.idempotencyKey.startsWith("near:") && m.target.channelId === c);
      expect(posted("CNAMUR")).toHaveLength(1);
      const namur = textOf(posted("CNAMUR")[0]!.reply);
      expect(namur).toContain("Goûter équitable à l’école");
      expect(namur).toContain("Fernelmont (13 km)");
      expect(namur).not.toContain("Petit marché"); // its own
      expect(namur).not.toContain("Atelier chocolat"); // Florennes, 30 km
      const eghezee = textOf(posted("CEGHEZEE")[0]!.reply);
      expect(eghezee).toContain("Petit marché équitable");
      expect(eghezee).toContain("Goûter équitable à l’école");
      expect(textOf(posted("CFERNELMONT")[0]!.reply)).toContain("Petit marché équitable");
      expect(posted("CFLORENNES")).toEqual([]);
      // Each item has its two buttons, for the commune of the channel.
      expect(buttons(posted("CNAMUR")[0]!.reply).map((b) => b.command)).toEqual([`voisins aussi i-${initiativeRef} commune:"Namur"`, `voisins ensemble i-${initiativeRef} commune:"Namur"`]);
      expect(buttons(posted("CEGHEZEE")[0]!.reply).map((b) => b.label)).toEqual(["Nous aussi", "Agir ensemble", "Nous aussi", "Agir ensemble"]);
      expect(buttons(posted("CEGHEZEE")[0]!.reply).map((b) => b.command)).toContain(`voisins ensemble e-${namurEvent} commune:"Eghezée"`);
      // A week later: last week's items are not listed again (nothing new, nothing queued).
      app.setNow(new Date("2027-03-15T08:30:00Z"));
      expect(await sendNearbyDigests(app.services, app.services.clock())).toBe(0);
      expect(await outbox(app, "near:2027-W10:")).toEqual([]);
      expect(await outbox(app, "near:")).toHaveLength(3);
    });

    it("digest items carry both buttons; 'Nous aussi' is an action of the commune, once", async () => {
      const eghezee = await commune("Eghezée");
      const namur = await commune("Namur");
      const before = (await app.services.repos.activity.recent(namur.id, 50)).length;
      const line = `voisins aussi i-${initiativeRef} commune:"Namur"`;
      expect(textOf(await run(app, line, VOL_NAMUR))).toContain("C’est noté : Namur fait aussi « Goûter équitable à l’école » (de Fernelmont)");
      const acts = await app.services.repos.activity.recent(namur.id, 50);
      expect(acts.length).toBe(before + 1);
      expect(acts.find((a) => a.data?.too)).toMatchObject({ kind: "initiative", data: expect.objectContaining({ too: `i-${initiativeRef}`, from: "Fernelmont", title: "Goûter équitable à l’école" }) });
      expect(textOf(await run(app, line, VOL_NAMUR))).toContain("avait déjà dit « Nous aussi »");
      expect((await app.services.repos.activity.recent(namur.id, 50)).length).toBe(before + 1);
      // Someone of another commune cannot answer for Namur.
      expect(textOf(await run(app, line, VOL_EGHEZEE))).toContain("Seul·es les membres de Namur (et la coordination) répondent « Nous aussi »");
      expect((await app.services.repos.activity.recent(eghezee.id, 50)).some((a) => a.data?.too)).toBe(false);
    });

    it("'Agir ensemble' on a neighbour's event makes it a joint event of both communes", async () => {
      const line = `voisins ensemble e-${namurEvent} commune:"Eghezée"`;
      expect(textOf(await run(app, line, VOL_EGHEZEE))).toContain("« voisins ensemble » est réservée");
      const done = textOf(await run(app, line, COPIL_EGHEZEE));
      expect(done).toContain("est maintenant une action commune de Namur, Eghezée");
      expect(textOf(await run(app, line, COPIL_EGHEZEE))).toContain("porte déjà");
      const event = (await app.services.events.repo.byCode(namurEvent))!;
      expect(await app.services.events.repo.coOwners(event.id)).toEqual([(await commune("Eghezée")).id]);
      // An action of Éghezée too, dated when it happens, once.
      const joint = (await app.services.repos.activity.recent((await commune("Eghezée")).id, 50)).filter((a) => a.kind === "event" && a.data?.code === namurEvent);
      expect(joint.map((a) => [a.at.toISOString(), a.data?.joint])).toEqual([[event.startsAt.toISOString(), true]]);
      // Each commune sees it as its own: its list of actions and its CoPil's dashboard.
      expect(textOf(await run(app, "evenements Eghezée", VOL_EGHEZEE))).toContain("Petit marché équitable");
      expect(textOf(await run(app, "evenements Namur", VOL_NAMUR))).toContain("Petit marché équitable");
      expect(textOf(await run(app, "evenements Florennes", VOL_EGHEZEE))).not.toContain("Petit marché équitable");
      expect(textOf(await run(app, "tableau Eghezée", COPIL_EGHEZEE))).toContain("Petit marché équitable");
      // Each commune's members register as for their own.
      expect(textOf(await run(app, `evenement rejoindre ${namurEvent}`, VOL_EGHEZEE))).toContain("inscrit·e");
      const regs = await app.services.events.repo.registrations(event.id, { statuses: ["going"] });
      expect(regs.map((r) => r.communeId)).toContain((await commune("Eghezée")).id);
    });

    it("'Agir ensemble' on an initiative opens a filled form, whose submission creates the joint event", async () => {
      const ask = await run(app, `voisins ensemble i-${initiativeRef} commune:"Eghezée"`, COPIL_EGHEZEE);
      expect(ask.form?.submitCommand).toBe("voisins ensemble");
      expect(Object.fromEntries(ask.form!.fields.map((f) => [f.name, f.value]))).toMatchObject({ ref: `i-${initiativeRef}`, commune: "Eghezée", titre: "Goûter équitable à l’école" });
      const made = textOf(await run(app, `voisins ensemble i-${initiativeRef} commune:"Eghezée" titre:"Goûter commun" debut:"24/04 15h-17h" lieu:"École communale"`, COPIL_EGHEZEE));
      expect(made).toContain("« Goûter commun » est maintenant une action commune de Eghezée, Fernelmont");
      const code = codeOf(made);
      expect(textOf(await run(app, "evenements Fernelmont", VOL_FERNELMONT))).toContain(code);
      // A reference that names nothing is explained.
      expect(textOf(await run(app, 'voisins ensemble x-12 commune:"Eghezée"', COPIL_EGHEZEE))).toContain("commence par `i-`");
    });

    it("a merger moves joint events to the commune joined, without a commune co-owning its own event", async () => {
      const event = (await app.services.events.repo.byCode(namurEvent))!;
      const eghezee = (await commune("Eghezée")).id;
      expect(await app.services.events.repo.coOwners(event.id)).toEqual([eghezee]);
      expect(textOf(await run(app, "commune fusionner Eghezée Namur", { user: "coord", role: "coordination" }))).toMatch(/Eghezée/);
      // Namur owns it: Éghezée's co-ownership is gone rather than Namur co-owning its own event.
      expect(await app.services.events.repo.coOwners(event.id)).toEqual([]);
      const joint = (await app.services.events.repo.list({ from: app.services.clock(), kinds: ["local"], communeId: (await commune("Fernelmont")).id, limit: 10 })).find((e) => e.title === "Goûter commun")!;
      expect(joint.communeId).toBe((await commune("Namur")).id);
      expect(await app.services.events.repo.coOwners(joint.id)).toEqual([(await commune("Fernelmont")).id]);
    });

    it("answers in the reader's language, with its own command words", async () => {
      const t = textOf(await run(app, "nachbarn Namur", { user: "de-namur", locale: "de-DE" }));
      expect(t).toContain("Nachbargemeinden von Namur (höchstens 25 km)");
      expect(buttons(await run(app, "voisins Namur", VOL_NAMUR))).toEqual([]);
    });
  });
}
