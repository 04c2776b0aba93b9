/**
 * `npm run check-links` as a process, over the SQLite file of a test app, against a local
 * HTTP server: each kit's links get the status the server gives them (working after a
 * redirect, broken on a 404 or on no answer in time), and the summary says so.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../helpers/test-app.js";
import { runNode } from "../helpers/child.js";

let app: TestApp;
let server: Server;
let base = "";

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === "/ok") return void res.writeHead(200).end("ok");
    if (req.url === "/moved") return void res.writeHead(302, { location: "/ok" }).end();
    if (req.url === "/slow") return; // never answers
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  app = await createTestApp();
});

afterAll(async () => {
  await app?.close();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe("npm run check-links", () => {
  it("records working, redirected, missing and silent links, and prints the broken ones", async () => {
    // Only three kits keep links, pointing at the local server; the others have none (nothing leaves 127.0.0.1).
    const kits = await app.services.repos.kits.all();
    const links: Record<string, string[]> = {
      [kits[0]!.id]: [`${base}/ok`, `${base}/moved`],
      [kits[1]!.id]: [`${base}/missing`],
      [kits[2]!.id]: [`${base}/slow`],
    };
    for (const k of kits) await app.services.repos.kits.upsert({ ...k, links: links[k.id] ?? [] });

    const r = await runNode(["--import", "tsx", "src/data/check-links-cli.ts", "--timeout-ms", "800", "--concurrency", "2"], { DATABASE_URL: app.databaseUrl });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("links: 2 working, 2 broken");
    expect(r.stdout).toContain(`broken (404): ${kits[1]!.id} ${base}/missing`);
    expect(r.stdout).toContain(`broken (timeout): ${kits[2]!.id} ${base}/slow`);

    const first = (await app.services.repos.kits.get(kits[0]!.id))!;
    expect(first.linkChecks?.[`${base}/ok`]?.status).toBe("working");
    expect(first.linkChecks?.[`${base}/moved`]?.status).toBe("working");
    expect((await app.services.repos.kits.get(kits[1]!.id))!.linkChecks?.[`${base}/missing`]).toMatchObject({ status: "broken", reason: "404" });
    expect((await app.services.repos.kits.get(kits[2]!.id))!.linkChecks?.[`${base}/slow`]).toMatchObject({ status: "broken", reason: "timeout" });
  }, 60_000);
});
