/**
 * Webinars and local events mirrored as the Discord guild's scheduled events, through the
 * outbox and the real discord.js REST client against the fake Discord: created with the
 * event (external, link or place, start and end, guild only), moved with it, cancelled with
 * it; the number of people interested shown on the event's card; an older update arriving
 * late never undoes a newer one.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run, textOf, type As } from "../../helpers/run.js";
import { startDiscordWorld, until, type DiscordWorld } from "./world.js";

const COORD: As = { user: "coord", role: "coordination", locale: "fr" };
const COPIL: As = { user: "copil-namur", role: "copil", commune: "Namur", locale: "fr" };
let w: DiscordWorld;
const events = () => w.h.fake.guild.scheduledEvents ?? [];
const codeOf = (text: string) => /`([a-z0-9]{5})`/.exec(text)?.[1] ?? "";
const eventRequests = (method: string) => w.h.fake.requests.filter((r) => r.method === method && r.path.startsWith(`/guilds/${w.h.fake.guild.id}/scheduled-events`) && r.status < 300);

beforeAll(async () => {
  w = await startDiscordWorld();
  await w.link(w.h.fake.channel("general").id, "network");
}, 60_000);
afterAll(async () => {
  await w?.close();
});

describe("Discord scheduled events", () => {
  let code = "";

  it("a planned webinar becomes an external scheduled event of the guild, with its link, start and end", async () => {
    const r = await run(w.h.app, 'webinaire planifier titre:"Marchés publics équitables" theme:marches-publics debut:"15/03/2027 14h" lien:https://meet.example.org/mp', COORD);
    code = codeOf(textOf(r));
    expect(code).not.toBe("");
    const created = await until(() => events().find((e) => String(e.name) === "Marchés publics équitables"), "the scheduled event");
    expect(created).toMatchObject({ entity_type: 3, privacy_level: 2, status: 1, channel_id: null, entity_metadata: { location: "https://meet.example.org/mp" } });
    // 14:00 in Brussels (winter time) is 13:00 UTC; a webinar lasts an hour by default.
    expect(created.scheduled_start_time).toBe("2027-03-15T13:00:00.000Z");
    expect(Date.parse(String(created.scheduled_end_time))).toBeGreaterThan(Date.parse("2027-03-15T13:00:00.000Z"));
    expect(String(created.description)).toContain(code);
    const event = (await w.h.app.services.events.repo.byCode(code))!;
    // Recorded once the platform's answer is back: on a loaded machine, a moment after the fake saw the event.
    const mirror = await until(() => w.h.app.delivery.calendars.get(event.id, "discord", w.h.fake.guild.id), "the mirror recorded");
    expect(mirror).toMatchObject({ externalId: created.id, sequence: 0, cancelled: false });
    await until(async () => (await w.rows(`evt:${event.id}:calendar:`)).every((r) => r.state === "sent"), "the calendar row sent");
  });

  it("shows how many people are interested on Discord with the event's card", async () => {
    const created = events().find((e) => String(e.description).includes(code))!;
    created.interested = 7;
    const card = textOf(await run(w.h.app, `webinaire ${code}`, COORD));
    expect(card).toContain("Intéressés sur Discord");
    expect(card).toContain("7");
    const asked = w.h.fake.requests.find((r) => r.method === "GET" && r.path === `/guilds/${w.h.fake.guild.id}/scheduled-events/${created.id}`);
    expect(asked?.query.get("with_user_count")).toBe("true");
  });

  it("moving the webinar moves the scheduled event (PATCH), without creating another", async () => {
    const before = eventRequests("POST").length;
    await run(w.h.app, `webinaire deplacer ${code} debut:"22/03/2027 10h"`, COORD);
    const moved = await until(() => events().find((e) => String(e.description).includes(code) && e.scheduled_start_time === "2027-03-22T09:00:00.000Z"), "the scheduled event moved");
    expect(eventRequests("PATCH").some((r) => r.path.endsWith(`/${moved.id}`))).toBe(true);
    expect(eventRequests("POST").length).toBe(before);
    expect(events().filter((e) => String(e.description).includes(code))).toHaveLength(1);
    const event = (await w.h.app.services.events.repo.byCode(code))!;
    await until(async () => (await w.h.app.delivery.calendars.get(event.id, "discord", w.h.fake.guild.id))?.sequence === event.sequence, "the mapping at the new version");
  });

  it("an older version arriving late does not move it back", async () => {
    const event = (await w.h.app.services.events.repo.byCode(code))!;
    const patches = eventRequests("PATCH").length;
    // The creation's version (sequence 0), as a retry found late in the queue would carry it.
    await w.h.app.delivery.notifier.calendar({
      key: `evt:${event.id}:calendar:s0-late`,
      to: { kind: "purpose", purpose: "network" },
      dueAt: new Date(),
      entry: { ref: event.id, sequence: 0, title: event.title, description: `/cdce webinaire ${code}`, marker: `/cdce webinaire ${code}`, startsAt: new Date("2027-03-15T13:00:00Z"), endsAt: new Date("2027-03-15T14:00:00Z"), location: "x", cancelled: false },
      summary: "late",
    });
    await until(async () => (await w.rows(`evt:${event.id}:calendar:s0-late`)).every((r) => r.state === "sent"), "the late row done");
    expect(eventRequests("PATCH").length).toBe(patches);
    expect(events().find((e) => String(e.description).includes(code))?.scheduled_start_time).toBe("2027-03-22T09:00:00.000Z");
  });

  it("cancelling the webinar cancels the scheduled event (status 4) and its count is no longer shown", async () => {
    await run(w.h.app, `webinaire annuler ${code} confirmer:oui`, COORD);
    const cancelled = await until(() => events().find((e) => String(e.description).includes(code) && e.status === 4), "the scheduled event cancelled");
    expect(cancelled).toBeTruthy();
    const card = textOf(await run(w.h.app, `webinaire ${code}`, COORD));
    expect(card).not.toContain("Intéressés sur Discord");
  });

  it("a local event of a commune is mirrored with its place, on the guild where the commune's channel is", async () => {
    const namur = w.h.fake.addChannel("namur");
    const commune = (await w.h.app.services.repos.communes.list()).find((c) => c.name === "Namur")!;
    await w.h.app.services.repos.channels.link({ platform: "discord", workspaceId: w.h.fake.guild.id, channelId: namur.id, purpose: "commune", communeId: commune.id });
    const r = await run(w.h.app, 'evenement creer type:stand titre:"Stand au marché" debut:"20/03/2027 9h-13h" lieu:"Place d’Armes"', COPIL);
    const local = codeOf(textOf(r));
    const e = await until(() => events().find((x) => String(x.description).includes(local)), "the local event mirrored");
    expect(e).toMatchObject({ name: "Stand au marché", entity_type: 3, entity_metadata: { location: "Place d’Armes" }, scheduled_start_time: "2027-03-20T08:00:00.000Z", scheduled_end_time: "2027-03-20T12:00:00.000Z" });
  });
});
