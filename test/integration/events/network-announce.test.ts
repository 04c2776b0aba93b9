/**
 * What is announced or shared "with the network" (a webinar, a series, an initiative, a local
 * event) is said to be so only when a channel is linked to the network; otherwise the reply
 * says it was not, and how to link one. A local event is not marked shared then: it can be
 * shared once a channel is linked.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../helpers/test-app.js";
import { run, textOf, type As } from "../../helpers/run.js";

let app: TestApp;
const as = (locale: string): As => ({ user: `coord-${locale}`, role: "coordination", locale, platform: "slack" });
const COPIL: As = { user: "copil-namur", role: "copil", commune: "Namur", platform: "slack" };
let localCode = "";

beforeAll(async () => {
  app = await createTestApp({ now: new Date("2027-03-01T09:00:00Z") });
});
afterAll(async () => {
  await app?.close();
});

describe("announcing what is planned", () => {
  it("without a network channel, says it is planned but not announced, and how to link one", async () => {
    const r = await run(app, 'webinaire planifier titre:"Sans canal" theme:gouvernance debut:"15/03/2027 14h"', as("fr"));
    expect(textOf(r)).toContain("mais pas annoncé : aucun canal n’est relié au réseau");
    expect(textOf(r)).toContain("/cdce config canal reseau");
    expect(textOf(r)).not.toContain("et annoncé dans les canaux");
    const s = await run(app, 'webinaire serie titre:"Cycle sans canal" theme:gouvernance quand:"15/03/2027 10h; 22/03/2027 10h"', as("en"));
    expect(textOf(s)).toContain("but not announced: no channel is linked to the network");
    const i = await run(app, 'initiative titre:"Petit-déjeuner équitable" description:"À l’école communale"', COPIL);
    expect(textOf(i)).toContain("Aucun canal n’est encore relié au réseau pour la diffuser");
    expect(textOf(i)).not.toContain("part vers le canal partagé");
    const created = await run(app, 'evenement creer type:stand titre:"Stand au marché" debut:"20/03/2027 9h-13h" lieu:"Place d’Armes"', COPIL);
    localCode = /`([a-z0-9]{5})`/.exec(textOf(created))?.[1] ?? "";
    expect(localCode).not.toBe("");
    expect(textOf(await run(app, `evenement partager ${localCode}`, COPIL))).toContain("n’est pas partagé : aucun canal n’est relié au réseau");
    expect((await app.services.events.repo.byCode(localCode))?.sharedAt).toBeNull();
  });

  it("with one, says it is announced", async () => {
    await run(app, "config canal reseau", as("fr"));
    // A terminal's channel counts too: it is a platform like the others.
    await run(app, "config canal reseau", { user: "local", role: "coordination", platform: "terminal" });
    const r = await run(app, 'webinaire planifier titre:"Avec canal" theme:gouvernance debut:"16/03/2027 14h"', as("fr"));
    expect(textOf(r)).toContain("et annoncé dans les canaux du réseau");
    const s = await run(app, 'webinaire serie titre:"Cycle avec canal" theme:gouvernance quand:"16/03/2027 10h; 23/03/2027 10h"', as("de"));
    expect(textOf(s)).toContain("in den Kanälen des Netzwerks angekündigt");
    const i = await run(app, 'initiative titre:"Marché de Noël" description:"Un stand du CoPil"', COPIL);
    expect(textOf(i)).toContain("part vers le canal partagé du réseau");
    expect(textOf(await run(app, `evenement partager ${localCode}`, COPIL))).toContain("est partagé dans les canaux du réseau");
  });
});
