import { describe, expect, it } from "vitest";
import { buildIcs, googleCalendarLink } from "../../../src/features/events/ics.js";
import type { CdceEvent } from "../../../src/features/events/model.js";
import { icsDate, parseIcs } from "../../helpers/ics.js";

const event: CdceEvent = {
  id: "0b6f2c1e-1111-4222-8333-444455556666", code: "k3x9q", kind: "webinar", title: "Gouvernance du CoPil ; charte, rôles",
  theme: "gouvernance", description: null, startsAt: new Date("2027-03-30T17:00:00Z"), endsAt: new Date("2027-03-30T18:30:00Z"),
  timeZone: "Europe/Brussels", link: "https://meet.example.org/cdce", place: null, capacity: 30, goingCount: 0, language: "fr",
  audiences: ["copil"], communeId: null, seriesId: null, state: "scheduled", campaign: null, sharedAt: null, sequence: 0, createdBy: null,
};

describe("ics", () => {
  it("writes one VEVENT in UTC that parses back to the same instants", () => {
    const { calendar, events } = parseIcs(buildIcs([event], { describe: () => "Lien : https://meet.example.org/cdce" }));
    expect(calendar.VERSION).toBe("2.0");
    expect(calendar.METHOD).toBe("PUBLISH");
    expect(events).toHaveLength(1);
    const v = events[0]!;
    expect(icsDate(v.DTSTART!).toISOString()).toBe("2027-03-30T17:00:00.000Z");
    expect(icsDate(v.DTEND!).toISOString()).toBe("2027-03-30T18:30:00.000Z");
    expect(v.SUMMARY).toBe(event.title);
    expect(v.UID).toBe(`${event.id}@cdce-bot`);
    expect(v.STATUS).toBe("CONFIRMED");
    expect(v.SEQUENCE).toBe("0");
    expect(v.DESCRIPTION).toContain("https://meet.example.org/cdce");
  });

  it("marks a cancelled, moved event with a higher sequence", () => {
    const { events } = parseIcs(buildIcs([{ ...event, state: "cancelled", sequence: 2 }]));
    expect(events[0]!.STATUS).toBe("CANCELLED");
    expect(events[0]!.SEQUENCE).toBe("2");
  });

  it("builds a Google Calendar link with UTC times and the zone", () => {
    const url = new URL(googleCalendarLink(event));
    expect(url.host).toBe("calendar.google.com");
    expect(url.searchParams.get("dates")).toBe("20270330T170000Z/20270330T183000Z");
    expect(url.searchParams.get("ctz")).toBe("Europe/Brussels");
    expect(url.searchParams.get("text")).toBe(event.title);
  });
});
