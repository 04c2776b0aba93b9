/**
 * The scheduler over node-cron: definitions checked at construction, runs never overlapping
 * a previous run of the same job, `cluster` jobs only on the lease holder, and a clean stop
 * (runs in progress awaited, nothing after).
 */
import { afterEach, describe, expect, it } from "vitest";
import { silentLogger } from "../../src/core/logger.js";
import type { Services } from "../../src/core/commands.js";
import { defineJob, type JobDefinition } from "../../src/core/jobs.js";
import { JOBS } from "../../src/features/index.js";
import { Scheduler } from "../../src/scheduler/scheduler.js";

let scheduler: Scheduler | undefined;
afterEach(async () => {
  await scheduler?.stop();
  scheduler = undefined;
});

function make(jobs: JobDefinition[], leader = true): Scheduler {
  return new Scheduler(jobs, {
    logger: silentLogger,
    defaultTimeZone: "Europe/Brussels",
    isLeader: () => leader,
    context: () => ({ services: {} as Services, now: new Date(), logger: silentLogger, outbox: { sweep: async () => {}, purge: async () => 0 } }),
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("scheduler", () => {
  it("checks the definitions: unique names, valid schedules and zones", () => {
    const ok = defineJob({ name: "a", schedule: "0 9 * * *", scope: "cluster", run: async () => {} });
    expect(() => make([ok, ok])).toThrow(/duplicate job "a"/);
    expect(() => make([{ ...ok, schedule: "every day" }])).toThrow(/invalid cron/);
    expect(() => make([{ ...ok, timeZone: "Mars/Olympus" }])).toThrow(/time zone/);
    // The real list is valid, and its names are unique.
    expect(() => make([...JOBS])).not.toThrow();
  });

  it("runs every second without overlapping a slow run, skips cluster jobs off the leader, stops cleanly", async () => {
    let active = 0;
    let maxActive = 0;
    let slowRuns = 0;
    let fastRuns = 0;
    let clusterRuns = 0;
    const slow = defineJob({
      name: "slow",
      schedule: "* * * * * *",
      scope: "replica",
      async run() {
        active++;
        maxActive = Math.max(maxActive, active);
        slowRuns++;
        await sleep(1_600);
        active--;
      },
    });
    const fast = defineJob({ name: "fast", schedule: "* * * * * *", scope: "replica", run: async () => void fastRuns++ });
    const cluster = defineJob({ name: "scan", schedule: "* * * * * *", scope: "cluster", run: async () => void clusterRuns++ });
    scheduler = make([slow, fast, cluster], false);
    scheduler.start();
    await sleep(3_300);
    expect(fastRuns).toBeGreaterThanOrEqual(2);
    expect(maxActive).toBe(1); // a second run never starts while the first is busy
    expect(slowRuns).toBeLessThanOrEqual(2);
    expect(clusterRuns).toBe(0); // not the leader
    await scheduler.runNow("fast");
    const beforeStop = fastRuns;
    await scheduler.stop();
    // stop() waited for the slow run in progress (if any), and nothing runs afterwards.
    expect(active).toBe(0);
    await sleep(1_200);
    expect(fastRuns).toBe(beforeStop);
  });

  it("runs cluster jobs on the leader", async () => {
    let runs = 0;
    scheduler = make([defineJob({ name: "scan", schedule: "0 3 * * *", scope: "cluster", run: async () => void runs++ })], true);
    await scheduler.runNow("scan");
    expect(runs).toBe(1);
    await expect(scheduler.runNow("nope")).rejects.toThrow(/no job/);
  });

  it("logs node-cron's missed ticks of a blocked process as warnings, through a logger whose methods need `this` (as pino's do)", async () => {
    const entries: Array<{ level: string; msg: string }> = [];
    // Like pino: the methods read their logger through `this`.
    class ThisLogger {
      private readonly sink = entries;
      debug(_o: object, msg = "") { this.sink.push({ level: "debug", msg }); }
      info(_o: object, msg = "") { this.sink.push({ level: "info", msg }); }
      warn(_o: object, msg = "") { this.sink.push({ level: "warn", msg }); }
      error(_o: object, msg = "") { this.sink.push({ level: "error", msg }); }
      child() { return this; }
    }
    const logger = new ThisLogger();
    scheduler = new Scheduler([defineJob({ name: "tick", schedule: "* * * * * *", scope: "replica", run: async () => {} })], {
      logger,
      defaultTimeZone: "Europe/Brussels",
      isLeader: () => true,
      context: () => ({ services: {} as Services, now: new Date(), logger, outbox: { sweep: async () => {}, purge: async () => 0 } }),
    });
    scheduler.start();
    await sleep(1_200);
    // The process is blocked past a few ticks, as on a machine with every core busy.
    const until = Date.now() + 3_000;
    while (Date.now() < until) {
      // busy on purpose
    }
    await sleep(1_500);
    expect(entries.filter((e) => e.level === "warn" && e.msg.includes("missed execution")).length).toBeGreaterThan(0);
    expect(entries.filter((e) => e.level === "error")).toEqual([]);
  });
});
