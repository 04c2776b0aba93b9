/**
 * Planning a webinar or a series says it was announced only when a channel is linked to the
 * network; otherwise it says it was not, and how to link one.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../helpers/test-app.js";
import { run, textOf, type As } from "../../helpers/run.js";

let app: TestApp;
const as = (locale: string): As => ({ user: `coord-${locale}`, role: "coordination", locale, platform: "slack" });

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
  });

  it("with one, says it is announced", async () => {
    await run(app, "config canal reseau", as("fr"));
    const r = await run(app, 'webinaire planifier titre:"Avec canal" theme:gouvernance debut:"16/03/2027 14h"', as("fr"));
    expect(textOf(r)).toContain("et annoncé dans les canaux du réseau");
    const s = await run(app, 'webinaire serie titre:"Cycle avec canal" theme:gouvernance quand:"16/03/2027 10h; 23/03/2027 10h"', as("de"));
    expect(textOf(s)).toContain("in den Kanälen des Netzwerks angekündigt");
  });
});
