import { describe, expect, it } from "vitest";
import { parseOffsets, planReminders, reminderDue } from "../../../src/features/events/reminders.js";

const zone = "Europe/Brussels";

describe("reminder offsets", () => {
  it.each([
    ["7j 1j 1h", ["7d", "1d", "1h"]],
    ["7d,1d,1h", ["7d", "1d", "1h"]],
    ["1h 7d", ["7d", "1h"]],
    ["2 Tage 1 Stunde", ["2d", "1h"]],
    ["1 dag 30 min", ["1d", "30m"]],
    ["3 days", ["3d"]],
  ])("%s", (raw, expected) => expect(parseOffsets(raw)).toEqual(expected));
  it.each(["", "demain", "7x", "0h", "90d", "1d 2d 3d 4d 5d", "7j et 1h"])("refuses %s", (raw) => expect(parseOffsets(raw)).toBeNull());
});

describe("reminders at local times across DST", () => {
  it("keeps 09:00 in Brussels when the week before is still in winter time", () => {
    // Webinar Tuesday 30 March 2027 19:00 CEST (17:00Z); DST started Sunday 28 March.
    const start = new Date("2027-03-30T17:00:00Z");
    expect(reminderDue(start, "7d", zone).toISOString()).toBe("2027-03-23T08:00:00.000Z"); // 09:00 CET
    expect(reminderDue(start, "1d", zone).toISOString()).toBe("2027-03-29T07:00:00.000Z"); // 09:00 CEST
    expect(reminderDue(start, "1h", zone).toISOString()).toBe("2027-03-30T16:00:00.000Z");
  });

  it("and in October, the other way", () => {
    // Tuesday 2 November 2027 19:00 CET (18:00Z); DST ended Sunday 31 October.
    const start = new Date("2027-11-02T18:00:00Z");
    expect(reminderDue(start, "7d", zone).toISOString()).toBe("2027-10-26T07:00:00.000Z"); // 09:00 CEST
    expect(reminderDue(start, "1d", zone).toISOString()).toBe("2027-11-01T08:00:00.000Z"); // 09:00 CET
  });

  it("uses the person's zone", () => {
    const start = new Date("2027-03-30T17:00:00Z");
    expect(reminderDue(start, "1d", "America/Montreal").toISOString()).toBe("2027-03-29T13:00:00.000Z");
  });

  it("plans only what is still ahead, with keys that carry the start", () => {
    const event = { id: "e1", startsAt: new Date("2027-03-30T17:00:00Z") };
    const plans = planReminders({ event, personId: "p1", zone, offsets: ["7d", "1d", "1h"], now: new Date("2027-03-25T10:00:00Z"), version: "v1" });
    expect(plans.map((p) => p.offset)).toEqual(["1d", "1h"]);
    expect(plans[0]!.key).toBe("evt:e1:rem:p1:v1:20270330T170000Z:1d");
    expect(plans.every((p) => p.expiresAt.getTime() === event.startsAt.getTime())).toBe(true);
  });

  it("merges offsets that fall on the same instant", () => {
    const event = { id: "e1", startsAt: new Date("2027-03-30T08:00:00Z") }; // 10:00 local
    const plans = planReminders({ event, personId: "p1", zone, offsets: ["1d", "24h"], now: new Date("2027-03-01T00:00:00Z") });
    expect(plans.map((p) => p.dueAt.toISOString())).toEqual(["2027-03-29T07:00:00.000Z", "2027-03-29T08:00:00.000Z"]);
  });
});
