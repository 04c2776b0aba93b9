import { describe, expect, it } from "vitest";
import { isDateList, occurrences, parseDateList, parseRule } from "../../../src/features/events/series.js";
import { parseWhen } from "../../../src/core/time/when.js";

const zone = "Europe/Brussels";
const local = (d: Date) => d.toLocaleString("sv-SE", { timeZone: zone }).slice(0, 16);

describe("series rules", () => {
  it.each<[string, Record<string, unknown>]>([
    ["premier mardi 19h-20h30", { nth: 1, weekday: 2, time: { hour: 19, minute: 0 }, end: { hour: 20, minute: 30 } }],
    ["le dernier jeudi du mois à 20h", { nth: -1, weekday: 4, time: { hour: 20, minute: 0 } }],
    ["erster Dienstag 19 Uhr", { nth: 1, weekday: 2, time: { hour: 19, minute: 0 } }],
    ["laatste donderdag 20u", { nth: -1, weekday: 4, time: { hour: 20, minute: 0 } }],
    ["second Wednesday of the month 7pm", { nth: 2, weekday: 3, time: { hour: 19, minute: 0 } }],
  ])("%s", (raw, rule) => expect(parseRule(raw)).toEqual("end" in rule ? rule : { ...rule, end: undefined }));

  it.each(["mardi 19h", "premier 19h", "premier mardi", "premier mardi de mars 19h"])("is not a rule: %s", (raw) => expect(parseRule(raw)).toBeNull());

  it("gives the first Tuesdays at 19:00 local, across the DST change", () => {
    const dates = occurrences(parseRule("premier mardi 19h")!, new Date("2027-01-01T00:00:00Z"), 5, zone).sessions.map((o) => o.start);
    expect(dates.map(local)).toEqual(["2027-01-05 19:00", "2027-02-02 19:00", "2027-03-02 19:00", "2027-04-06 19:00", "2027-05-04 19:00"]);
    expect(dates[3]!.toISOString()).toBe("2027-04-06T17:00:00.000Z"); // summer time
  });

  it("skips a month's session already past and finds the last weekday", () => {
    const dates = occurrences(parseRule("dernier vendredi 12h")!, new Date("2027-01-29T12:00:00Z"), 2, zone).sessions.map((o) => local(o.start));
    expect(dates).toEqual(["2027-02-26 12:00", "2027-03-26 12:00"]);
  });

  it("names the days whose hour the clock change makes unclear, instead of skipping or guessing them", () => {
    const planned = occurrences(parseRule("dernier dimanche 2h30")!, new Date("2027-01-01T00:00:00Z"), 12, zone);
    expect(planned.unclear.map((u) => [local(u.day).slice(0, 10), u.kind])).toEqual([
      ["2027-03-28", "gap"], // 02:30 does not exist: clocks jump from 02:00 to 03:00
      ["2027-10-31", "fold"], // 02:30 happens twice
    ]);
    expect(planned.sessions).toHaveLength(10);
    expect(planned.sessions.map((o) => local(o.start).slice(11))).toEqual(Array(10).fill("02:30"));
    // An end in the gap counts too.
    expect(occurrences(parseRule("dernier dimanche 1h-2h30")!, new Date("2027-03-01T00:00:00Z"), 1, zone).unclear).toEqual([{ day: expect.any(Date), kind: "gap" }]);
  });

  it("reads an explicit list, each item like a typed date", () => {
    const now = new Date("2026-11-29T10:00:00Z");
    expect(isDateList("12/01 19h; 09/02 19h")).toBe(true);
    expect(isDateList("premier mardi 19h")).toBe(false);
    const items = parseDateList("12/01 19h; 31/02 19h", { locale: "fr", zone, now });
    expect(items[0]!.result.ok).toBe(true);
    expect(!items[1]!.result.ok && items[1]!.result.problem).toBe("invalid_date");
  });

  it("every help example parses", () => {
    const now = new Date("2026-11-29T10:00:00Z");
    for (const [line, locale] of [["12/03 14h-15h30", "fr"], ["12.03. 14:00-15:30", "de"], ["12/03 14u-15u30", "nl"], ["2027-03-12 14:00-15:30", "en"], ["12/10 9h-13h", "fr"], ["12.10. 9:00-13:00", "de"], ["12/10 9u-13u", "nl"], ["2027-10-12 9:00-13:00", "en"]] as const) {
      const r = parseWhen(line, { locale, zone, now });
      expect(r.ok && r.end !== undefined, line).toBe(true);
    }
    expect(parseRule("first Tuesday 7pm-8:30pm")?.end).toEqual({ hour: 20, minute: 30 });
    expect(parseRule("erster Dienstag 19:00-20:30")?.end).toEqual({ hour: 20, minute: 30 });
    expect(parseRule("eerste dinsdag 19u-20u30")?.end).toEqual({ hour: 20, minute: 30 });
  });
});
