/** What citizens type, made plain text; the page's language from ?lang= and Accept-Language; "since when" in each language. */
import { describe, expect, it } from "vitest";
import { oneString, plainText } from "../../../src/platforms/web/input.js";
import { fromAcceptLanguage, pickLocale } from "../../../src/platforms/web/locale.js";
import { sinceText } from "../../../src/platforms/web/pages.js";
import { webText } from "../../../src/platforms/web/texts.js";
import { isEmail } from "../../../src/features/ideas/index.js";

describe("plainText", () => {
  it("keeps no markup: tags, scripts with their content, stray brackets", () => {
    expect(plainText(`<script>alert("x")</script>Un <b>stand</b> <img src=x onerror=alert(1)> au marché`)).toBe("Un stand au marché");
    expect(plainText("<style>body{}</style><a href='javascript:x'>lien</a>")).toBe("lien");
    expect(plainText("prix < 5 € et > 2 €")).toBe("prix 5 € et 2 €");
    expect(plainText("<!-- commentaire --><<script>>x")).not.toMatch(/[<>]/);
  });

  it("removes control, zero-width and bidi characters, keeps lines, defuses mass mentions", () => {
    expect(plainText("a\u0000b\u200bc\u202ed\r\ne\u0007")).toBe("abcd\ne");
    expect(plainText("un\n\n\n\n\ndeux   trois\t\tquatre")).toBe("un\n\ndeux trois quatre");
    expect(plainText("@everyone et @here")).not.toMatch(/@(everyone|here)\b/);
    expect(plainText("  Cafe\u0301  ")).toBe("Café");
  });

  it("takes one string only", () => {
    expect(oneString("x")).toBe("x");
    expect(oneString(["a", "b"])).toBeUndefined();
    expect(oneString({ a: 1 })).toBeUndefined();
    expect(oneString(undefined)).toBeUndefined();
  });
});

describe("the page's language", () => {
  it("follows ?lang= first, then Accept-Language by weight, then the commune's, then French", () => {
    expect(pickLocale("de", "nl-BE,nl;q=0.9")).toEqual({ locale: "de", explicit: true });
    expect(pickLocale("xx", "nl-BE,nl;q=0.9")).toEqual({ locale: "nl", explicit: false });
    expect(pickLocale(["de"], "en")).toEqual({ locale: "en", explicit: false });
    expect(fromAcceptLanguage("es-ES,es;q=0.9,de;q=0.4,en;q=0.7")).toBe("en");
    expect(fromAcceptLanguage("it, es")).toBeUndefined();
    expect(fromAcceptLanguage("fr;q=0, de")).toBe("de");
    expect(pickLocale(undefined, "it", ["de", "fr"]).locale).toBe("de");
    expect(pickLocale(undefined, undefined).locale).toBe("fr");
  });
});

describe("since when a commune holds the title", () => {
  it("says a day, a month, a year or 'at the latest' in each language", () => {
    expect(sinceText("2014-07-03", "fr", webText("fr"))).toBe("3 juillet 2014");
    expect(sinceText("2021-10", "de", webText("de"))).toBe("Oktober 2021");
    expect(sinceText("2023", "nl", webText("nl"))).toBe("2023");
    expect(sinceText("<=2019", "en", webText("en"))).toBe("2019 at the latest");
  });
});

describe("email addresses", () => {
  it("takes a plain address, refuses markup, spaces and missing parts", () => {
    expect(isEmail("habitante@example.be")).toBe(true);
    for (const bad of ["<x@y.be>", "a b@c.be", "a@b", "@b.be", "a@b.c", `${"x".repeat(250)}@b.be`]) expect(isEmail(bad), bad).toBe(false);
  });
});
