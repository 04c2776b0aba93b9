import { describe, expect, it } from "vitest";
import { CLOSE_TITLE, linkKey, lookalikes, titleSimilarity } from "../../../src/features/kits/duplicates.js";
import { applyPatch, isHttpsLink, splitLinks } from "../../../src/features/kits/edit.js";
import { realKits } from "./helpers.js";

describe("titles that are the same kit", () => {
  it.each([
    ["Kit jeunes réseaux sociaux", "kit jeunes - reseaux sociaux !"],
    ["Affiches pour les maisons de jeunes", "AFFICHES POUR MAISONS DE JEUNES"],
    ["Guide des élus", "Guide des elus"],
    ["Quiz du commerce équitable", "Quiz du commerce equitabel"],
  ])("%s ~ %s", (a, b) => {
    expect(titleSimilarity(a, b)).toBeGreaterThanOrEqual(CLOSE_TITLE);
  });

  it.each([
    ["Kit jeunes", "Kit élus"],
    ["Affiches pour les jeunes", "Vidéos pour les jeunes"],
    ["Quiz du commerce équitable", "Stand du marché de Noël"],
  ])("%s is not %s", (a, b) => {
    expect(titleSimilarity(a, b)).toBeLessThan(CLOSE_TITLE);
  });

  it("compares links without scheme case, www., trailing slash", () => {
    expect(linkKey("https://www.CDCE.be/outils/x/")).toBe(linkKey("https://cdce.be/outils/x"));
    expect(linkKey("https://cdce.be/outils/x")).not.toBe(linkKey("https://cdce.be/outils/y"));
  });

  it("finds a seeded kit by a German title, and skips withdrawn kits and the kit itself", () => {
    const kits = realKits();
    const affiches = kits.find((k) => k.id === "kit-jeunes-affiches")!;
    const german = affiches.title.de!;
    expect(lookalikes(kits, { title: german }).map((l) => l.kit.id)).toContain("kit-jeunes-affiches");
    expect(lookalikes(kits, { title: german }, "kit-jeunes-affiches").map((l) => l.kit.id)).not.toContain("kit-jeunes-affiches");
    const withdrawn = kits.map((k) => (k.id === affiches.id ? { ...k, withdrawnAt: new Date(0) } : k));
    expect(lookalikes(withdrawn, { title: german }).map((l) => l.kit.id)).not.toContain("kit-jeunes-affiches");
    expect(lookalikes(kits, { title: "Rien à voir", link: affiches.links[0] })).toEqual([{ kit: affiches, reason: "link" }]);
  });
});

describe("applyPatch", () => {
  const kit = realKits().find((k) => k.id === "kit-jeunes-affiches")!;
  const now = new Date("2027-01-01T00:00:00Z");

  it("writes texts in the editor's language only, lists what changed, dates the change", () => {
    const { kit: next, fields } = applyPatch(kit, { title: "Neuer Titel", languages: ["de", "fr"], links: kit.links }, "de", now);
    expect(fields).toEqual(["title.de"]);
    expect(next.title.fr).toBe(kit.title.fr);
    expect(next.title.de).toBe("Neuer Titel");
    expect(next.updatedAt).toEqual(now);
  });

  it("changes nothing (not even the date) when nothing differs", () => {
    const { kit: next, fields } = applyPatch(kit, { languages: [...kit.languages].reverse(), format: kit.format }, "fr", now);
    expect(fields).toEqual([]);
    expect(next.updatedAt).toEqual(kit.updatedAt);
  });

  it("splits and checks links", () => {
    expect(splitLinks("https://a.be/x, https://b.be/y\nhttps://a.be/x")).toEqual(["https://a.be/x", "https://b.be/y"]);
    expect(isHttpsLink("https://a.be/x")).toBe(true);
    expect(isHttpsLink("http://a.be/x")).toBe(false);
    expect(isHttpsLink("https://")).toBe(false);
  });
});
