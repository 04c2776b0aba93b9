/**
 * Moving the demo clock: every job due between the two instants runs, in time order, with the
 * clock held at its own scheduled instant (in its zone, across summer time), then the clock
 * stays at the target and runs on; frequent jobs run only when something waits for them.
 */
import { describe, expect, it } from "vitest";
import { advanceClock, dueInstants, type TimedJob } from "../../src/scheduler/advance.js";
import { ClockBackwardsError, settableClock } from "../../src/core/time/settable-clock.js";
import { createDemoClock } from "../../src/scheduler/demo-clock.js";
import { DemoClockBusy } from "../../src/features/demo/index.js";
import type { JobDefinition } from "../../src/core/jobs.js";

/** A real-time counter the test moves by hand. */
function fakeElapsed() {
  let ms = 0;
  return { read: () => ms, pass: (d: number) => void (ms += d) };
}

function recorder(clock: ReturnType<typeof settableClock>) {
  const seen: string[] = [];
  return {
    seen,
    runAt: async (job: TimedJob, at: Date) => {
      // The clock reads the job's instant during its run.
      expect(clock.now().toISOString()).toBe(at.toISOString());
      seen.push(`${at.toISOString()} ${job.name}`);
    },
  };
}

const Z = "Europe/Brussels";

describe("the settable clock", () => {
  it("runs on from its start with the real time elapsed, holds, resumes and never goes back", () => {
    const real = fakeElapsed();
    const clock = settableClock(new Date("2027-09-20T06:55:00Z"), real.read);
    real.pass(90_000);
    expect(clock.now().toISOString()).toBe("2027-09-20T06:56:30.000Z");
    clock.holdAt(new Date("2027-09-21T07:00:00Z"));
    real.pass(5_000);
    expect(clock.now().toISOString()).toBe("2027-09-21T07:00:00.000Z");
    expect(clock.held).toBe(true);
    expect(() => clock.holdAt(new Date("2027-09-20T07:00:00Z"))).toThrow(ClockBackwardsError);
    clock.resumeAt(new Date("2027-10-20T06:55:00Z"));
    real.pass(1_000);
    expect(clock.now().toISOString()).toBe("2027-10-20T06:55:01.000Z");
    expect(() => clock.resumeAt(new Date("2027-10-20T06:00:00Z"))).toThrow(ClockBackwardsError);
  });
});

describe("due instants", () => {
  it("are read in the job's zone, at 09:00 local across the October change, start excluded and end included", () => {
    const at = dueInstants("0 9 * * *", Z, new Date("2027-10-29T07:00:00Z"), new Date("2027-11-01T08:00:00Z"));
    expect(at.map((d) => d.toISOString())).toEqual(["2027-10-30T07:00:00.000Z", "2027-10-31T08:00:00.000Z", "2027-11-01T08:00:00.000Z"]);
  });
  it("skip nothing and double nothing around the March change", () => {
    const at = dueInstants("30 3 * * *", Z, new Date("2027-03-27T00:00:00Z"), new Date("2027-03-29T12:00:00Z"));
    expect(at.map((d) => d.toISOString())).toEqual(["2027-03-27T02:30:00.000Z", "2027-03-28T01:30:00.000Z", "2027-03-29T01:30:00.000Z"]);
  });
});

