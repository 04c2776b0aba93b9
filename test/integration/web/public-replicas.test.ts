/**
 * Two replicas serving the public pages count one visitor's forms together when REDIS_URL is
 * set (the limits live in Redis), so a flood spread over the replicas is cut at the same
 * number; with Redis unreachable the forms still pass rather than fail.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { createTestApp, type TestApp } from "../../helpers/test-app.js";
import { REDIS_TEST_URL, redisReachable } from "../../helpers/local-services.js";
import { buildPublicWeb } from "../../../src/platforms/web/server.js";
import { silentLogger } from "../../../src/core/logger.js";

const reachable = await redisReachable("public pages limits across replicas");
const FORM = { "content-type": "application/x-www-form-urlencoded" };

describe.skipIf(!reachable)("public pages' limits across replicas (Redis)", () => {
  let app: TestApp;
  const servers: FastifyInstance[] = [];
  const prefix = `cdce-test-public-${process.pid}-${Date.now()}:`;

  beforeAll(async () => {
    app = await createTestApp();
    for (let i = 0; i < 2; i++) servers.push(await buildPublicWeb({ services: app.services, logger: silentLogger, cacheMs: 0, redisUrl: REDIS_TEST_URL, redisPrefix: prefix, limits: { ideas: 4, windowMs: 60_000 } }));
  });
  afterAll(async () => {
    for (const s of servers) await s.close();
    await app?.close();
  });

  it("cuts a flood spread over two replicas at the shared limit", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      const r = await servers[i % 2]!.inject({ method: "POST", url: "/c/namur/idee", payload: new URLSearchParams({ texte: `Idée répartie numéro ${i}` }).toString(), headers: FORM, remoteAddress: "203.0.113.200" });
      statuses.push(r.statusCode);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 429, 429, 429, 429]);
    const namur = (await app.services.repos.communes.findByName("Namur"))!;
    expect(await app.services.community.ideas.list(namur.id, ["pending"], 20)).toHaveLength(4);
  });

  it("lets forms through when Redis cannot be reached", async () => {
    const lonely = await buildPublicWeb({ services: app.services, logger: silentLogger, cacheMs: 0, redisUrl: "redis://127.0.0.1:1/0", limits: { ideas: 1, windowMs: 60_000 } });
    try {
      const r = await lonely.inject({ method: "POST", url: "/c/namur/idee", payload: new URLSearchParams({ texte: "Une idée quand Redis est absent" }).toString(), headers: FORM, remoteAddress: "203.0.113.201" });
      expect(r.statusCode).toBe(200);
    } finally {
      await lonely.close();
    }
  });
});
