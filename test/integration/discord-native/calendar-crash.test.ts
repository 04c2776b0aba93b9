/**
 * A calendar update survives what a crash or an outage does to it, through the outbox:
 * - the replica dies after Discord created the scheduled event and before the mapping was
 *   saved: the row is taken over and the event found by its marker, not created twice;
 * - Discord answers 500 to the creation: retried later, created once;
 * - the bot lacks Manage Events: the row fails (permanent) instead of looping.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CalendarMirrorStore } from "../../../src/core/calendar.js";
import { run, textOf, type As } from "../../helpers/run.js";
import { startDiscordWorld, until, type DiscordWorld } from "./world.js";

const COORD: As = { user: "coord", role: "coordination", locale: "fr" };
let w: DiscordWorld;
/** Saves that fail from now on, as if the process died right after Discord's answer. */
let failSaves = 0;
const crashing = (inner: CalendarMirrorStore): CalendarMirrorStore => ({
  get: (...a) => inner.get(...a),
  forRef: (ref) => inner.forRef(ref),
  save: async (m) => {
    if (failSaves > 0) {
      failSaves--;
      throw new Error("process died before the mapping was saved");
    }
    return inner.save(m);
  },
});
const codeOf = (text: string) => /`([a-z0-9]{5})`/.exec(text)?.[1] ?? "";
const withCode = (code: string) => (w.h.fake.guild.scheduledEvents ?? []).filter((e) => String(e.description).includes(code));
const creations = () => w.h.fake.requests.filter((r) => r.method === "POST" && r.path === `/guilds/${w.h.fake.guild.id}/scheduled-events`);

beforeAll(async () => {
  w = await startDiscordWorld({ calendars: crashing });
  await w.link(w.h.fake.channel("general").id, "network");
}, 60_000);
afterAll(async () => {
  await w?.close();
});

describe("calendar updates through the outbox", () => {
  it("created on Discord, mapping lost: taken over, found by its marker, not created twice", async () => {
    failSaves = 1;
    const before = creations().length;
    const code = codeOf(textOf(await run(w.h.app, 'webinaire planifier titre:"Perdu puis retrouvé" theme:gouvernance debut:"10/04/2027 10h"', COORD)));
    const event = (await w.h.app.services.events.repo.byCode(code))!;
    const mirror = await until(() => w.h.app.delivery.calendars.get(event.id, "discord", w.h.fake.guild.id), "the mapping saved on the second try");
    expect(withCode(code)).toHaveLength(1);
    expect(mirror.externalId).toBe(withCode(code)[0]!.id);
    expect(creations().length - before).toBe(1);
    // The second try looked the guild's events up before anything else.
    expect(w.h.fake.requests.some((r) => r.method === "GET" && r.path === `/guilds/${w.h.fake.guild.id}/scheduled-events`)).toBe(true);
    await until(async () => (await w.rows(`evt:${event.id}:calendar:`)).every((r) => r.state === "sent"), "the row sent");
  });

  it("a 500 on the creation is retried, and the event created once", async () => {
    w.h.fake.failNext({ method: "POST", path: /\/scheduled-events$/, status: 500, times: 1 });
    const code = codeOf(textOf(await run(w.h.app, 'webinaire planifier titre:"Après une panne" theme:gouvernance debut:"11/04/2027 10h"', COORD)));
    await until(() => withCode(code).length === 1, "the event created after the retry");
    const event = (await w.h.app.services.events.repo.byCode(code))!;
    const rows = await until(async () => {
      const r = await w.rows(`evt:${event.id}:calendar:`);
      return r.every((x) => x.state === "sent") && r;
    }, "the row sent");
    expect(rows).toHaveLength(1);
    expect(w.h.fake.requests.filter((r) => r.method === "POST" && r.path.endsWith("/scheduled-events")).some((r) => r.status === 500)).toBe(true);
    expect(withCode(code)).toHaveLength(1);
  });

  it("without Manage Events, the row fails once and is not retried for ever", async () => {
    const guild = w.h.fake.guild;
    const roles = guild.botRoles;
    guild.botRoles = [];
    try {
      const code = codeOf(textOf(await run(w.h.app, 'webinaire planifier titre:"Sans droit" theme:gouvernance debut:"12/04/2027 10h"', COORD)));
      const event = (await w.h.app.services.events.repo.byCode(code))!;
      const [row] = await until(async () => {
        const r = await w.rows(`evt:${event.id}:calendar:`);
        return r[0]?.state === "failed" && r;
      }, "the row failed");
      expect(row!.lastError).toContain("403");
      expect(withCode(code)).toHaveLength(0);
    } finally {
      guild.botRoles = roles;
    }
  });
});
