/**
 * Dates typed to plan and move webinars, through the dispatcher at a fixed clock (Sunday
 * 29 November 2026, 11:00 in Brussels): a past relative day, a far year, the spring gap and
 * the autumn fold are refused in the person's language and nothing is saved; the fold's
 * buttons move the webinar to the reading chosen.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../helpers/test-app.js";
import { run, textOf } from "../../helpers/run.js";
import { COORD, codeOf, planWebinar } from "../../helpers/events.js";
import type { Locale } from "../../../src/core/types.js";

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp({ now: new Date("2026-11-29T10:00:00Z") });
});
afterAll(async () => {
  await app?.close();
});

const plan = (debut: string, locale: Locale) =>
  run(app, `webinaire planifier titre:"Charte" theme:gouvernance debut:"${debut}"`, { ...COORD, user: `coord-${locale}`, locale });
const webinarCount = async () => (await app.services.events.repo.list({ from: new Date(0), limit: 1000 })).length;

describe("planning a webinar with a date that would mislead", () => {
  it.each([
    ["hier 10h", "fr", "déjà passé"],
    ["gestern 10 Uhr", "de", "Vergangenheit"],
    ["gisteren 10u", "nl", "al voorbij"],
    ["yesterday 10am", "en", "already past"],
    ["12/03/3000 14h", "fr", "29 novembre 2028"],
    ["12. März 3000 14 Uhr", "de", "29. November 2028"],
    ["12 maart 3000 14u", "nl", "29 november 2028"],
    ["March 12, 3000 2pm", "en", "29 November 2028"],
    ["28/03/2027 2h30", "fr", "n’existe pas"],
    ["31/10/2027 2h30", "fr", "existe deux fois"],
  ] as [string, Locale, string][])("%s is refused (%s) and nothing is saved", async (debut, locale, words) => {
    const before = await webinarCount();
    const r = await plan(debut, locale);
    expect(textOf(r)).toContain(words);
    expect(r.fieldErrors?.debut).toContain(words);
    expect(await webinarCount()).toBe(before);
  });

  it("a month-first English date is planned on the day written", async () => {
    const code = await planWebinar(app, 'titre:"CoPil charter" theme:gouvernance debut:"March 12 2pm"', { ...COORD, user: "coord-en", locale: "en" });
    expect((await app.services.events.repo.byCode(code))!.startsAt.toISOString()).toBe("2027-03-12T13:00:00.000Z");
  });
});

describe("moving a webinar into the autumn hour that happens twice", () => {
  it("asks which one with two buttons, and each button moves it to its reading", async () => {
    const code = await planWebinar(app, 'titre:"Nuit" theme:gouvernance debut:"kommenden Dienstag 19:30"', { ...COORD, user: "coord-de", locale: "de" });
    expect((await app.services.events.repo.byCode(code))!.startsAt.toISOString()).toBe("2026-12-01T18:30:00.000Z");

    const asked = await run(app, `webinaire deplacer ${code} debut:"31/10/2027 2h30"`, COORD);
    expect(textOf(asked)).toContain("existe deux fois");
    const actions = asked.blocks.find((b) => b.type === "actions");
    const buttons = actions?.type === "actions" ? actions.buttons : [];
    expect(buttons.map((b) => b.command)).toEqual([
      `webinaire deplacer ${code} debut:"31/10/2027 2h30 +02:00"`,
      `webinaire deplacer ${code} debut:"31/10/2027 2h30 +01:00"`,
    ]);
    expect((await app.services.events.repo.byCode(code))!.startsAt.toISOString()).toBe("2026-12-01T18:30:00.000Z");

    await run(app, buttons[1]!.command, COORD);
    expect((await app.services.events.repo.byCode(code))!.startsAt.toISOString()).toBe("2027-10-31T01:30:00.000Z");
    await run(app, buttons[0]!.command, COORD);
    expect((await app.services.events.repo.byCode(code))!.startsAt.toISOString()).toBe("2027-10-31T00:30:00.000Z");
  });
});

describe("planning a webinar in the autumn hour that happens twice", () => {
  it("offers one button per reading that plans it with every option typed, and plans nothing before", async () => {
    const before = await webinarCount();
    const asked = await run(app, 'webinaire planifier titre:"Nuit blanche" theme:gouvernance debut:"31/10/2027 2h30" capacite:12 lien:https://meet.example.org/x', COORD);
    expect(textOf(asked)).toContain("existe deux fois");
    const actions = asked.blocks.find((b) => b.type === "actions");
    const buttons = actions?.type === "actions" ? actions.buttons : [];
    expect(buttons).toHaveLength(2);
    expect(buttons[0]!.command).toContain('debut:"31/10/2027 2h30 +02:00"');
    expect(buttons[1]!.command).toContain('debut:"31/10/2027 2h30 +01:00"');
    expect(await webinarCount()).toBe(before);

    const code = codeOf(textOf(await run(app, buttons[1]!.command, COORD)));
    const event = (await app.services.events.repo.byCode(code))!;
    expect(event.startsAt.toISOString()).toBe("2027-10-31T01:30:00.000Z");
    expect([event.title, event.capacity, event.link]).toEqual(["Nuit blanche", 12, "https://meet.example.org/x"]);
  });
});

describe("a local event at the autumn hour that happens twice", () => {
  it("asks which one with two buttons, and the button creates it at that reading", async () => {
    const copil = { user: "copil-namur", role: "copil" as const, commune: "Namur", platform: "slack" as const };
    const asked = await run(app, 'evenement creer type:stand titre:"Nuit du commerce équitable" debut:"31/10/2027 2h30-4h" lieu:"Place d’Armes"', copil);
    expect(textOf(asked)).toContain("existe deux fois");
    const actions = asked.blocks.find((b) => b.type === "actions");
    const buttons = actions?.type === "actions" ? actions.buttons : [];
    expect(buttons.map((b) => b.command)).toEqual([
      'evenement creer type:"stand" titre:"Nuit du commerce équitable" debut:"31/10/2027 2h30-4h +02:00" lieu:"Place d’Armes"',
      'evenement creer type:"stand" titre:"Nuit du commerce équitable" debut:"31/10/2027 2h30-4h +01:00" lieu:"Place d’Armes"',
    ]);
    const created = await run(app, buttons[1]!.command, copil);
    const code = codeOf(textOf(created));
    const event = (await app.services.events.repo.byCode(code))!;
    // Winter time: 02:30 at +01:00 is 01:30 UTC.
    expect(event.startsAt.toISOString()).toBe("2027-10-31T01:30:00.000Z");
  });
});

