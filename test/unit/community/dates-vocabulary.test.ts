/** Days, deadlines and periods typed by people, in four languages and the Brussels zone; kind and partner words. */
import { describe, expect, it } from "vitest";
import { parseDay, parseDeadline, parsePeriod } from "../../../src/core/time/dates.js";
import { toCriterion, toKind, toPartnerKind } from "../../../src/features/initiatives/vocabulary.js";

const NOW = new Date("2026-11-29T10:00:00Z"); // a Sunday
const ZONE = "Europe/Brussels";
const day = (s: string, locale: "fr" | "de" | "nl" | "en" = "fr", now = NOW) => parseDay(s, locale, ZONE, now)?.toISOString().slice(0, 10);

describe("parseDay", () => {
  it("reads numeric dates", () => {
    expect(day("2026-11-20")).toBe("2026-11-20");
    expect(day("20/11/2026")).toBe("2026-11-20");
    expect(day("20.11.2026", "de")).toBe("2026-11-20");
    expect(day("20/11")).toBe("2026-11-20");
    expect(day("5-3-26")).toBe("2026-03-05");
    expect(day("31/02/2026")).toBeUndefined();
  });

  it("reads words in each language, relative to the local day", () => {
    expect(day("hier")).toBe("2026-11-28");
    expect(day("gestern", "de")).toBe("2026-11-28");
    expect(day("gisteren", "nl")).toBe("2026-11-28");
    expect(day("yesterday", "en")).toBe("2026-11-28");
    expect(day("samedi dernier")).toBe("2026-11-28");
    // 23:30 UTC on the 29th is already the 30th in Brussels.
    expect(day("aujourd'hui", "fr", new Date("2026-11-29T23:30:00Z"))).toBe("2026-11-30");
  });

  it("takes a day without a year far ahead as last year's", () => {
    expect(day("12 mars")).toBe("2026-03-12");
    expect(day("12. März", "de")).toBe("2026-03-12");
    expect(day("5 décembre")).toBe("2026-12-05");
    expect(day("n’importe quoi")).toBeUndefined();
  });
});

describe("parseDeadline", () => {
  const at = (s: string, locale: "fr" | "de" | "nl" | "en" = "fr") => parseDeadline(s, locale, ZONE, NOW)?.toISOString();
  it("reads delays", () => {
    expect(at("2h")).toBe("2026-11-29T12:00:00.000Z");
    expect(at("3j")).toBe("2026-12-02T10:00:00.000Z");
    expect(at("3d", "en")).toBe("2026-12-02T10:00:00.000Z");
    expect(at("1w", "en")).toBe("2026-12-06T10:00:00.000Z");
  });
  it("reads days and times in the zone, a day alone meaning its end", () => {
    expect(at("vendredi 18h")).toBe("2026-12-04T17:00:00.000Z");
    expect(at("2026-12-05")).toBe("2026-12-05T22:59:00.000Z");
    expect(at("12. Dezember 14 Uhr", "de")).toBe("2026-12-12T13:00:00.000Z");
    expect(at("vrijdag 18:00", "nl")).toBe("2026-12-04T17:00:00.000Z");
  });
  it("refuses the past and nonsense", () => {
    expect(at("hier")).toBeUndefined();
    expect(at("0h")).toBeUndefined();
    expect(at("bientôt")).toBeUndefined();
  });
});

describe("parsePeriod", () => {
  const p = (s: string) => {
    const r = parsePeriod(s, ZONE, NOW);
    return r && `${r.from.toISOString().slice(0, 10)}..${r.to.toISOString().slice(0, 10)}`;
  };
  it("reads years, months, ranges, look-backs and the current week, month, year", () => {
    expect(p("2026")).toBe("2026-01-01..2027-01-01");
    expect(p("2026-10")).toBe("2026-10-01..2026-11-01");
    expect(p("2026-01-01..2026-06-30")).toBe("2026-01-01..2026-07-01");
    expect(p("30j")).toBe("2026-10-30..2026-11-30");
    expect(p("mois")).toBe("2026-11-01..2026-12-01");
    expect(p("Woche")).toBe("2026-11-23..2026-11-30");
    expect(p("jaar")).toBe("2026-01-01..2027-01-01");
    expect(p("2026-13")).toBeUndefined();
    expect(p("2026-06-30..2026-01-01")).toBeUndefined();
  });
});

describe("vocabulary", () => {
  it("maps the words of four languages to kinds, partner kinds and criteria", () => {
    expect(["Frühstück", "ontbijt", "breakfast", "petit déjeuner"].map(toKind)).toEqual(Array(4).fill("petit-dejeuner"));
    expect(["workshop", "Atelier", "Werkstatt"].map(toKind)).toEqual(Array(3).fill("atelier"));
    expect(toKind("cirque")).toBeUndefined();
    expect(["Geschäft", "winkel", "shop", "magasin"].map(toPartnerKind)).toEqual(Array(4).fill("commerce"));
    expect(["producteur", "Landwirt", "boer", "ferme"].map(toPartnerKind)).toEqual(Array(4).fill("producteur"));
    expect(["6", "c6", "critère 6", "Kriterium 6"].map(toCriterion)).toEqual(Array(4).fill("6"));
    expect(toCriterion("7")).toBeUndefined();
  });
});
