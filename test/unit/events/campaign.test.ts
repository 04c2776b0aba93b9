import { describe, expect, it } from "vitest";
import { campaignAt, campaignsOf, campaignsToPrompt, worldFairTradeDay } from "../../../src/features/events/campaign.js";
import { parseSlots } from "../../../src/features/events/local.js";

const zone = "Europe/Brussels";
const local = (d: Date) => d.toLocaleString("sv-SE", { timeZone: zone }).slice(0, 16);

describe("campaign calendar", () => {
  it("places the Semaine du Commerce Équitable from the first Wednesday of October, eleven days", () => {
    const sce2024 = campaignsOf(2024, zone).find((c) => c.id === "sce")!;
    expect(local(sce2024.start)).toBe("2024-10-02 00:00");
    expect(local(new Date(sce2024.end.getTime() - 1))).toBe("2024-10-12 23:59");
    const sce2025 = campaignsOf(2025, zone).find((c) => c.id === "sce")!;
    expect(local(sce2025.start)).toBe("2025-10-01 00:00");
    expect(local(new Date(sce2025.end.getTime() - 1))).toBe("2025-10-11 23:59");
  });

  it("places World Fair Trade Day on the second Saturday of May", () => {
    expect(local(worldFairTradeDay(2027, zone))).toBe("2027-05-08 00:00");
    expect(local(worldFairTradeDay(2026, zone))).toBe("2026-05-09 00:00");
  });

  it("prompts six weeks before, at 09:00 Brussels (summer time)", () => {
    const sce = campaignsOf(2027, zone).find((c) => c.id === "sce")!;
    expect(local(sce.promptAt)).toBe("2027-08-25 09:00");
    expect(campaignsToPrompt(new Date("2027-08-25T06:00:00Z"), zone)).toEqual([]);
    expect(campaignsToPrompt(new Date("2027-08-25T07:00:00Z"), zone).map((c) => c.key)).toEqual(["sce-2027"]);
    expect(campaignsToPrompt(new Date("2027-10-06T10:00:00Z"), zone)).toEqual([]);
  });

  it("tags what falls inside a campaign", () => {
    expect(campaignAt(new Date("2027-10-09T08:00:00Z"), zone)?.key).toBe("sce-2027");
    expect(campaignAt(new Date("2027-05-08T08:00:00Z"), zone)?.key).toBe("wftd-2027");
    expect(campaignAt(new Date("2027-06-08T08:00:00Z"), zone)).toBeNull();
  });
});

describe("volunteer slots", () => {
  const day = new Date("2027-10-09T07:00:00Z");
  it("reads ranges and numbers of people in every language", () => {
    const r = parseSlots("9h-11h x2, 11:00-13:00 3 personnes; 14-16 Uhr 2 Ehrenamtliche", day, zone);
    expect("slots" in r && r.slots.map((s) => [local(s.startsAt), local(s.endsAt), s.capacity])).toEqual([
      ["2027-10-09 09:00", "2027-10-09 11:00", 2],
      ["2027-10-09 11:00", "2027-10-09 13:00", 3],
      ["2027-10-09 14:00", "2027-10-09 16:00", 2],
    ]);
  });
  it.each(["9h x2", "11h-9h x2", "9h-11h x0", "n'importe quoi"])("refuses %s", (raw) => expect("bad" in parseSlots(raw, day, zone)).toBe(true));
});
