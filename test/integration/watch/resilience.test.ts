/**
 * The scans survive a failure on one commune: the others are processed, and an alert that
 * could not be queued is not lost (the commune keeps its previous snapshot and is alerted
 * at the next scan).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../helpers/test-app.js";
import { runDailyWatch, runWeeklyScan } from "../../../src/features/watch/scan.js";
import type { Notifier } from "../../../src/core/notify.js";
import type { WatchDeps } from "../../../src/features/watch/scan.js";
import { commune, DAY, fullCopil, linkChannels, spyNotifier, watchDeps } from "./helpers.js";

const T0 = new Date("2027-01-04T06:00:00Z");
let app: TestApp;
beforeAll(async () => {
  app = await createTestApp({ now: T0 });
});
afterAll(async () => {
  await app?.close();
});

describe("a failure on one commune", () => {
  it("delays its alert to the next scan and does not stop the others", async () => {
    const [a, b] = [await commune(app, "Durbuy"), await commune(app, "Bastogne")];
    await linkChannels(app, [a, b]);
    for (const c of [a, b]) {
      await fullCopil(app, c.id, new Date(T0.getTime() - 400 * DAY));
      for (const days of [2, 30, 60, 90]) await app.services.repos.activity.record({ communeId: c.id, personId: null, kind: "initiative", at: new Date(T0.getTime() - days * DAY), data: null });
      await app.services.repos.activity.record({ communeId: c.id, personId: null, kind: "training_attended", at: new Date(T0.getTime() - 10 * DAY), data: null });
    }
    const real = spyNotifier(app.services.notifier);
    let failOnce = true;
    const flaky: Notifier = {
      ...real,
      async enqueue(n) {
        if (failOnce && n.key.startsWith(`momentum:${a.id}:`)) {
          failOnce = false;
          throw new Error("database briefly unavailable");
        }
        return real.enqueue(n);
      },
    };
    const deps = watchDeps(app, flaky);
    await runWeeklyScan(deps, T0); // baseline: both green
    const later = new Date(T0.getTime() + 210 * DAY);
    const first = await runWeeklyScan(deps, later);
    expect(first.alerts).toBe(1); // Bastogne's; Durbuy's failed
    // Of these two (the baseline also reported other communes already red, as first readings).
    const ours = () => real.seen.filter((n) => n.key.startsWith("momentum:")).map((n) => n.key.split(":")[1]).filter((id) => id === a.id || id === b.id);
    expect(ours()).toEqual([b.id]);
    expect((await app.services.watch.momentum.history(a.id, 5)).map((s) => s.at)).toEqual([T0]);
    const next = new Date(later.getTime() + 7 * DAY);
    await runWeeklyScan(deps, next);
    const alerts = real.seen.filter((n) => n.key.startsWith("momentum:") && [a.id, b.id].includes(n.key.split(":")[1]!));
    expect(ours()).toEqual([b.id, a.id]);
    expect(alerts[1]!.key).toContain(":level:");
  });

  it("lets the daily watch go on past a commune whose notice fails", async () => {
    const failing: Notifier = { ...app.services.notifier, enqueue: async () => Promise.reject(new Error("boom")) };
    const report = await runDailyWatch(watchDeps(app, failing), new Date("2030-04-16T07:00:00Z"));
    expect(report.elections).toBe(0); // every commune failed, none stopped the pass
    const ok = await runDailyWatch(watchDeps(app, app.services.notifier), new Date("2030-04-16T07:00:00Z"));
    expect(ok.elections).toBe(2); // the two communes with a linked channel
  });
  it("sends a prompt and records it as one unit: a failed record takes its notice back", async () => {
    const own = await createTestApp({ now: T0 });
    try {
      await linkChannels(own, [await commune(own, "Durbuy")]);
      const election = async () => (await own.services.outbox.list(["pending", "sending", "sent"], 10_000)).filter((r) => r.key.startsWith("election:"));
      const prompts = Object.getPrototypeOf(own.services.watch.prompts) as { record: (...a: unknown[]) => Promise<unknown> };
      const record = prompts.record;
      prompts.record = async () => {
        throw new Error("disk full");
      };
      const deps = { ...watchDeps(own, own.services.notifier), unit: <T>(work: (s: Pick<WatchDeps, "notifier" | "watch">) => Promise<T>) => own.services.transaction((s) => work(s)) };
      try {
        expect((await runDailyWatch(deps, new Date("2030-04-16T07:00:00Z"))).elections).toBe(0);
      } finally {
        prompts.record = record;
      }
      // Nothing was queued for a prompt the watch could not count; the next day's run sends and counts it.
      expect(await election()).toEqual([]);
      expect((await runDailyWatch(deps, new Date("2030-04-17T07:00:00Z"))).elections).toBe(1);
      const [row] = await election();
      // Outbox keys are the notification's key and its target (`key|slack:T1:C-durbuy`).
      expect(await own.services.watch.prompts.has(row!.key.split("|")[0]!)).toBe(true);
    } finally {
      await own.close();
    }
  });
});
