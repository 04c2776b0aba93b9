/**
 * Registering for a webinar that is full, through the dispatcher on both databases: the
 * waitlist in order with each person's place, a second click that changes nothing, and a
 * person who left coming back to the end of the waitlist. These go the way of most clicks of
 * a burst (src/data/repositories/events.ts, `joinWhenFull`: no savepoint).
 */
import { afterAll, describe, expect, it } from "vitest";
import { appsOnEachDatabase, type TestApp } from "../../helpers/test-app.js";
import { run, textOf } from "../../helpers/run.js";
import { COORD, planWebinar } from "../../helpers/events.js";

const providers = await appsOnEachDatabase("full webinar registrations", { now: new Date("2027-03-01T09:00:00Z") });

describe.each(providers)("a full webinar on %s", (_name, open) => {
  let app: TestApp;
  afterAll(async () => {
    await app?.close();
  });

  it("waitlists in order with each place, ignores a second click, and puts a returning person last", async () => {
    app = await open();
    await run(app, "config canal reseau", COORD);
    const code = await planWebinar(app, 'titre:"Complet" theme:gouvernance debut:"mardi 30 mars 19h" capacite:1');
    // A second between clicks: the waitlist follows when people asked.
    let at = new Date("2027-03-01T10:00:00Z").getTime();
    const join = (user: string) => {
      app.setNow(new Date((at += 1000)));
      return run(app, `webinaire rejoindre ${code}`, { user, platform: "slack" });
    };
    expect(textOf(await join("UA"))).toContain("Vous êtes inscrit·e");
    expect(textOf(await join("UB"))).toContain("n° 1 sur la liste d’attente");
    expect(textOf(await join("UC"))).toContain("n° 2 sur la liste d’attente");
    // A second click: the same place, nothing moved.
    expect(textOf(await join("UB"))).toContain("n° 1 sur la liste d’attente");
    expect(textOf(await run(app, `webinaire quitter ${code}`, { user: "UC", platform: "slack" }))).not.toContain("erreur");
    expect(textOf(await join("UD"))).toContain("n° 2 sur la liste d’attente");
    // Back after leaving: behind everyone waiting now.
    expect(textOf(await join("UC"))).toContain("n° 3 sur la liste d’attente");
    const event = (await app.services.events.repo.byCode(code))!;
    expect(event.goingCount).toBe(1);
    const waiting = await app.services.events.repo.registrations(event.id, { statuses: ["waitlist"] });
    const who = async (personId: string) => (await app.services.repos.identity.getPerson(personId))!.name;
    expect(await Promise.all(waiting.map((r) => who(r.personId)))).toEqual(["UB", "UD", "UC"]);
  });

  it("takes the seat that came free after the event was read as full, once", async () => {
    const code = await planWebinar(app, 'titre:"Libéré" theme:gouvernance debut:"mardi 30 mars 20h" capacite:2');
    const event = (await app.services.events.repo.byCode(code))!;
    const ana = await app.services.repos.identity.createWithAccount({ platform: "slack", workspaceId: "W1", userId: "UE" }, { name: "UE", locale: "fr", localeChosen: false, timeZone: "Europe/Brussels" });
    const now = new Date("2027-03-02T10:00:00Z");
    // Read as full (seatLikely false), but a seat is there: given back, then taken the careful way.
    const result = await app.services.transaction((s) => s.events.repo.join({ eventId: event.id, slotId: "", personId: ana.id, communeId: null, now, seatLikely: false }));
    expect(result.outcome).toBe("going");
    expect((await app.services.events.repo.byCode(code))!.goingCount).toBe(1);
  });
});
