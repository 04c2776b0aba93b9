/**
 * The core's side of the platform port: suggestions by source, and replies whose forms
 * carry what a platform needs to show them (no platform looks a command up itself).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../helpers/test-app.js";

let app: TestApp;
beforeAll(async () => {
  // A coordinator from the first message, who may add kits (the form below).
  app = await createTestApp({ coordinators: new Set(["terminal:local:inbound-coord"]) });
});
afterAll(async () => {
  await app.close();
});

describe("Inbound", { timeout: 60_000 }, () => {
  it("suggests communes, an option's source, and command lines", async () => {
    const communes = await app.inbound.suggest("commune", "nam", "fr");
    expect(communes.map((c) => c.value)).toContain("Namur");
    const audiences = await app.inbound.suggest({ command: "kit", option: "public" }, "jeu", "fr");
    expect(audiences[0]?.value).toBe("jeunes");
    const lines = await app.inbound.suggest("command", "kit", "fr");
    expect(lines.map((l) => l.value)).toContain("kit ");
    expect(await app.inbound.suggest({ command: "kit", option: "nope" }, "", "fr")).toEqual([]);
  });

  it("completes a form with the line to type instead and each field's longest answer", async () => {
    const reply = await app.inbound.handle({ platform: "terminal", workspaceId: "local", userId: "inbound-coord", text: "kit ajouter" });
    expect(reply.form?.usage).toMatch(/^kit ajouter/);
    expect(reply.form?.fields.find((f) => f.name === "titre")?.max).toBeGreaterThan(0);
  });
});
