/**
 * A registration that expected a free seat writes itself and its reminders first and claims
 * the seat last (the seat's row lock is then held only until the commit). When the seat was
 * taken meanwhile, what it wrote is rolled back: the person waits, with no reminders, and the
 * counter never passes the capacity. Here the "meanwhile" is an event read before the last
 * seat went, handed to the join inside a unit of work as a click would.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appsOnEachDatabase, type TestApp } from "../../helpers/test-app.js";
import { planWebinar } from "../../helpers/events.js";
import { resolveActor } from "../../../src/core/identity.js";

const NOW = new Date("2027-03-01T09:00:00Z");

const providers = await appsOnEachDatabase("rsvp seat last", { now: NOW });

describe.each(providers)("seat claimed last, on %s", (_name, makeApp) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await makeApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  const actor = (user: string) => resolveActor({ platform: "slack", workspaceId: "W1", userId: user, userName: user }, app.services.repos, app.services.clock());
  const remindersOf = async (eventId: string, personId: string) =>
    (await app.services.outbox.list(["pending", "sending", "sent", "failed", "cancelled", "expired"], 10_000)).filter((r) => r.key.startsWith(`evt:${eventId}:rem:${personId}:`));

  it("takes a free seat with its reminders in one unit", async () => {
    const code = await planWebinar(app, 'titre:"Un siège" theme:communication debut:"20/03 10h" capacite:2');
    const event = (await app.services.events.repo.byCode(code))!;
    const anne = await actor("anne");
    const result = await app.services.transaction((s) => s.events.join(event, anne, "", app.services.clock()));
    expect(result).toMatchObject({ outcome: "going", seatsTaken: 1, offsets: expect.any(Array) });
    expect(await remindersOf(event.id, anne.personId)).toHaveLength(result.offsets!.length);
    expect((await app.services.events.repo.get(event.id))!.goingCount).toBe(1);
  });

  it("waits, with no reminders, when the seat it expected went to someone else", async () => {
    const code = await planWebinar(app, 'titre:"Dernier siège" theme:communication debut:"21/03 10h" capacite:1');
    const before = (await app.services.events.repo.byCode(code))!;
    expect(before.goingCount).toBe(0);
    const [bruno, carla] = [await actor("bruno"), await actor("carla")];
    // Bruno takes the only seat after Carla's click read the event (still one seat free).
    expect((await app.services.transaction((s) => s.events.join(before, bruno, "", app.services.clock()))).outcome).toBe("going");
    const late = await app.services.transaction((s) => s.events.join(before, carla, "", app.services.clock()));
    expect(late.outcome).toBe("waitlist");
    expect(late.seatsTaken).toBeUndefined();
    expect(await remindersOf(before.id, carla.personId)).toEqual([]);
    expect(await remindersOf(before.id, bruno.personId)).not.toEqual([]);
    const going = await app.services.events.repo.registrations(before.id, { statuses: ["going"] });
    expect(going.map((r) => r.personId)).toEqual([bruno.personId]);
    expect((await app.services.events.repo.registrations(before.id, { statuses: ["waitlist"] })).map((r) => r.personId)).toEqual([carla.personId]);
    expect((await app.services.events.repo.get(before.id))!.goingCount).toBe(1);
    expect(await app.services.events.repo.waitlistPosition(late.registration)).toBe(1);
  });
});
