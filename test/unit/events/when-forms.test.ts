/**
 * The forms people commonly type for a date, one table per language, read at a fixed "now"
 * (Sunday 29 November 2026, 11:00 in Brussels): each row gives the instant expected (UTC,
 * `start/end` for a range) or the refusal (`past@…` names what was understood).
 */
import { describe, expect, it } from "vitest";
import { parseWhen } from "../../../src/core/time/when.js";
import type { Locale } from "../../../src/core/types.js";

const zone = "Europe/Brussels";
const now = new Date("2026-11-29T10:00:00Z");
const read = (line: string, locale: Locale) => {
  const r = parseWhen(line, { locale, zone, now });
  if (!r.ok) return `${r.problem}${r.understood ? `@${r.understood.toISOString()}` : ""}`;
  return r.end ? `${r.start.toISOString()}/${r.end.toISOString()}` : r.start.toISOString();
};

// Winter time (UTC+1) until 28 March 2027; summer time (UTC+2) after it.
const TUE_1930 = "2026-12-01T18:30:00.000Z";
const MAR12_14 = "2027-03-12T13:00:00.000Z";
const MAR12_NOON = "2027-03-12T11:00:00.000Z";
const MAR12_MIDNIGHT = "2027-03-11T23:00:00.000Z";
const LAST_SUNDAY_MARCH_15 = "2027-03-28T13:00:00.000Z";
const FIRST_MONDAY_APRIL_19 = "2027-04-05T17:00:00.000Z";
const YESTERDAY_10 = "past@2026-11-28T09:00:00.000Z";
const LAST_MONDAY_10 = "past@2026-11-23T09:00:00.000Z";
const THREE_DAYS_AGO_10 = "past@2026-11-26T09:00:00.000Z";

