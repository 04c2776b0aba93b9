/**
 * The scheduled jobs of issue 8 through their real handlers: the Monday digest (new
 * initiatives of the week, upcoming webinars from the events feature; once per ISO week)
 * and the poll-closing scan.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../helpers/test-app.js";
import { run, type As } from "../../helpers/run.js";
import { deliver, memorySender, rows } from "../../helpers/community.js";
import { silentLogger } from "../../../src/core/logger.js";
import digestJob from "../../../src/features/initiatives/jobs/community-digest.js";
import pollsClose from "../../../src/features/polls/jobs/polls-close.js";
import { JOBS } from "../../../src/features/index.js";
import type { JobContext } from "../../../src/core/jobs.js";

const COORD: As = { user: "coord", role: "coordination", platform: "slack" };
let app: TestApp;
const ctx = (now: Date): JobContext => ({ services: app.services, now, logger: silentLogger, outbox: { sweep: async () => {}, purge: async () => 0 } });

beforeAll(async () => {
  app = await createTestApp({ now: new Date("2026-11-26T10:00:00Z") });
  await app.services.repos.channels.link({ platform: "slack", workspaceId: "W1", channelId: "C0RESEAU", purpose: "network", communeId: null });
});
afterAll(async () => {
  await app?.close();
});

describe("the weekly digest job", () => {
  it("is registered, lists the week's initiatives and the coming webinars, once per week", async () => {
    expect(JOBS).toContain(digestJob);
    expect(JOBS).toContain(pollsClose);
    expect(digestJob).toMatchObject({ schedule: "0 9 * * 1", timeZone: "Europe/Brussels", scope: "cluster" });
    await run(app, 'initiative titre:"Stand de Noël" description:"Chocolat" commune:Namur type:stand', COORD);
    await run(app, 'webinaire planifier titre:"Gouvernance du CoPil" theme:gouvernance debut:"03/12/2026 19h"', COORD);
    app.setNow(new Date("2026-11-30T08:00:00Z"));
    await digestJob.run(ctx(app.services.clock()));
    await digestJob.run(ctx(app.services.clock()));
    const digest = await rows(app, "digest:weekly:");
    expect(digest).toHaveLength(1);
    expect(digest[0]!.key).toBe("digest:weekly:2026-W49|slack:W1:C0RESEAU");
    expect(digest[0]!.summary).toContain("Cette semaine dans le réseau (2026-W49)");
    const slack = memorySender("slack");
    await deliver(app, [slack]);
    const posted = JSON.stringify(slack.posted.find((p) => p.idempotencyKey.startsWith("digest:"))?.reply);
    expect(posted).toContain("1 nouvelle initiative");
    expect(posted).toContain("Stand de Noël");
    expect(posted).toContain("Webinaires à venir");
    expect(posted).toContain("Gouvernance du CoPil");
    expect(posted).toMatch(/`\/cdce webinaire [a-z0-9]{5}`/);
    // Two weeks later, nothing new and no webinar ahead: no digest at all.
    app.setNow(new Date("2026-12-14T08:00:00Z"));
    await digestJob.run(ctx(app.services.clock()));
    expect(await rows(app, "digest:weekly:2026-W51")).toEqual([]);
  });
});
