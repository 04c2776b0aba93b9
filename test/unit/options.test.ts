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
