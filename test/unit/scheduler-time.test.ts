/**
 * Local-time computations (src/core/time/local.ts) across the daylight-saving changes of
 * 2027 in Brussels: last Sunday of March (28th, 02:00 -> 03:00) and of October (31st,
 * 03:00 -> 02:00). A daily 09:00 reminder stays at 09:00 on the wall clock.
 */
import { describe, expect, it } from "vitest";
import { atLocalTime, dailyAt, daysBeforeAt, localClock, nextLocalTime } from "../../src/core/time/local.js";

const BXL = "Europe/Brussels";
const iso = (ds: Date[]) => ds.map((d) => d.toISOString());

describe("local times across DST", () => {
  it("a daily 09:00 reminder on 27-29 March 2027 is at 09:00 local each day (08:00Z, then 07:00Z)", () => {
    const days = dailyAt(new Date("2027-03-27T12:00:00Z"), new Date("2027-03-29T12:00:00Z"), "09:00", BXL);
    expect(iso(days)).toEqual(["2027-03-27T08:00:00.000Z", "2027-03-28T07:00:00.000Z", "2027-03-29T07:00:00.000Z"]);
    expect(days.map((d) => localClock(d, BXL))).toEqual(["2027-03-27 09:00", "2027-03-28 09:00", "2027-03-29 09:00"]);
  });

  it("a daily 09:00 reminder on 30 October-1 November 2027 is at 09:00 local each day (07:00Z, then 08:00Z)", () => {
    const days = dailyAt(new Date("2027-10-30T00:30:00Z"), new Date("2027-11-01T20:00:00Z"), "09:00", BXL);
    expect(iso(days)).toEqual(["2027-10-30T07:00:00.000Z", "2027-10-31T08:00:00.000Z", "2027-11-01T08:00:00.000Z"]);
    expect(days.map((d) => localClock(d, BXL))).toEqual(["2027-10-30 09:00", "2027-10-31 09:00", "2027-11-01 09:00"]);
  });

  it("'N days before at 09:00' counts calendar days, not 24-hour steps", () => {
    // A webinar on Monday 29 March 2027 at 14:00 local: the day before at 09:00 is Sunday 28th, 09:00 CEST.
    const webinar = new Date("2027-03-29T12:00:00Z");
    expect(daysBeforeAt(webinar, 1, "09:00", BXL).toISOString()).toBe("2027-03-28T07:00:00.000Z");
    expect(daysBeforeAt(webinar, 2, "09:00", BXL).toISOString()).toBe("2027-03-27T08:00:00.000Z");
    // Monday 1 November 2027: the day before is Sunday 31 October, 09:00 CET.
    const after = new Date("2027-11-01T13:00:00Z");
    expect(daysBeforeAt(after, 1, "09:00", BXL).toISOString()).toBe("2027-10-31T08:00:00.000Z");
    expect(daysBeforeAt(after, 2, "09:00", BXL).toISOString()).toBe("2027-10-30T07:00:00.000Z");
    // Seven days before, across the change: still 09:00 local.
    expect(localClock(daysBeforeAt(new Date("2027-04-02T10:00:00Z"), 7, "09:00", BXL), BXL)).toBe("2027-03-26 09:00");
  });

  it("takes the local day of the instant, not its UTC day", () => {
    // 23:30Z on 27 March is already 28 March 00:30 in Brussels.
    expect(atLocalTime(new Date("2027-03-27T23:30:00Z"), "09:00", BXL).toISOString()).toBe("2027-03-28T07:00:00.000Z");
    expect(atLocalTime(new Date("2027-03-27T23:30:00Z"), "09:00", "UTC").toISOString()).toBe("2027-03-27T09:00:00.000Z");
  });

  it("moves a wall-clock time that does not exist forward, and picks winter time for one that exists twice", () => {
    expect(localClock(atLocalTime(new Date("2027-03-28T12:00:00Z"), "02:30", BXL), BXL)).toBe("2027-03-28 03:30");
    expect(atLocalTime(new Date("2027-10-31T12:00:00Z"), "02:30", BXL).toISOString()).toBe("2027-10-31T01:30:00.000Z");
  });

  it("finds the next occurrence strictly after an instant", () => {
    expect(nextLocalTime(new Date("2027-03-27T07:59:00Z"), "09:00", BXL).toISOString()).toBe("2027-03-27T08:00:00.000Z");
    expect(nextLocalTime(new Date("2027-03-27T08:00:00Z"), "09:00", BXL).toISOString()).toBe("2027-03-28T07:00:00.000Z");
    expect(nextLocalTime(new Date("2027-10-30T07:00:00Z"), "09:00", BXL).toISOString()).toBe("2027-10-31T08:00:00.000Z");
  });

  it("refuses malformed times and unknown zones", () => {
    expect(() => atLocalTime(new Date(), "9h", BXL)).toThrow(/HH:mm/);
    expect(() => atLocalTime(new Date(), "24:00", BXL)).toThrow(/HH:mm/);
    expect(() => atLocalTime(new Date(), "09:00", "Europe/Nowhere")).toThrow(/time zone/);
    expect(() => daysBeforeAt(new Date(), 1.5, "09:00", BXL)).toThrow(/integer/);
  });
});
