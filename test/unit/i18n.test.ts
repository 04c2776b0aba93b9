import { describe, expect, it } from "vitest";
import { IntlMessageFormat } from "intl-messageformat";
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { catalogues, translator, toLocale, type MessageKey } from "../../src/core/i18n/catalogue.js";
import { AUDIENCES, KIT_FORMATS, THEMES } from "../../src/core/ports.js";
import { LOCALES } from "../../src/core/types.js";
// The deployment checks' words (npm run doctor) join the catalogue when the doctor loads: checked here too.
import "../../src/ops/doctor/messages.js";

/** Every argument name used by a message, plural branches included. */
function argumentsOf(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const el of elements) {
    if (el.type === TYPE.literal || el.type === TYPE.pound) continue;
    if ("value" in el && typeof el.value === "string") into.add(el.value);
    if (el.type === TYPE.plural || el.type === TYPE.select) {
      for (const option of Object.values(el.options)) argumentsOf(option.value, into);
    }
    if (el.type === TYPE.tag) argumentsOf(el.children, into);
  }
  return into;
}

const reference = catalogues().fr;
const keys = Object.keys(reference).sort();

describe("message catalogues", () => {
  for (const locale of LOCALES) {
    it(`${locale} has exactly the reference keys`, () => {
      expect(Object.keys(catalogues()[locale]).sort()).toEqual(keys);
    });

    it(`${locale} messages parse and use the same placeholders as French`, () => {
      const mismatches: string[] = [];
      for (const key of keys as MessageKey[]) {
        const mine = catalogues()[locale][key];
        expect(mine.trim().length, `${locale}:${key} is empty`).toBeGreaterThan(0);
        const a = [...argumentsOf(parse(reference[key], { ignoreTag: true }))].sort();
        const b = [...argumentsOf(parse(mine, { ignoreTag: true }))].sort();
        if (a.join() !== b.join()) mismatches.push(`${key}: fr {${a}} vs ${locale} {${b}}`);
      }
      expect(mismatches).toEqual([]);
    });
  }

  it("names every audience, theme and format in every language", () => {
    const wanted = [
      ...AUDIENCES.map((a) => `audience.${a}`),
      ...THEMES.map((t) => `theme.${t}`),
      ...KIT_FORMATS.map((f) => `format.${f}`),
    ];
    for (const key of wanted) expect(keys, key).toContain(key);
  });

  it("formats plurals per language", () => {
    expect(translator("fr")("kit.overview.title", { count: 1 })).toBe("1 kit disponible");
    expect(translator("fr")("kit.overview.title", { count: 3 })).toBe("3 kits disponibles");
    expect(translator("de")("kit.overview.title", { count: 3 })).toBe("3 Kits verfügbar");
    expect(translator("nl")("kit.results.title", { total: 1, page: 1, pages: 1 })).toBe("1 kit gevonden (pagina 1/1)");
  });

  it("gives every message without placeholders exactly as ICU formatting would (the fast path)", () => {
    let plain = 0;
    for (const locale of LOCALES) {
      const t = translator(locale);
      for (const [key, text] of Object.entries(catalogues()[locale])) {
        if (/[{}]/.test(text)) continue;
        plain++;
        expect(t(key as MessageKey), `${locale} ${key}`).toBe(String(new IntlMessageFormat(text, locale, undefined, { ignoreTag: true }).format({})));
      }
    }
    expect(plain).toBeGreaterThan(100);
  });

  it("maps platform locales to ours", () => {
    expect(toLocale("de-DE")).toBe("de");
    expect(toLocale("en-GB")).toBe("en");
    expect(toLocale("fr_BE")).toBe("fr");
    expect(toLocale("es-ES")).toBeUndefined();
    expect(toLocale(undefined)).toBeUndefined();
  });
});

describe("bundles", () => {
  it("never defines a key twice across bundles (the merge would throw at import)", () => {
    // Importing the catalogue ran the merge; if it had found a duplicate, this file would not load.
    expect(Object.keys(catalogues().fr).length).toBeGreaterThan(50);
  });
});
