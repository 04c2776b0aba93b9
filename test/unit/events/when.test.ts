import { describe, expect, it } from "vitest";
import { parseWhen, parseEnd } from "../../../src/core/time/when.js";
import { parseDuration } from "../../../src/core/time/when-parts.js";
import type { Locale } from "../../../src/core/types.js";

const zone = "Europe/Brussels";
// Sunday 29 November 2026, 11:00 in Brussels.
const now = new Date("2026-11-29T10:00:00Z");
const iso = (line: string, locale: Locale = "fr", at = now) => {
  const r = parseWhen(line, { locale, zone, now: at });
  if (!r.ok) return `${r.problem}${r.understood ? `@${r.understood.toISOString()}` : ""}`;
  return r.end ? `${r.start.toISOString()}/${r.end.toISOString()}` : r.start.toISOString();
};

describe("parseWhen: French", () => {
  it.each([
    ["12/03 14h", "2027-03-12T13:00:00.000Z"],
    ["12 mars 14:00", "2027-03-12T13:00:00.000Z"],
    ["le 12 mars à 14h30", "2027-03-12T13:30:00.000Z"],
    ["mardi prochain 19h30", "2026-12-01T18:30:00.000Z"],
    ["2027-03-12T14:00", "2027-03-12T13:00:00.000Z"],
    ["12/03/2027 14h", "2027-03-12T13:00:00.000Z"],
    ["12/03/27 14h", "2027-03-12T13:00:00.000Z"],
    ["demain 9h", "2026-11-30T08:00:00.000Z"],
    ["après-demain 10h", "2026-12-01T09:00:00.000Z"],
    ["1er avril 10h", "2027-04-01T08:00:00.000Z"],
    ["mardi 12 janvier 2027 19h", "2027-01-12T18:00:00.000Z"],
  ])("%s", (line, expected) => expect(iso(line)).toBe(expected));

  it("reads a range as start and end", () => {
    expect(iso("12/03 14h-15h30")).toBe("2027-03-12T13:00:00.000Z/2027-03-12T14:30:00.000Z");
    expect(iso("12 mars de 14h à 16h")).toBe("2027-03-12T13:00:00.000Z/2027-03-12T15:00:00.000Z");
  });
});

describe("parseWhen: German (the year-2014 bug fixed)", () => {
  it.each([
    ["12. März 14 Uhr", "2027-03-12T13:00:00.000Z"],
    ["12. März 14:00", "2027-03-12T13:00:00.000Z"],
    ["am 12. März um 14.30 Uhr", "2027-03-12T13:30:00.000Z"],
    ["12.03. 14:00", "2027-03-12T13:00:00.000Z"],
    ["12.3.2027 14 Uhr", "2027-03-12T13:00:00.000Z"],
    ["nächsten Dienstag 19:30", "2026-12-01T18:30:00.000Z"],
    ["morgen 9 Uhr", "2026-11-30T08:00:00.000Z"],
    ["übermorgen 10 Uhr", "2026-12-01T09:00:00.000Z"],
    ["12. März von 14 bis 16 Uhr", "2027-03-12T13:00:00.000Z/2027-03-12T15:00:00.000Z"],
  ])("%s", (line, expected) => expect(iso(line, "de")).toBe(expected));
});

describe("parseWhen: Dutch", () => {
  it.each([
    ["12 maart 14:00", "2027-03-12T13:00:00.000Z"],
    ["12 maart 14u", "2027-03-12T13:00:00.000Z"],
    ["volgende dinsdag 19u30", "2026-12-01T18:30:00.000Z"],
    ["12-03-2027 14:00", "2027-03-12T13:00:00.000Z"],
    ["morgen om 9 uur", "2026-11-30T08:00:00.000Z"],
    ["overmorgen 10u", "2026-12-01T09:00:00.000Z"],
    ["12/03 van 14u tot 16u", "2027-03-12T13:00:00.000Z/2027-03-12T15:00:00.000Z"],
  ])("%s", (line, expected) => expect(iso(line, "nl")).toBe(expected));
});

