/**
 * `/cdce demo avancer` through the real dispatcher over SQLite, with the bot's own job list:
 * in the terminal demo, coordination moves the clock a week and the jobs run at their
 * instants (the outbox sweep woken when a queued message falls due); on Slack, or without the
 * demo clock, coordination is told the command exists only in the terminal demo.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp, type App } from "../../src/app.js";
import { silentLogger } from "../../src/core/logger.js";
import { settableClock } from "../../src/core/time/settable-clock.js";
import { message } from "../../src/core/reply.js";
import { JOBS } from "../../src/features/index.js";
import { createDemoClock, jobRunner } from "../../src/scheduler/demo-clock.js";
import { prepareUser, run, textOf } from "../helpers/run.js";
import { createTestApp, type TestApp } from "../helpers/test-app.js";

const dir = mkdtempSync(join(tmpdir(), "cdce-demo-"));
const start = new Date("2027-09-20T06:55:00Z"); // Monday 20 September 2027, 08:55 in Brussels
const clock = settableClock(start, () => 0); // no real time passes: the instants are exact
const ran: string[] = [];
let app: App;

beforeAll(async () => {
  const demo = createDemoClock({
    clock,
    jobs: JOBS,
    defaultTimeZone: "Europe/Brussels",
    runAt: jobRunner({
      context: (job, at) => ({
        services: app.services,
        now: at,
        logger: silentLogger,
        outbox: {
          // No platform here: the sweep records when it was woken.
          sweep: async () => void ran.push(`${at.toISOString()} ${job.name} (clock ${clock.now().toISOString()})`),
          purge: (before) => app.delivery.store.purge(before),
        },
      }),
    }),
    outbox: app0(),
  });
  app = await createApp({ databaseUrl: `file:${join(dir, "demo.db")}`, logger: silentLogger, clock: clock.now, seed: true, demo });
  await prepareUser(app, { user: "coord", role: "coordination" });
  await prepareUser(app, { user: "copil", role: "copil", commune: "Namur" });
}, 120_000);
afterAll(async () => {
  await app?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The outbox questions, asked of the app once it exists. */
function app0() {
  return {
    nextAttemptAfter: (after: Date) => app.delivery.store.nextAttemptAfter(after),
    countDueBetween: (from: Date, to: Date) => app.delivery.store.countDueBetween(from, to),
  };
}

describe("demo avancer in the terminal demo", { timeout: 120_000 }, () => {
  it("refuses anyone but coordination, before anything moves", async () => {
    const reply = await run(app, "demo avancer 7j", { user: "copil" });
    expect(textOf(reply)).toMatch(/réservée|pas le droit|coordination/i);
    expect(clock.now().toISOString()).toBe(start.toISOString());
  });

  it("moves the clock a week: each job at its instants, the sweep woken when a queued message falls due", async () => {
    // The terminal has no inbox (yet): a Slack channel, which no platform carries here.
    const channel = { platform: "slack" as const, workspaceId: "T1", channelId: "C1" };
    // A reminder due on Wednesday 22 at 14:31 Brussels time, queued before the advance.
    await app.services.notifier.enqueue({ key: "demo:probe", to: { kind: "channel", channel }, dueAt: new Date("2027-09-22T12:31:00Z"), render: (l) => message(l, "rappel") });
    const reply = await run(app, "demo avancer 7j", { user: "coord" });
    const text = textOf(reply);
    expect(text).toContain("Horloge avancée au lundi 27 septembre 2027");
    expect(text).toMatch(/Veille quotidienne \(Fair-O-Mètre, mandats, parrainages\) : 7 passages/);
    expect(text).toMatch(/Veille de dynamique des communes : 1 passage\b/);
    expect(text).toMatch(/Digest hebdomadaire du réseau : 1 passage\b/);
    expect(text).toContain("1 message programmé (rappel, alerte) est arrivé à échéance.");
    // No run failed (a transaction held around the command would have made the jobs' own wait and fail).
    expect(text).not.toContain("échec");
    expect(clock.now().toISOString()).toBe("2027-09-27T06:55:00.000Z");
    // The sweep ran at its first tick after the message fell due, with the clock held there.
    expect(ran).toContain("2027-09-22T12:31:00.000Z outbox-sweep (clock 2027-09-22T12:31:00.000Z)");
    // Every sweep ran at an instant of its own, in order.
    const instants = ran.map((line) => line.slice(0, 24));
    expect([...instants].sort()).toEqual(instants);
  });

  it("answers in German with the German words, and refuses a duration beyond the bound", async () => {
    const reply = await run(app, "demo vorspulen 2t", { user: "coord", locale: "de" });
    expect(textOf(reply)).toContain("Uhr vorgestellt auf Mittwoch, 29. September 2027");
    const far = await run(app, "demo advance 400d", { user: "coord", locale: "en" });
    expect(textOf(far)).toContain("The clock moves at most 366 days at once.");
    expect(clock.now().toISOString()).toBe("2027-09-29T06:55:00.000Z");
  });

  it("tells coordination on Slack that it exists only in the terminal demo", async () => {
    await prepareUser(app, { user: "coord-slack", role: "coordination", platform: "slack" });
    const reply = await run(app, "demo avancer 7j", { user: "coord-slack", platform: "slack" });
    expect(textOf(reply)).toContain("n’existe que dans la démo en terminal");
    expect(clock.now().toISOString()).toBe("2027-09-29T06:55:00.000Z");
  });
});

describe("demo avancer without the demo clock", () => {
  let plain: TestApp;
  beforeAll(async () => {
    plain = await createTestApp();
  }, 120_000);
  afterAll(async () => plain?.close());

  it("tells coordination, in the terminal too, that it exists only in the terminal demo", async () => {
    const reply = await run(plain, "demo advance 30d", { user: "c", role: "coordination", locale: "en" });
    expect(textOf(reply)).toContain("This command exists only in the terminal demo");
  });
});
