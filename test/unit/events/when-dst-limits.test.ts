/**
 * The hours the zone's clock skips or repeats, and dates too far ahead: each refused with a
 * message in the person's language that says what to type instead.
 */
import { describe, expect, it } from "vitest";
import { parseWhen } from "../../../src/core/time/when.js";
import { whenMessage } from "../../../src/features/events/validate.js";
import { foldButtons } from "../../../src/features/events/when-choices.js";
import { parseDay } from "../../../src/core/time/dates.js";
import { translator } from "../../../src/core/i18n/catalogue.js";
import type { Locale } from "../../../src/core/types.js";

const zone = "Europe/Brussels";
const now = new Date("2026-11-29T10:00:00Z");
const LOCALES: Locale[] = ["fr", "de", "nl", "en"];
const refusal = (line: string, locale: Locale = "fr") => {
  const r = parseWhen(line, { locale, zone, now });
  if (r.ok) throw new Error(`accepted: ${line} -> ${r.start.toISOString()}`);
  return r;
};

describe("the autumn hour that happens twice (31/10/2027 02:30 in Brussels)", () => {
  it("is not taken without a word: both readings are offered, summer time first", () => {
    const r = refusal("31/10/2027 2h30");
    expect(r.problem).toBe("dst_fold");
    expect(r.choices!.map((c) => [c.start.toISOString(), c.offset, c.season])).toEqual([
      ["2027-10-31T00:30:00.000Z", "+02:00", "summer"],
      ["2027-10-31T01:30:00.000Z", "+01:00", "winter"],
    ]);
  });

  it("asks in the person's language, with the two lines to type", () => {
    const expected: Record<Locale, RegExp> = { fr: /existe deux fois.*heure d’été.*heure d’hiver/, de: /zweimal.*Sommerzeit.*Winterzeit/, nl: /twee keer.*zomertijd.*wintertijd/, en: /happens twice.*summer time.*winter time/ };
    for (const locale of LOCALES) {
      const text = whenMessage(translator(locale), refusal("31/10/2027 2h30", locale), zone, locale, "debut");
      expect(text).toMatch(expected[locale]);
      expect(text).toContain("`31/10/2027 2h30 +02:00`");
      expect(text).toContain("`31/10/2027 2h30 +01:00`");
    }
  });

  it.each([
    ["31/10/2027 2h30 +02:00", "fr", "2027-10-31T00:30:00.000Z"],
    ["31/10/2027 2h30 +01:00", "fr", "2027-10-31T01:30:00.000Z"],
    ["2027-10-31T02:30+01:00", "en", "2027-10-31T01:30:00.000Z"],
    ["31/10/2027 2h30 heure d'été", "fr", "2027-10-31T00:30:00.000Z"],
    ["31.10.2027 2:30 Winterzeit", "de", "2027-10-31T01:30:00.000Z"],
    ["31/10/2027 2u30 zomertijd", "nl", "2027-10-31T00:30:00.000Z"],
    ["31 October 2027 2:30am winter time", "en", "2027-10-31T01:30:00.000Z"],
  ] as [string, Locale, string][])("%s is the reading chosen", (line, locale, expected) => {
    const r = parseWhen(line, { locale, zone, now });
    expect(r.ok && r.start.toISOString()).toBe(expected);
  });

  it("a season that does not fit the date is refused, not believed", () => {
    expect(refusal("12/07/2027 14h heure d'hiver")).toMatchObject({ problem: "ambiguous", detail: "heure d'hiver" });
    expect(refusal("12/01/2027 14h Sommerzeit", "de")).toMatchObject({ problem: "ambiguous", detail: "sommerzeit" });
  });

  it("an explicit offset names one instant, as ISO 8601 does", () => {
    const at = (line: string) => {
      const r = parseWhen(line, { locale: "fr", zone, now });
      return r.ok ? r.start.toISOString() : r.problem;
    };
    expect(at("2027-03-12T13:00Z")).toBe("2027-03-12T13:00:00.000Z");
    expect(at("12/03/2027 14:00 utc+1")).toBe("2027-03-12T13:00:00.000Z");
    // A range is no offset: 09:00-10:00 ends at ten.
    expect(at("2027-03-12 09:00-10:00")).toBe("2027-03-12T08:00:00.000Z");
  });

  it("gives one button per reading, each running the command again with its offset", () => {
    const r = refusal("31/10/2027 2h30");
    const buttons = foldButtons(translator("fr"), r, zone, (typed) => `webinaire deplacer abcde debut:"${typed}"`);
    expect(buttons).toEqual([
      { label: "Heure d’été (02:30, +02:00)", command: 'webinaire deplacer abcde debut:"31/10/2027 2h30 +02:00"' },
      { label: "Heure d’hiver (02:30, +01:00)", command: 'webinaire deplacer abcde debut:"31/10/2027 2h30 +01:00"' },
    ]);
    for (const b of buttons) {
      const typed = /debut:"([^"]+)"/.exec(b.command)![1]!;
      expect(parseWhen(typed, { locale: "fr", zone, now }).ok).toBe(true);
    }
  });
});