describe("parseWhen: English", () => {
  it.each([
    ["12 March 2pm", "2027-03-12T13:00:00.000Z"],
    ["next Tuesday 7:30pm", "2026-12-01T18:30:00.000Z"],
    ["tomorrow 9am", "2026-11-30T08:00:00.000Z"],
    ["2027-03-12T14:00", "2027-03-12T13:00:00.000Z"],
  ])("%s", (line, expected) => expect(iso(line, "en")).toBe(expected));
});

describe("parseWhen: time zone and DST", () => {
  it("keeps the local hour on both sides of the March and October changes", () => {
    // Before 28 March 2027 Brussels is UTC+1, after it UTC+2; after 31 October 2027 UTC+1 again.
    expect(iso("27/03/2027 14h")).toBe("2027-03-27T13:00:00.000Z");
    expect(iso("29/03/2027 14h")).toBe("2027-03-29T12:00:00.000Z");
    expect(iso("30/10/2027 14h")).toBe("2027-10-30T12:00:00.000Z");
    expect(iso("01/11/2027 14h")).toBe("2027-11-01T13:00:00.000Z");
  });

  it("refuses a time that does not exist (spring-forward gap)", () => {
    expect(iso("28/03/2027 2h30")).toBe("dst_gap");
  });

  it("does not depend on the machine's zone: a relative day is the zone's day", () => {
    // 23:30 UTC on Monday is already Tuesday 00:30 in Brussels: "demain" is Wednesday.
    const lateMonday = new Date("2026-11-30T23:30:00Z");
    expect(iso("demain 9h", "fr", lateMonday)).toBe("2026-12-02T08:00:00.000Z");
  });
});

describe("parseWhen: refusals say what was understood", () => {
  it("a past date", () => expect(iso("12/03/2026 14h")).toBe("past@2026-03-12T13:00:00.000Z"));
  it("a date without a time", () => expect(iso("12 mars")).toBe("no_time@2027-03-11T23:00:00.000Z"));
  it("a time without a date", () => expect(iso("14h")).toBe("no_date"));
  it("a day that does not exist", () => expect(iso("31/02 14h")).toBe("invalid_date"));
  it("an end before its start", () => expect(iso("12/03 16h-14h")).toBe("end_before_start@2027-03-12T15:00:00.000Z"));
  it("two dates", () => expect(iso("12 mars ou 13 mars 14h")).toMatch(/^ambiguous@2027-03-12/));
  it("a weekday that contradicts the date", () => expect(iso("lundi 12 mars 2027 14h")).toMatch(/^ambiguous@/));
  it("a bare weekday that is today", () => expect(iso("dimanche 19h")).toMatch(/^ambiguous@/));
  it("three times", () => expect(iso("12/03 14h 15h 16h")).toBe("ambiguous"));
  it("an hour out of range", () => expect(iso("12/03 25h")).toBe("unparsed"));
  it("nonsense", () => expect(iso("quand tu veux")).toBe("unparsed"));
  it("day/month order for an English reader", () => expect(iso("03/12 14:00", "en")).toMatch(/^ambiguous@2026-12-03/));
  it("empty", () => expect(iso("  ")).toBe("empty"));
});

describe("parseEnd and parseDuration", () => {
  const start = new Date("2027-03-12T13:00:00Z");
  it("reads an end time on the start's local day", () => {
    const r = parseEnd("16h", start, { locale: "fr", zone });
    expect(r.ok && r.start.toISOString()).toBe("2027-03-12T15:00:00.000Z");
    const bad = parseEnd("13h", start, { locale: "fr", zone });
    expect(!bad.ok && bad.problem).toBe("end_before_start");
  });
  it.each([
    ["90", 90],
    ["90 min", 90],
    ["1h30", 90],
    ["1 h 30", 90],
    ["2h", 120],
    ["1,5 h", 90],
    ["2 Stunden", 120],
    ["2 uur", 120],
    ["1:30", 90],
    ["beaucoup", null],
  ])("%s -> %s", (raw, minutes) => expect(parseDuration(raw)).toBe(minutes));
});
