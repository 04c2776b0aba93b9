/**
 * Public feeds are reused for a few seconds (many calendar applications ask for the same
 * feed; building one reads the events and writes the calendar), and a change shows once that
 * time is over. Personal feeds are never reused: a renewed address stops at once.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFeedHandler } from "../../../src/features/calendar-feeds/index.js";
import { createTestApp, type TestApp } from "../../helpers/test-app.js";
import { planWebinar } from "../../helpers/events.js";
import { run, textOf } from "../../helpers/run.js";
import { tokenIn } from "../../helpers/feeds.js";

const FRESH_MS = 300;
let app: TestApp;
beforeAll(async () => {
  app = await createTestApp({ now: new Date("2027-03-01T09:00:00Z"), publicUrl: "https://cdce.example.be" });
});
afterAll(async () => {
  await app?.close();
});

describe("public feeds reused for a moment", () => {
  it("serves the same network feed within the fresh time, the changed one after it", async () => {
    const handle = createFeedHandler(app.services, { freshMs: FRESH_MS });
    const first = (await handle({ path: "/cal/reseau.ics", headers: {} }))!;
    expect(first.status).toBe(200);
    await planWebinar(app, 'titre:"Nouveau rendez-vous" theme:communication debut:"20/03 10h"');
    const again = (await handle({ path: "/cal/reseau.ics", headers: {} }))!;
    expect(again.headers.ETag).toBe(first.headers.ETag);
    expect(again.body).not.toContain("Nouveau rendez-vous");
    await new Promise((r) => setTimeout(r, FRESH_MS + 50));
    const later = (await handle({ path: "/cal/reseau.ics", headers: {} }))!;
    expect(later.headers.ETag).not.toBe(first.headers.ETag);
    expect(later.body).toContain("Nouveau rendez-vous");
  });

  it("builds a feed once for requests that arrive together", async () => {
    let reads = 0;
    const events = app.services.events;
    const counting = { ...app.services, events: { ...events, repo: new Proxy(events.repo, { get: (t, p, r) => (p === "list" ? (reads++, (t.list as (...a: unknown[]) => unknown).bind(t)) : Reflect.get(t, p, r)) }) } };
    const handle = createFeedHandler(counting as typeof app.services, { freshMs: 60_000 });
    const answers = await Promise.all(Array.from({ length: 20 }, () => handle({ path: "/cal/reseau.ics", headers: {} })));
    expect(answers.every((a) => a?.status === 200)).toBe(true);
    const perBuild = reads;
    expect(perBuild).toBeGreaterThan(0);
    await handle({ path: "/cal/reseau.ics?lang=de", headers: {} });
    // Another language is another feed; the twenty above were one build.
    expect(reads).toBe(perBuild * 2);
  });

  it("never reuses a personal feed: a renewed address stops at once", async () => {
    const handle = createFeedHandler(app.services, { freshMs: 60_000 });
    const token = tokenIn(textOf(await run(app, "agenda lien", { user: "abonnee", platform: "slack" })))!;
    expect((await handle({ path: `/cal/p/${token}.ics`, headers: {} }))!.status).toBe(200);
    await run(app, "agenda lien renouveler", { user: "abonnee", platform: "slack" });
    expect((await handle({ path: `/cal/p/${token}.ics`, headers: {} }))!.status).toBe(404);
  });
});
