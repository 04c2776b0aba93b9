/**
 * KitCatalog keeps the results of repeated queries: the same query gives the same (frozen)
 * result without searching again, and any change to the catalogue is visible at once.
 */
import { describe, expect, it } from "vitest";
import { KitCatalog } from "../../../src/features/kits/service.js";
import { MemoryKitRepository, realKits } from "./helpers.js";

async function catalog() {
  const repo = new MemoryKitRepository();
  for (const k of realKits()) await repo.upsert(k);
  return { repo, kits: await KitCatalog.load(repo) };
}

describe("kit search result cache", () => {
  it("answers a repeated query with the same frozen result", async () => {
    const { kits } = await catalog();
    const first = kits.search({ words: "", locale: "fr", audience: "jeunes" });
    const again = kits.search({ words: "", locale: "fr", audience: "jeunes" });
    expect(first.total).toBeGreaterThan(0);
    expect(again).toBe(first);
    expect(Object.isFrozen(first.hits)).toBe(true);
    // Another language or filter is another query.
    expect(kits.search({ words: "", locale: "de", audience: "jeunes" })).not.toBe(first);
    expect(kits.search({ words: "", locale: "fr", audience: "jeunes", format: "affiche" })).not.toBe(first);
  });

  it("shows a kit saved after the query was cached", async () => {
    const { kits } = await catalog();
    const before = kits.search({ words: "zygomatique", locale: "fr" });
    expect(before.total).toBe(0);
    const model = realKits()[0]!;
    await kits.save({ ...model, id: "kit-zygo", title: { ...model.title, fr: "Atelier zygomatique" }, keywords: ["zygomatique"] });
    const after = kits.search({ words: "zygomatique", locale: "fr" });
    expect(after.hits.map((h) => h.kit.id)).toContain("kit-zygo");
  });

  it("shows a change made by another process after a reload", async () => {
    const { repo, kits } = await catalog();
    const model = realKits()[0]!;
    expect(kits.search({ words: "xylophonique", locale: "fr" }).total).toBe(0);
    await repo.upsert({ ...model, id: "kit-xylo", keywords: ["xylophonique"] });
    await kits.reload();
    expect(kits.search({ words: "xylophonique", locale: "fr" }).hits.map((h) => h.kit.id)).toContain("kit-xylo");
  });
});
