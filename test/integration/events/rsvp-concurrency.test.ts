/**
 * Seats under concurrent clicks: many people (and the same person twice) register at the
 * same moment; never more seats than the capacity, the counter matches the rows, and
 * freeing seats in parallel promotes each waiting person once, in request order.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appsOnEachDatabase, type TestApp } from "../../helpers/test-app.js";
import { run } from "../../helpers/run.js";
import { planWebinar } from "../../helpers/events.js";
import { resolveActor } from "../../../src/core/identity.js";

const NOW = new Date("2027-03-01T09:00:00Z");

const providers = await appsOnEachDatabase("events-concurrency", { now: NOW });

describe.each(providers)("RSVP under concurrency on %s", (_name, makeApp) => {
let app: TestApp;
beforeAll(async () => {
  app = await makeApp();
});
afterAll(async () => {
  await app?.close();
});

const actor = (user: string) => resolveActor({ platform: "slack", workspaceId: "W1", userId: user, userName: user }, app.services.repos, app.services.clock());

  it("gives exactly `capacity` seats to 12 simultaneous clicks, plus double clicks", async () => {
    const code = await planWebinar(app, 'titre:"Atelier communication" theme:communication debut:"20/03 10h" capacite:5');
    const event = (await app.services.events.repo.byCode(code))!;
    const users = Array.from({ length: 12 }, (_, i) => `P${i}`);
    const actors = await Promise.all(users.map(actor));
    const now = app.services.clock();
    // Each person clicks twice at once: 24 parallel joins.
    const results = await Promise.all([...actors, ...actors].map((a) => app.services.events.join(event, a, "", now)));
    expect(results.filter((r) => r.outcome === "going")).toHaveLength(5);
    expect(results.filter((r) => r.outcome === "waitlist")).toHaveLength(7);
    expect(results.filter((r) => r.outcome.startsWith("already"))).toHaveLength(12);
    const regs = await app.services.events.repo.registrations(event.id);
    expect(regs).toHaveLength(12);
    expect(regs.filter((r) => r.status === "going")).toHaveLength(5);
    expect((await app.services.events.repo.get(event.id))!.goingCount).toBe(5);

    // Three seated people leave at once: the first three waiting (request order) get the seats.
    const waiting = regs.filter((r) => r.status === "waitlist").map((r) => r.personId);
    const leavers = actors.filter((a) => regs.find((r) => r.personId === a.personId)!.status === "going").slice(0, 3);
    const left = await Promise.all(leavers.map((a) => app.services.events.leave(event, a, "", now)));
    const promoted = left.flatMap((l) => l.promoted.map((p) => p.personId));
    expect(promoted.sort()).toEqual(waiting.slice(0, 3).sort());
    const after = await app.services.events.repo.registrations(event.id, { statuses: ["going"] });
    expect(after).toHaveLength(5);
    expect((await app.services.events.repo.get(event.id))!.goingCount).toBe(5);
  });

  it("through the dispatcher too: parallel lines never overfill", async () => {
    const code = await planWebinar(app, 'titre:"Partenariats" theme:partenariats debut:"21/03 10h" capacite:3');
    await Promise.all(Array.from({ length: 8 }, (_, i) => run(app, `webinaire rejoindre ${code}`, { user: `Q${i}`, platform: "slack" })));
    const event = (await app.services.events.repo.byCode(code))!;
    expect(event.goingCount).toBe(3);
    expect(await app.services.events.repo.registrations(event.id, { statuses: ["going"] })).toHaveLength(3);
    expect(await app.services.events.repo.registrations(event.id, { statuses: ["waitlist"] })).toHaveLength(5);
  });
});
