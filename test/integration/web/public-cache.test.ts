/**
 * The public pages reuse a commune's rows and rendered page for a short period (cacheMs):
 * what is published shows once it ends; each language (and explicit ?lang=) has its own
 * page; a form with errors is never reused for the next visitor.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { createTestApp, type TestApp } from "../../helpers/test-app.js";
import { buildPublicWeb } from "../../../src/platforms/web/server.js";
import { silentLogger } from "../../../src/core/logger.js";

const CACHE_MS = 400;

describe("the public pages' short cache", () => {
  let app: TestApp;
  let web: FastifyInstance;
  beforeAll(async () => {
    app = await createTestApp();
    web = await buildPublicWeb({ services: app.services, logger: silentLogger, cacheMs: CACHE_MS });
  });
  afterAll(async () => {
    await web?.close();
    await app?.close();
  });

  it("shows a new initiative once the period ends, per language, and never reuses a form with errors", async () => {
    const namur = (await app.services.repos.communes.findByName("Namur"))!;
    const get = async (url: string, lang = "fr") => (await web.inject({ url, headers: { "accept-language": lang } })).body;
    expect(await get("/c/namur")).not.toContain("Marché des producteurs équitables");
    expect(await get("/c/namur", "de")).toContain('<html lang="de">');
    expect(await get("/c/namur?lang=nl")).toContain('<html lang="nl">');
    expect(await get("/c/namur")).toContain('<html lang="fr">');

    await app.services.community.initiatives.create({ communeId: namur.id, authorId: null, title: "Marché des producteurs équitables", description: "Un marché.", kind: "marche", partnerKinds: [], criteria: [], place: null, links: [], happenedOn: app.services.clock(), language: "fr", status: "published", moderatedAt: app.services.clock() });
    const started = performance.now();
    const soon = await get("/c/namur");
    if (performance.now() - started < CACHE_MS / 2) expect(soon).not.toContain("Marché des producteurs équitables");
    await new Promise((r) => setTimeout(r, CACHE_MS + 100));
    expect(await get("/c/namur")).toContain("Marché des producteurs équitables");

    const bad = await web.inject({ method: "POST", url: "/c/namur/idee", payload: "texte=court", headers: { "content-type": "application/x-www-form-urlencoded" } });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('aria-invalid="true"');
    expect(await get("/c/namur")).not.toContain('aria-invalid="true"');
  });
});
