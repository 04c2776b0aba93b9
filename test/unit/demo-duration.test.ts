/** How far `/cdce demo avancer` moves the clock: minutes, hours, days, weeks in the four languages, bounded. */
import { describe, expect, it } from "vitest";
import { DEMO_MAX_DAYS, parseDemoDuration } from "../../src/features/demo/index.js";
import { isCdceError } from "../../src/core/errors.js";

const MIN = 60_000;
const H = 60 * MIN;
const D = 24 * H;

function codeOf(raw: string): string {
  try {
    parseDemoDuration(raw);
    return "ok";
  } catch (err) {
    return isCdceError(err) ? `${err.code} ${JSON.stringify(err.params)}` : "crash";
  }
}

describe("demo durations", () => {
  it.each([
    // fr
    ["30j", 30 * D], ["2 sem", 14 * D], ["12h", 12 * H], ["90min", 90 * MIN], ["1sem 3j", 10 * D], ["3 jours", 3 * D], ["2 heures", 2 * H],
    // de
    ["30t", 30 * D], ["2wo", 14 * D], ["3 Tage", 3 * D], ["2 Stunden", 2 * H], ["1 Woche", 7 * D], ["45 Minuten", 45 * MIN],
    // nl
    ["30d", 30 * D], ["2w", 14 * D], ["12u", 12 * H], ["3 dagen", 3 * D], ["1 uur", H], ["2 weken", 14 * D], ["10 minuten", 10 * MIN],
    // en
    ["30 days", 30 * D], ["2 weeks", 14 * D], ["1 hour", H], ["15m", 15 * MIN], ["1wk 2d 3h", 9 * D + 3 * H],
  ])("%s", (raw, ms) => {
    expect(parseDemoDuration(raw)).toBe(ms);
  });

  it(`goes up to ${DEMO_MAX_DAYS} days and refuses beyond, naming the bound`, () => {
    expect(parseDemoDuration(`${DEMO_MAX_DAYS}j`)).toBe(DEMO_MAX_DAYS * D);
    expect(codeOf(`${DEMO_MAX_DAYS + 1}j`)).toBe(`demo.too_far {"max":${DEMO_MAX_DAYS}}`);
    expect(codeOf("53 sem")).toMatch(/^demo.too_far/);
    expect(codeOf("99999999999999999999999j")).toMatch(/^demo.too_far/);
  });

  it.each(["", "30", "j", "trente jours", "30 mois", "3 constructor", "0x10j", "1e3j", "-5j", "0j", "30j!", "__proto__"])("refuses %j in words", (raw) => {
    expect(codeOf(raw)).toMatch(/^demo\.duration_(unreadable|zero)/);
  });
});
