/**
 * The link checker against a real HTTP server on 127.0.0.1: a working page, a redirect to it,
 * a 404, a page that never answers in time; what it records per kit; the User-Agent it sends.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LINK_CHECK_USER_AGENT, checkCatalogueLinks, checkLink, checkLinks, linkFlag, type Fetch } from "../../../src/features/kits/link-check.js";
import { MemoryKitRepository, realKits } from "./helpers.js";

let server: Server;
let base = "";
const agents: string[] = [];
let inFlight = 0;
let maxInFlight = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    agents.push(String(req.headers["user-agent"]));
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    res.on("close", () => inFlight--);
    if (req.url === "/ok") return void setTimeout(() => res.writeHead(200, { "content-type": "text/html" }).end("<p>ok</p>"), 20);
    if (req.url === "/moved") return void res.writeHead(301, { location: "/ok" }).end();
    if (req.url === "/loop") return void res.writeHead(302, { location: "/loop" }).end();
    if (req.url === "/slow") return; // never answers: the checker must give up
    res.writeHead(404).end("missing");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const NOW = new Date("2027-03-01T08:00:00Z");
const options = { fetch: fetch as unknown as Fetch, now: NOW, timeoutMs: 1500, concurrency: 2 };

describe("checkLink against a local server", () => {
  it("a 200 is working, with the date of the check", async () => {
    expect(await checkLink(`${base}/ok`, options)).toEqual({ status: "working", at: NOW });
  });

  it("a redirect is followed to the page it leads to", async () => {
    expect(await checkLink(`${base}/moved`, options)).toEqual({ status: "working", at: NOW });
  });

  it("a 404 is broken, with its status as the reason", async () => {
    expect(await checkLink(`${base}/missing`, options)).toEqual({ status: "broken", at: NOW, reason: "404" });
  });

  it("no answer in time is broken (timeout), and the check does not wait much longer", async () => {
    const started = performance.now();
    expect(await checkLink(`${base}/slow`, { ...options, timeoutMs: 300 })).toEqual({ status: "broken", at: NOW, reason: "timeout" });
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it("a redirect loop and a closed port are broken, never thrown", async () => {
    expect((await checkLink(`${base}/loop`, options)).status).toBe("broken");
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    expect(await checkLink(`http://127.0.0.1:${port}/`, options)).toEqual({ status: "broken", at: NOW, reason: "network" });
  });

  it("says who it is: the User-Agent names the bot", async () => {
    agents.length = 0;
    await checkLink(`${base}/ok`, options);
    expect(agents).toEqual([LINK_CHECK_USER_AGENT]);
    expect(LINK_CHECK_USER_AGENT).toMatch(/CDCE/);
  });

  it("checks each distinct URL once, never more than `concurrency` at a time", async () => {
    maxInFlight = 0;
    agents.length = 0;
    const urls = [1, 2, 3, 4, 5, 6].map((n) => `${base}/ok?n=${n}`);
    const results = await checkLinks([...urls, urls[0]!], options);
    expect(results.size).toBe(6);
    expect(agents).toHaveLength(6);
    expect(maxInFlight).toBeGreaterThan(0);
    expect(maxInFlight).toBeLessThanOrEqual(2);
  });
});

describe("checkCatalogueLinks", () => {
  it("records each kit's links (working, broken), leaves the content and date alone, skips withdrawn kits", async () => {
    const [a, b, c] = realKits();
    const repo = new MemoryKitRepository();
    await repo.upsert({ ...a!, links: [`${base}/ok`, `${base}/missing`] });
    await repo.upsert({ ...b!, links: [`${base}/moved`] });
    await repo.upsert({ ...c!, links: [`${base}/missing`], withdrawnAt: new Date("2027-01-01T00:00:00Z") });
    const summary = await checkCatalogueLinks(repo, options);
    expect(summary.working).toBe(2);
    expect(summary.broken).toEqual([{ kitId: a!.id, url: `${base}/missing`, reason: "404" }]);
    const storedA = (await repo.get(a!.id))!;
    expect(linkFlag(storedA, `${base}/ok`)).toBeNull();
    expect(linkFlag(storedA, `${base}/missing`)).toBe("broken");
    expect(storedA.updatedAt).toEqual(a!.updatedAt);
    expect(storedA.title).toEqual(a!.title);
    expect(linkFlag((await repo.get(b!.id))!, `${base}/moved`)).toBeNull();
    // The withdrawn kit was not checked: its link stays unchecked.
    expect(linkFlag((await repo.get(c!.id))!, `${base}/missing`)).toBe("unchecked");
  });
});