describe("the spring hour that does not exist (28/03/2027 02:30 in Brussels)", () => {
  it.each([
    ["28/03/2027 2h30", "fr"],
    ["le dernier dimanche de mars 2027 à 2h30", "fr"],
    ["letzter Sonntag im März 2027 2:30 Uhr", "de"],
    ["laatste zondag van maart 2027 2u30", "nl"],
    ["last Sunday of March 2027 2:30am", "en"],
  ] as [string, Locale][])("%s is refused with a clear message", (line, locale) => {
    const r = refusal(line, locale);
    expect(r.problem).toBe("dst_gap");
    const expected: Record<Locale, string> = { fr: "n’existe pas", de: "gibt es an diesem Tag nicht", nl: "bestaat die dag niet", en: "does not exist" };
    expect(whenMessage(translator(locale), r, zone, locale, "debut")).toContain(expected[locale]);
  });
});

describe("dates more than two years ahead", () => {
  it.each([
    ["12/03/3000 14h", "fr"],
    ["1 janvier 3000 14h", "fr"],
    ["12. März 3000 14 Uhr", "de"],
    ["12 maart 2029 14u", "nl"],
    ["March 12, 3000 2pm", "en"],
    ["2028-12-01 10:00", "en"],
  ] as [string, Locale][])("%s is refused, naming the limit", (line, locale) => {
    const r = refusal(line, locale);
    expect(r.problem).toBe("too_far");
    expect(r.limit!.toISOString()).toBe("2028-11-29T10:00:00.000Z");
    const limitWords: Record<Locale, string> = { fr: "29 novembre 2028", de: "29. November 2028", nl: "29 november 2028", en: "29 November 2028" };
    const text = whenMessage(translator(locale), r, zone, locale, "debut");
    expect(text).toContain(limitWords[locale]);
    expect(text).toMatch(/2 (ans|Jahre|jaar|years)/);
  });

  it("a date just within two years is accepted", () => {
    expect(parseWhen("2028-11-28 10:00", { locale: "fr", zone, now }).ok).toBe(true);
  });

  it("the day of a shared initiative is not far ahead either", () => {
    expect(parseDay("12/03/3000", "fr", zone, now)).toBeUndefined();
    expect(parseDay("12 mars 3000", "fr", zone, now)).toBeUndefined();
  });
});

describe("parseDay reads the days of past initiatives in words", () => {
  const day = (s: string, locale: Locale) => parseDay(s, locale, zone, now)?.toISOString().slice(0, 10);
  it.each([
    ["le dernier dimanche d'octobre", "fr", "2026-10-25"],
    ["letzter Sonntag im Oktober", "de", "2026-10-25"],
    ["laatste zondag van oktober", "nl", "2026-10-25"],
    ["last Sunday of October", "en", "2026-10-25"],
    ["March 12", "en", "2026-03-12"],
    ["il y a 3 jours", "fr", "2026-11-26"],
    ["vorige maandag", "nl", "2026-11-23"],
  ] as [string, Locale, string][])("%s", (s, locale, expected) => expect(day(s, locale)).toBe(expected));
});
