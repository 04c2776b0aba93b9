/**
 * The count of people interested shown on an event's card: summed over the platforms that
 * mirror the event, cached briefly, and given up (null) when a platform is slow or fails, so
 * the reply never waits long. And the entry an event shows on a platform calendar.
 */
import { describe, expect, it } from "vitest";
import { PlatformCalendars, type CalendarMirror } from "../../src/core/calendar.js";
import { calendarEntry, calendarMarker } from "../../src/features/events/calendar.js";
import type { CdceEvent } from "../../src/features/events/index.js";

const mirror = (externalId: string, extra: Partial<CalendarMirror> = {}): CalendarMirror => ({ ref: "e1", platform: "discord", workspaceId: "G", externalId, sequence: 0, cancelled: false, ...extra });

describe("PlatformCalendars", () => {
  it("sums the counts, asks once within the cache's life, and again after it", async () => {
    let clock = 0;
    let asked = 0;
    const calendars = new PlatformCalendars({ ttlMs: 1000, now: () => clock });
    calendars.register("discord", { interested: async (_g, id) => (asked++, id === "a" ? 3 : 4) });
    expect(await calendars.interested([mirror("a"), mirror("b")])).toBe(7);
    expect(await calendars.interested([mirror("a"), mirror("b")])).toBe(7);
    expect(asked).toBe(2);
    clock = 1500;
    await calendars.interested([mirror("a")]);
    expect(asked).toBe(3);
  });

  it("answers null when no platform can tell: none registered, a cancelled entry, a failure, or too slow", async () => {
    expect(await new PlatformCalendars().interested([mirror("a")])).toBeNull();
    const failing = new PlatformCalendars();
    failing.register("discord", { interested: () => Promise.reject(new Error("403")) });
    expect(await failing.interested([mirror("a")])).toBeNull();
    const cancelledOnly = new PlatformCalendars();
    cancelledOnly.register("discord", { interested: async () => 9 });
    expect(await cancelledOnly.interested([mirror("a", { cancelled: true })])).toBeNull();
    const slow = new PlatformCalendars({ timeoutMs: 50 });
    slow.register("discord", { interested: () => new Promise((resolve) => setTimeout(() => resolve(5), 2_000)) });
    const started = performance.now();
    expect(await slow.interested([mirror("a")])).toBeNull();
    expect(performance.now() - started).toBeLessThan(1_500);
  });
});

describe("calendarEntry", () => {
  const base = {
    id: "e1", code: "k3x9q", kind: "webinar", title: "T".repeat(150), theme: "gouvernance", description: "D".repeat(2000),
    startsAt: new Date("2027-03-15T13:00:00Z"), endsAt: new Date("2027-03-15T14:00:00Z"), timeZone: "Europe/Brussels",
    link: null, place: "Salle du conseil", capacity: null, goingCount: 0, language: "fr", audiences: [], communeId: null,
    seriesId: null, state: "scheduled", campaign: null, sharedAt: null, sequence: 2, createdBy: null,
  } as CdceEvent;

  it("keeps Discord's limits, ends with the marker, and takes the place when there is no link", () => {
    const e = calendarEntry(base);
    expect(e.title.length).toBeLessThanOrEqual(100);
    expect(e.description.length).toBeLessThanOrEqual(1000);
    expect(e.description.endsWith(calendarMarker(base))).toBe(true);
    expect(e.marker).toBe("/cdce webinaire k3x9q");
    expect(e.location).toBe("Salle du conseil");
    expect(e).toMatchObject({ sequence: 2, cancelled: false });
    expect(calendarEntry({ ...base, link: "https://meet.example.org/x", state: "cancelled" })).toMatchObject({ location: "https://meet.example.org/x", cancelled: true });
  });
});
