/**
 * The feed handler behind a tiny node:http server, as a web server mounts it: the headers
 * reach a real HTTP client (Content-Type, ETag, Cache-Control), a conditional GET gets 304 with
 * no body, an unknown token a bare 404, and a path that is not a feed's is left to the server.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFeedHandler } from "../../../src/features/calendar-feeds/index.js";
import { createTestApp, type TestApp } from "../../helpers/test-app.js";
import { run, textOf } from "../../helpers/run.js";
import { COORD, planWebinar } from "../../helpers/events.js";
import { parseFeed, tokenIn } from "../../helpers/feeds.js";

let app: TestApp;
let server: Server;
let base = "";

beforeAll(async () => {
  app = await createTestApp({ now: new Date("2027-03-01T09:00:00Z"), publicUrl: "https://cdce.example.be" });
  const handle = createFeedHandler(app.services);
  server = createServer((req, res) => {
    const headers: Record<string, string | undefined> = {};
    for (const [k, v] of Object.entries(req.headers)) headers[k] = Array.isArray(v) ? v.join(", ") : v;
    handle({ path: req.url ?? "/", headers })
      .then((answer) => {
        if (!answer) {
          res.writeHead(418, { "Content-Type": "text/plain" }).end("not mine\n");
          return;
        }
        res.writeHead(answer.status, answer.headers).end(answer.body);
      })
      .catch(() => res.writeHead(500).end());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await app?.close();
});

describe("calendar feeds over HTTP", () => {
  it("serves the personal feed with its headers, 304 on If-None-Match, 404 once renewed", async () => {
    const code = await planWebinar(app, 'titre:"Marchés publics durables" theme:marches-publics debut:"15/03 10h" duree:1h lien:https://meet.example.org/mp');
    await run(app, `webinaire rejoindre ${code}`, { user: "http-user", role: "benevole", commune: "Namur" });
    const token = tokenIn(textOf(await run(app, "agenda lien", { user: "http-user" })))!;

    const res = await fetch(`${base}/cal/p/${token}.ics`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(res.headers.get("cache-control")).toMatch(/^private/);
    expect(res.headers.get("referrer-policy")).toBe("no-referrer");
    const etag = res.headers.get("etag")!;
    const feed = parseFeed(await res.text());
    expect(feed.events.map((e) => e.getFirstPropertyValue("summary"))).toEqual(["Marchés publics durables"]);

    const again = await fetch(`${base}/cal/p/${token}.ics`, { headers: { "If-None-Match": etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");

    await run(app, `webinaire deplacer ${code} debut:"16/03 10h"`, COORD);
    const moved = await fetch(`${base}/cal/p/${token}.ics`, { headers: { "If-None-Match": etag } });
    expect(moved.status).toBe(200);
    expect(parseFeed(await moved.text()).events[0]!.getFirstPropertyValue("sequence")).toBe(1);

    await run(app, "agenda lien renouveler", { user: "http-user" });
    const gone = await fetch(`${base}/cal/p/${token}.ics`);
    expect(gone.status).toBe(404);
    expect(await gone.text()).toBe("Not found\n");
  });

  it("serves the public feeds; leaves other paths to the server", async () => {
    const network = await fetch(`${base}/cal/reseau.ics`);
    expect(network.status).toBe(200);
    expect(network.headers.get("cache-control")).toMatch(/^public/);
    expect(parseFeed(await network.text()).calendar.getFirstPropertyValue("name")).toBe("CDCE · Webinaires du réseau");
    expect((await fetch(`${base}/cal/c/namur.ics`)).status).toBe(200);
    expect((await fetch(`${base}/cal/c/nulle-part.ics`)).status).toBe(404);
    expect((await fetch(`${base}/initiatives`)).status).toBe(418);
  });
});

describe("calendar feeds when the database fails", () => {
  it("answers 503 without the path, and logs the failure without the token", async () => {
    const { captureLogger } = await import("../../helpers/capture-logger.js");
    const logger = captureLogger();
    const broken = await createTestApp({ publicUrl: "https://cdce.example.be", logger });
    const token = tokenIn(textOf(await run(broken, "agenda lien", { user: "db-down" })))!;
    await broken.close(); // the database is gone from under the handler
    const res = await createFeedHandler(broken.services)({ path: `/cal/p/${token}.ics`, headers: {} });
    expect(res?.status).toBe(503);
    expect(res?.body).toBe("Unavailable\n");
    expect(logger.entries.some((e) => e.msg === "calendar feed failed")).toBe(true);
    expect(JSON.stringify(logger.entries)).not.toContain(token);
  });
});
