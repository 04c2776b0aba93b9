/**
 * The pure parts of the territory: a local fête's next occurrence and its prompt at 09:00
 * Brussels six weeks before (across the last Sundays of March and October, and 29 February),
 * the days people type, and which communes are neighbours for a given distance setting.
 */
import { describe, expect, it } from "vitest";
import { nextOccurrence, readFeastDay } from "../../../src/features/feasts/calendar.js";
import { nearestOf, neighboursOf } from "../../../src/features/neighbours/nearby.js";
import { previousWeek } from "../../../src/features/neighbours/digest.js";
import { parseItemRef } from "../../../src/features/neighbours/items.js";
import { loadConfig } from "../../../src/config.js";
import type { Commune } from "../../../src/core/ports.js";

const zone = "Europe/Brussels";

describe("local fête calendar", () => {
  it("prompts at 09:00 Brussels six weeks before, on the days the clocks change", () => {
    // 9 May 2027 minus six weeks: Sunday 28 March, the day summer time starts (UTC+2 from 01:00 UTC).
    expect(nextOccurrence({ day: "2027-05-09", yearly: false }, new Date("2027-01-01T00:00:00Z"), zone)).toEqual({ day: "2027-05-09", start: new Date("2027-05-08T22:00:00Z"), promptAt: new Date("2027-03-28T07:00:00Z") });
    // 12 December 2027 minus six weeks: Sunday 31 October, the day winter time comes back (UTC+1).
    expect(nextOccurrence({ day: "2027-12-12", yearly: false }, new Date("2027-01-01T00:00:00Z"), zone)?.promptAt).toEqual(new Date("2027-10-31T08:00:00Z"));
  });

  it("recurs every year on its month and day; a one-off one ends", () => {
    const yearly = { day: "2020-09-12", yearly: true };
    expect(nextOccurrence(yearly, new Date("2027-09-11T21:59:00Z"), zone)?.day).toBe("2027-09-12");
    expect(nextOccurrence(yearly, new Date("2027-09-12T21:00:00Z"), zone)?.day).toBe("2027-09-12"); // still its day, locally
    expect(nextOccurrence(yearly, new Date("2027-09-12T22:00:00Z"), zone)?.day).toBe("2028-09-12");
    expect(nextOccurrence({ day: "2027-05-15", yearly: false }, new Date("2027-05-16T10:00:00Z"), zone)).toBeNull();
    // 29 February in a common year: the 28th.
    expect(nextOccurrence({ day: "2024-02-29", yearly: true }, new Date("2027-01-10T10:00:00Z"), zone)?.day).toBe("2027-02-28");
    expect(nextOccurrence({ day: "2024-02-29", yearly: true }, new Date("2028-01-10T10:00:00Z"), zone)?.day).toBe("2028-02-29");
  });

  it("reads the days people type, the year defaulting to the next such day", () => {
    const now = new Date("2027-06-30T10:00:00Z");
    expect(readFeastDay("24/06", now, zone)).toBe("2028-06-24");
    expect(readFeastDay("30/06", now, zone)).toBe("2027-06-30");
    expect(readFeastDay("12.09.", now, zone)).toBe("2027-09-12");
    expect(readFeastDay("12.09.2029", now, zone)).toBe("2029-09-12");
    expect(readFeastDay("2027-12-01", now, zone)).toBe("2027-12-01");
    expect(readFeastDay("29/02", now, zone)).toBe("2028-02-29");
    for (const bad of ["31/02", "32/01", "demain", "12/13/2027", ""]) expect(readFeastDay(bad, now, zone)).toBeNull();
  });
});

const commune = (id: string, latitude: number | null, longitude: number | null, status: Commune["status"] = "titled"): Commune => ({ id, slug: id, name: id, region: "Wallonie", province: null, languages: ["fr"], timeZone: zone, profile: "rural", populationBand: "lt10k", titledOn: null, fomDueOn: null, latitude, longitude, status, mergedIntoId: null, mergedOn: null, leftOn: null });

describe("neighbours", () => {
  const namur = commune("Namur", 50.465, 4.867); // the seed's facts
  const all = [namur, commune("Fernelmont", 50.553, 4.977), commune("Eghezee", 50.591, 4.912), commune("Florennes", 50.251, 4.606), commune("Nowhere", null, null), commune("Bertogne", 50.083, 5.667, "merged")];

  it("are the communes within the setting's distance, nearest first", () => {
    expect(neighboursOf(namur, all, 25).map((n) => [n.commune.name, n.km])).toEqual([["Fernelmont", 13], ["Eghezee", 14]]);
    expect(neighboursOf(namur, all, 35).map((n) => n.commune.name)).toEqual(["Fernelmont", "Eghezee", "Florennes"]);
    expect(neighboursOf(namur, all, 10)).toEqual([]);
    expect(nearestOf(namur, all, 1).map((n) => n.commune.name)).toEqual(["Fernelmont"]);
  });

  it("read their distance from NEIGHBOURS_DISTANCE_KM, 25 by default", () => {
    expect(loadConfig({}).NEIGHBOURS_DISTANCE_KM).toBe(25);
    expect(loadConfig({ NEIGHBOURS_DISTANCE_KM: "40" }).NEIGHBOURS_DISTANCE_KM).toBe(40);
    expect(() => loadConfig({ NEIGHBOURS_DISTANCE_KM: "loin" })).toThrow(/NEIGHBOURS_DISTANCE_KM/);
  });

  it("get the digest of the ISO week before, whatever day it runs", () => {
    expect(previousWeek(new Date("2027-03-08T08:30:00Z"), zone).label).toBe("2027-W09");
    expect(previousWeek(new Date("2027-03-14T22:00:00Z"), zone).label).toBe("2027-W09"); // Sunday night, still W10 locally
    expect(previousWeek(new Date("2027-01-04T08:30:00Z"), zone).label).toBe("2026-W53");
  });

  it("read the references of digest items", () => {
    expect(parseItemRef("i-3F2A9C1B")).toEqual({ kind: "initiative", id: "3f2a9c1b" });
    expect(parseItemRef("`e-k3x9q`")).toEqual({ kind: "event", id: "k3x9q" });
    expect(parseItemRef("x-123")).toBeNull();
    expect(parseItemRef(undefined)).toBeNull();
  });
});
