/**
 * The calendar feeds served by the public pages' server under /cal/ (their handler injected
 * as main.ts does): a public feed answers as a calendar with its conditional GET and the
 * pages' security headers; an unknown feed is a bare 404 (the handler's own); the query (a language) reaches
 * the handler.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { createTestApp, type TestApp } from "../../helpers/test-app.js";
import { buildPublicWeb, type FeedHandler } from "../../../src/platforms/web/server.js";
import { communePath, createFeedHandler, networkPath } from "../../../src/features/calendar-feeds/index.js";
import { silentLogger } from "../../../src/core/logger.js";

describe("calendar feeds through the public pages", () => {
  let app: TestApp;
  let web: FastifyInstance;
  const seen: string[] = [];
  beforeAll(async () => {
    app = await createTestApp({ publicUrl: "https://cdce.example.be" });
    const handler = createFeedHandler(app.services);
    const feeds: FeedHandler = (req) => (seen.push(req.path), handler(req));
    web = await buildPublicWeb({ services: app.services, logger: silentLogger, cacheMs: 0, feeds });
  });
  afterAll(async () => {
    await web?.close();
    await app?.close();
  });

  it("serves the network's and a commune's feed, 304 when unchanged, 404 for an unknown one", async () => {
    for (const path of [networkPath(), communePath("namur")]) {
      const r = await web.inject({ url: path });
      expect(r.statusCode, path).toBe(200);
      expect(String(r.headers["content-type"])).toMatch(/^text\/calendar/);
      expect(r.body).toContain("BEGIN:VCALENDAR");
      expect(r.headers["x-content-type-options"]).toBe("nosniff");
      const again = await web.inject({ url: path, headers: { "if-none-match": String(r.headers.etag) } });
      expect(again.statusCode).toBe(304);
    }
    await web.inject({ url: `${networkPath()}?lang=nl` });
    expect(seen).toContain(`${networkPath()}?lang=nl`);
    const unknown = await web.inject({ url: "/cal/p/not-a-token.ics" });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers["cache-control"]).toBe("no-store");
    expect(unknown.body).not.toContain("not-a-token");
  });
});
