/**
 * When the steps of a welcome journey are due (10:00 in the person's zone, the same hour
 * across the changes of time of the last Sundays of March and October), which are due at
 * once, and how people type a commune and a role for `/cdce rejoindre`.
 */
import { describe, expect, it } from "vitest";
import { dueSteps, stepDueAt } from "../../../src/features/joining/journey.js";
import { DEFAULT_STEPS } from "../../../src/features/joining/defaults.js";
import { readRole, splitCommuneAndRole } from "../../../src/features/joining/roles.js";

const BXL = "Europe/Brussels";
const steps = DEFAULT_STEPS.filter((s) => s.role === "benevole");

describe("welcome journey schedule", () => {
  it("sends the first step at once and the others at 10:00 local, across the March change of time", () => {
    const journey = { startedAt: new Date("2027-03-20T22:30:00Z"), nextPosition: 1 }; // 23:30 in Brussels, Saturday 20 March
    expect(stepDueAt(journey, { delayDays: 0 }, BXL)).toEqual(journey.startedAt);
    // 20 March + 7 days = 27 March, still winter time (UTC+1).
    expect(stepDueAt(journey, { delayDays: 7 }, BXL).toISOString()).toBe("2027-03-27T09:00:00.000Z");
    // 20 March + 12 days = 1 April, summer time (UTC+2): still 10:00 in Brussels.
    expect(stepDueAt(journey, { delayDays: 12 }, BXL).toISOString()).toBe("2027-04-01T08:00:00.000Z");
  });

  it("keeps 10:00 local across the October change of time", () => {
    // Started Thursday 28 October 2027 (summer time); the clocks go back on Sunday 31 October.
    const journey = { startedAt: new Date("2027-10-28T08:00:00Z"), nextPosition: 1 };
    expect(stepDueAt(journey, { delayDays: 2 }, BXL).toISOString()).toBe("2027-10-30T08:00:00.000Z");
    expect(stepDueAt(journey, { delayDays: 5 }, BXL).toISOString()).toBe("2027-11-02T09:00:00.000Z");
  });

  it("lists the steps due from the next one, stopping at the first one not due", () => {
    const journey = { startedAt: new Date("2027-01-04T09:00:00Z"), nextPosition: 2 };
    expect(dueSteps(journey, steps, new Date("2027-01-06T09:00:00Z"), BXL)).toEqual([]);
    expect(dueSteps(journey, steps, new Date("2027-01-07T09:00:00Z"), BXL).map((s) => s.position)).toEqual([2]);
    expect(dueSteps(journey, steps, new Date("2027-02-07T09:00:00Z"), BXL).map((s) => s.position)).toEqual([2, 3, 4, 5]);
    expect(dueSteps({ ...journey, nextPosition: 6 }, steps, new Date("2027-02-07T09:00:00Z"), BXL)).toEqual([]);
  });

  it("has default journeys over two to four weeks for every role but coordination", () => {
    for (const role of ["benevole", "ambassadeur", "copil", "elu", "agent"]) {
      const own = DEFAULT_STEPS.filter((s) => s.role === role);
      expect(own.map((s) => s.kind)).toEqual(["welcome", "kits", "webinar", "contacts", "task"]);
      expect(Math.max(...own.map((s) => s.delayDays))).toBeGreaterThanOrEqual(14);
      expect(Math.max(...own.map((s) => s.delayDays))).toBeLessThanOrEqual(28);
      for (const s of own) expect(Object.keys(s.text).sort()).toEqual(["de", "en", "fr", "nl"]);
    }
    expect(DEFAULT_STEPS.some((s) => s.role === "coordination")).toBe(false);
  });
});

describe("reading /cdce rejoindre", () => {
  it("takes the last word as the role when it names one, in any language", () => {
    expect(splitCommuneAndRole({ commune: "La Roche-en-Ardenne benevole" })).toEqual({ commune: "La Roche-en-Ardenne", role: "benevole" });
    expect(splitCommuneAndRole({ commune: "Le Roeulx vrijwilliger" })).toEqual({ commune: "Le Roeulx", role: "vrijwilliger" });
    expect(splitCommuneAndRole({ commune: "ambassadeur" })).toEqual({ commune: undefined, role: "ambassadeur" });
    expect(splitCommuneAndRole({ commune: "Namur" })).toEqual({ commune: "Namur" });
    expect(splitCommuneAndRole({ commune: "Namur", role: "copil" })).toEqual({ commune: "Namur", role: "copil" });
  });

  it("reads roles and CoPil groups", () => {
    expect(readRole("Bénévole")).toEqual({ role: "benevole" });
    expect(readRole("Freiwilliger")).toEqual({ role: "benevole" });
    expect(readRole("ambassador")).toEqual({ role: "ambassadeur" });
    expect(readRole("citoyen")).toEqual({ role: "copil", kind: "citizen" });
    expect(readRole("commerce")).toEqual({ role: "copil", kind: "shop" });
    expect(readRole("elu")).toEqual({ role: "elu" });
    expect(readRole("martien")).toBeUndefined();
  });
});
