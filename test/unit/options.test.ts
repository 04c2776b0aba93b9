import { describe, expect, it } from "vitest";
import { choice, int, list, schemaOf, text } from "../../src/core/options.js";

const h = { fr: "x" };

describe("option specs", () => {
  const specs = {
    words: text({ help: h, max: 10, rest: true }),
    lang: choice({ help: h, values: ["fr", "de"] as const, normalize: (s) => (s === "deutsch" ? "de" : undefined) }),
    tags: list({ help: h, values: ["a", "b"] as const }),
    page: int({ help: h, min: 1, max: 5, default: 1 }),
  };
  const schema = schemaOf(specs);

  it("accepts text and structured values alike", () => {
    expect(schema.parse({ words: "x", lang: "deutsch", tags: "a, b", page: "2" })).toEqual({ words: "x", lang: "de", tags: ["a", "b"], page: 2 });
    expect(schema.parse({ lang: "DE", tags: ["b"], page: 3 })).toEqual({ lang: "de", tags: ["b"], page: 3, words: undefined });
  });

  it("applies defaults and strips control characters", () => {
    expect(schema.parse({ words: "\u0007ab\u0000c " })).toEqual({ words: "abc", tags: [], page: 1, lang: undefined });
  });

  it("rejects out-of-range, unknown values, too long text and unknown options", () => {
    for (const bad of [{ page: "0" }, { page: "9" }, { page: "1.5" }, { page: "abc" }, { lang: "es" }, { tags: "a,z" }, { words: "x".repeat(11) }, { nope: 1 }]) {
      expect(schema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });
});

describe("numbers typed as text", () => {
  const schema = schemaOf({ seats: int({ help: h, min: 1, max: 500, default: 1 }) });

  it("reads decimal integers, signs, spaces and leading zeros", () => {
    for (const [typed, value] of [["16", 16], [" 7 ", 7], ["+3", 3], ["007", 7], ["500", 500]] as const) {
      expect(schema.parse({ seats: typed }), typed).toEqual({ seats: value });
    }
    expect(schema.parse({ seats: 12 })).toEqual({ seats: 12 });
  });

  it("refuses hex, binary, octal, exponents, fractions, separators and infinities instead of reinterpreting them", () => {
    for (const typed of ["0x10", "0X1F", "0b11", "0o7", "1e3", "1E2", "1e0", ".5e1", "2.0", "1_000", "1,000", "Infinity", "NaN", "١٢", "１２", "12abc"]) {
      expect(schema.safeParse({ seats: typed }).success, typed).toBe(false);
    }
  });

  it("refuses numbers out of the bounds, never clamps them", () => {
    for (const bad of ["0", "-1", "501", "9".repeat(400), 0, 501, 1.5, Number.POSITIVE_INFINITY]) {
      expect(schema.safeParse({ seats: bad }).success, String(bad)).toBe(false);
    }
  });
});

describe("typed text is made well-formed before it is read", () => {
  const schema = schemaOf({ words: text({ help: h, max: 100, rest: true }) });

  it("replaces lone surrogates, removes controls and bidi overrides, keeps tabs, line ends and emoji", () => {
    expect(schema.parse({ words: "a\uD800b\uDC00c" })).toEqual({ words: "a\uFFFDb\uFFFDc" });
    expect(schema.parse({ words: "x\u0000y\u001Bz\u0085" })).toEqual({ words: "xyz" });
    expect(schema.parse({ words: "moc.\u202Elive\u202C \u2066iso\u2069" })).toEqual({ words: "moc.live iso" });
    expect(schema.parse({ words: "l1\r\nl2\rl3\tend 🎉" })).toEqual({ words: "l1\nl2\nl3\tend 🎉" });
  });
});
