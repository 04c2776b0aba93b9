import { describe, expect, it } from "vitest";
import { boundedMemo } from "../../src/core/time/memo.js";
import { formatLocal, formatLocalTime, sameLocalDay } from "../../src/core/time/local.js";

describe("boundedMemo", () => {
  it("computes a key once, then serves it", () => {
    const memo = boundedMemo<string>(10);
    let calls = 0;
    const compute = () => `v${++calls}`;
    expect(memo("a", compute)).toBe("v1");
    expect(memo("a", compute)).toBe("v1");
    expect(memo("b", compute)).toBe("v2");
    expect(calls).toBe(2);
  });

  it("never holds more than its limit (forgets everything when full)", () => {
    const memo = boundedMemo<number>(3);
    let calls = 0;
    for (const k of ["a", "b", "c", "d"]) memo(k, () => ++calls);
    expect(calls).toBe(4);
    // "a" was forgotten when "d" came in: computed again.
    memo("a", () => ++calls);
    expect(calls).toBe(5);
  });
});

describe("memoized local formatting", () => {
  it("gives each instant, zone and language its own text", () => {
    const summer = new Date("2027-06-10T12:00:00Z");
    const winter = new Date("2027-12-10T12:00:00Z");
    expect(formatLocalTime(summer, "Europe/Brussels")).toBe("14:00");
    expect(formatLocalTime(winter, "Europe/Brussels")).toBe("13:00");
    expect(formatLocalTime(summer, "UTC")).toBe("12:00");
    expect(formatLocal(summer, "Europe/Brussels", "fr")).toMatch(/juin/);
    expect(formatLocal(summer, "Europe/Brussels", "de")).toMatch(/Juni/);
    expect(formatLocal(summer, "Europe/Brussels", "fr", { weekday: false })).not.toMatch(/jeudi/);
    expect(formatLocal(summer, "Europe/Brussels", "fr")).toMatch(/jeudi/);
    // 23:30 UTC is the next day in Brussels, the same day in UTC.
    const late = new Date("2027-06-10T23:30:00Z");
    expect(sameLocalDay(summer, late, "UTC")).toBe(true);
    expect(sameLocalDay(summer, late, "Europe/Brussels")).toBe(false);
  });
});