const TABLES: Record<Locale, [string, string][]> = {
  fr: [
    ["hier 10h", YESTERDAY_10],
    ["avant-hier 9h", "past@2026-11-27T08:00:00.000Z"],
    ["lundi dernier 10h", LAST_MONDAY_10],
    ["il y a 3 jours 10h", THREE_DAYS_AGO_10],
    ["12 mars à midi", MAR12_NOON],
    ["12 mars à minuit", MAR12_MIDNIGHT],
    ["demain midi", "2026-11-30T11:00:00.000Z"],
    ["mardi prochain 19h30", TUE_1930],
    ["prochain mardi 19h30", TUE_1930],
    ["ce mardi à 19h30", TUE_1930],
    ["le dernier dimanche de mars 2027 à 15h", LAST_SUNDAY_MARCH_15],
    ["le premier lundi d'avril 19h", FIRST_MONDAY_APRIL_19],
    ["le 12/03 à 14h", MAR12_14],
    ["12/03 09:00-10:00", "2027-03-12T08:00:00.000Z/2027-03-12T09:00:00.000Z"],
    ["12 mars 2027 à 14 heures", MAR12_14],
    ["14 heures 30 le 12 mars", "2027-03-12T13:30:00.000Z"],
    ["mardi 1er décembre à 19h30", TUE_1930],
    ["ce soir 8h", "2026-11-29T19:00:00.000Z"],
    ["dans 2 semaines 10h", "2026-12-13T09:00:00.000Z"],
    ["10 décembre de 18h30 à 20h", "2026-12-10T17:30:00.000Z/2026-12-10T19:00:00.000Z"],
    ["la semaine prochaine 14h", "unparsed"],
    ["sam 9h", "2026-12-05T08:00:00.000Z"],
    ["24/12 midi", "2026-12-24T11:00:00.000Z"],
    // Today is Sunday: "ce dimanche" could be today or next week, so it is asked.
    ["ce dimanche 19h", "ambiguous@2026-11-29T18:00:00.000Z"],
  ],
  de: [
    ["gestern 10 Uhr", YESTERDAY_10],
    ["vorgestern 9 Uhr", "past@2026-11-27T08:00:00.000Z"],
    ["letzten Montag 10 Uhr", LAST_MONDAY_10],
    ["vor 3 Tagen 10 Uhr", THREE_DAYS_AGO_10],
    ["12. März Mittag", MAR12_NOON],
    ["12. März um Mitternacht", MAR12_MIDNIGHT],
    ["kommenden Dienstag 19:30", TUE_1930],
    ["nächsten Dienstag 19:30", TUE_1930],
    ["Dienstag, 1. Dezember um 19:30 Uhr", TUE_1930],
    ["letzter Sonntag im März 2027 15 Uhr", LAST_SUNDAY_MARCH_15],
    ["erster Montag im April 19 Uhr", FIRST_MONDAY_APRIL_19],
    ["14 Uhr 30 am 12. März", "2027-03-12T13:30:00.000Z"],
    ["morgen früh 9 Uhr", "2026-11-30T08:00:00.000Z"],
    ["morgen Abend 8 Uhr", "2026-11-30T19:00:00.000Z"],
    ["in zwei Wochen 10 Uhr", "2026-12-13T09:00:00.000Z"],
    ["1. Dezember 2026, 19.30 Uhr", TUE_1930],
    ["nächste Woche 10 Uhr", "unparsed"],
    ["Fr 4.12. 18 Uhr", "2026-12-04T17:00:00.000Z"],
    ["12 Uhr mittags am 24.12.", "2026-12-24T11:00:00.000Z"],
  ],
  nl: [
    ["gisteren 10u", YESTERDAY_10],
    ["eergisteren 9u", "past@2026-11-27T08:00:00.000Z"],
    ["vorige maandag 10u", LAST_MONDAY_10],
    ["3 dagen geleden 10u", THREE_DAYS_AGO_10],
    ["12 maart middag", MAR12_NOON],
    ["12 maart om middernacht", MAR12_MIDNIGHT],
    ["volgende dinsdag 19u30", TUE_1930],
    ["aanstaande dinsdag 19:30", TUE_1930],
    ["dinsdag aanstaande om 19u30", TUE_1930],
    ["dinsdag 1 december om 19u30", TUE_1930],
    ["laatste zondag van maart 2027 15u", LAST_SUNDAY_MARCH_15],
    ["eerste maandag van april 19u", FIRST_MONDAY_APRIL_19],
    ["1 december 2026 om 19.30 uur", TUE_1930],
    ["morgen om 3 uur 's middags", "2026-11-30T14:00:00.000Z"],
    ["over twee weken 10u", "2026-12-13T09:00:00.000Z"],
    ["vanavond 20u", "2026-11-29T19:00:00.000Z"],
    ["vr 4/12 19u", "2026-12-04T18:00:00.000Z"],
  ],
  en: [
    ["yesterday 10am", YESTERDAY_10],
    ["last Monday 10am", LAST_MONDAY_10],
    ["3 days ago 10am", THREE_DAYS_AGO_10],
    ["March 12 2pm", MAR12_14],
    ["Mar 12, 2027 at 2:30 pm", "2027-03-12T13:30:00.000Z"],
    ["March 12 at noon", MAR12_NOON],
    ["12 March at midnight", MAR12_MIDNIGHT],
    ["next Tuesday 7:30pm", TUE_1930],
    ["this coming Tuesday 7.30pm", TUE_1930],
    ["Tuesday, December 1st at 7:30pm", TUE_1930],
    ["last Sunday of March 2027 3pm", LAST_SUNDAY_MARCH_15],
    ["first Monday of April 7pm", FIRST_MONDAY_APRIL_19],
    ["on the 12th of March at 2pm", MAR12_14],
    ["2027-03-12 09:00-10:00", "2027-03-12T08:00:00.000Z/2027-03-12T09:00:00.000Z"],
    ["in two weeks 10am", "2026-12-13T09:00:00.000Z"],
    ["tomorrow at 3 p.m.", "2026-11-30T14:00:00.000Z"],
    ["this Sunday 7pm", "ambiguous@2026-11-29T18:00:00.000Z"],
    ["Dec 24 noon", "2026-12-24T11:00:00.000Z"],
    ["Fri 4 Dec 6pm", "2026-12-04T17:00:00.000Z"],
  ],
};

for (const [locale, rows] of Object.entries(TABLES) as [Locale, [string, string][]][]) {
  describe(`parseWhen: forms typed in ${locale}`, () => {
    it.each(rows)("%s", (line, expected) => expect(read(line, locale)).toBe(expected));
  });
}

describe("parseWhen: a past day is refused as past, never moved a year ahead", () => {
  it.each([
    ["hier 10h", "fr"],
    ["gestern 10 Uhr", "de"],
    ["gisteren 10u", "nl"],
    ["yesterday 10am", "en"],
    ["samedi dernier 14h", "fr"],
    ["letzten Samstag 14 Uhr", "de"],
  ] as [string, Locale][])("%s", (line, locale) => {
    const r = parseWhen(line, { locale, zone, now });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problem).toBe("past");
    expect(!r.ok && r.understood!.getTime()).toBeLessThan(now.getTime());
  });
});