describe("advancing the clock", () => {
  const daily: TimedJob = { name: "daily", schedule: "0 9 * * *", timeZone: Z };
  const monday: TimedJob = { name: "monday", schedule: "0 7 * * 1", timeZone: Z };
  const nightly: TimedJob = { name: "nightly", schedule: "30 3 * * *" };

  it("runs every due job in time order at its own instant, then leaves the clock at the target", async () => {
    const real = fakeElapsed();
    const clock = settableClock(new Date("2027-09-20T06:55:00Z"), real.read); // Monday 08:55 in Brussels
    const r = recorder(clock);
    const to = new Date("2027-09-28T07:00:00Z"); // Tuesday 09:00
    const done = await advanceClock({ jobs: [daily, monday, nightly], clock, to, runAt: r.runAt, defaultTimeZone: Z });
    expect(r.seen).toEqual([
      "2027-09-20T07:00:00.000Z daily",
      "2027-09-21T01:30:00.000Z nightly",
      "2027-09-21T07:00:00.000Z daily",
      "2027-09-22T01:30:00.000Z nightly",
      "2027-09-22T07:00:00.000Z daily",
      "2027-09-23T01:30:00.000Z nightly",
      "2027-09-23T07:00:00.000Z daily",
      "2027-09-24T01:30:00.000Z nightly",
      "2027-09-24T07:00:00.000Z daily",
      "2027-09-25T01:30:00.000Z nightly",
      "2027-09-25T07:00:00.000Z daily",
      "2027-09-26T01:30:00.000Z nightly",
      "2027-09-26T07:00:00.000Z daily",
      "2027-09-27T01:30:00.000Z nightly",
      "2027-09-27T05:00:00.000Z monday",
      "2027-09-27T07:00:00.000Z daily",
      "2027-09-28T01:30:00.000Z nightly",
      "2027-09-28T07:00:00.000Z daily",
    ]);
    expect(done.runs.every((run) => run.ok)).toBe(true);
    expect(clock.held).toBe(false);
    expect(clock.now().toISOString()).toBe(to.toISOString());
    real.pass(60_000);
    expect(clock.now().toISOString()).toBe("2027-09-28T07:01:00.000Z");
  });

  it("runs jobs due at the same instant in list order, records a failing run and goes on", async () => {
    const clock = settableClock(new Date("2027-09-20T06:00:00Z"), () => 0);
    const order: string[] = [];
    const a: TimedJob = { name: "a", schedule: "0 9 * * *", timeZone: Z };
    const b: TimedJob = { name: "b", schedule: "0 9 * * *", timeZone: Z };
    const done = await advanceClock({
      jobs: [a, b], clock, to: new Date("2027-09-21T08:00:00Z"), defaultTimeZone: Z,
      runAt: async (job, at) => {
        order.push(`${at.toISOString().slice(0, 10)} ${job.name}`);
        if (job.name === "a" && order.length === 1) throw new Error("boom");
      },
    });
    expect(order).toEqual(["2027-09-20 a", "2027-09-20 b", "2027-09-21 a", "2027-09-21 b"]);
    expect(done.runs.map((run) => run.ok)).toEqual([false, true, true, true]);
  });

  it("runs a frequent job only at its first tick after another job ran or after a wake-up, not at every tick", async () => {
    const clock = settableClock(new Date("2027-09-20T06:00:00Z"), () => 0);
    const r = recorder(clock);
    const sweep: TimedJob = { name: "sweep", schedule: "*/5 * * * *", timeZone: Z };
    const odd: TimedJob = { name: "odd", schedule: "2 9 * * *", timeZone: Z };
    // A message falls due at 14:31 Brussels time on the 20th (12:31Z).
    const wakes = [new Date("2027-09-20T12:31:00Z")];
    await advanceClock({
      jobs: [sweep, odd], clock, to: new Date("2027-09-21T06:00:00Z"), defaultTimeZone: Z, runAt: r.runAt,
      nextWake: async (after) => wakes.find((w) => w > after),
    });
    expect(r.seen).toEqual(["2027-09-20T07:02:00.000Z odd", "2027-09-20T07:05:00.000Z sweep", "2027-09-20T12:35:00.000Z sweep"]);
  });

  it("refuses to go back, and leaves the clock where the advance got to when it is stopped", async () => {
    const clock = settableClock(new Date("2027-09-20T06:00:00Z"), () => 0);
    await expect(advanceClock({ jobs: [], clock, to: new Date("2027-09-19T06:00:00Z"), defaultTimeZone: Z, runAt: async () => {} })).rejects.toThrow(ClockBackwardsError);
    const every: TimedJob = { name: "every", schedule: "0 * * * *", timeZone: Z };
    await expect(advanceClock({ jobs: [every], clock, to: new Date("2027-09-21T06:00:00Z"), defaultTimeZone: Z, runAt: async () => {}, maxRuns: 3 })).rejects.toThrow(/more than 3 job runs/);
    expect(clock.held).toBe(false);
    expect(clock.now().toISOString()).toBe("2027-09-20T09:00:00.000Z");
  });
});

describe("the demo clock port", () => {
  const job = (name: string, schedule: string): JobDefinition => ({ name, schedule, timeZone: Z, scope: "cluster", label: { fr: `tâche ${name}` }, run: async () => {} });

  it("counts runs and failures per job, asks the outbox what came due, and refuses a second advance meanwhile", async () => {
    const clock = settableClock(new Date("2027-09-20T06:55:00Z"), () => 0);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const demo = createDemoClock({
      clock, jobs: [job("daily", "0 9 * * *"), job("weekly", "0 9 * * 1")], defaultTimeZone: Z,
      runAt: async (j, at) => {
        await gate;
        if (j.name === "daily" && at.getUTCDate() === 21) throw new Error("boom");
      },
      outbox: { nextAttemptAfter: async () => undefined, countDueBetween: async (from, to) => (to.getTime() - from.getTime()) / 86_400_000 },
    });
    const first = demo.advance(7 * 86_400_000);
    await expect(demo.advance(60_000)).rejects.toThrow(DemoClockBusy);
    release();
    const done = await first;
    expect(done.jobs).toEqual([
      { name: "daily", label: { fr: "tâche daily" }, runs: 7, failed: 1 },
      { name: "weekly", label: { fr: "tâche weekly" }, runs: 1, failed: 0 },
    ]);
    expect(done.messagesDue).toBe(7);
    expect(done.to.toISOString()).toBe("2027-09-27T06:55:00.000Z");
    expect(clock.now().toISOString()).toBe("2027-09-27T06:55:00.000Z");
  });
});
