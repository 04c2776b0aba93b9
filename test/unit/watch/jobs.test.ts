import { describe, expect, it } from "vitest";
import cron from "node-cron";
import { loadConfig } from "../../../src/config.js";
import { JOBS } from "../../../src/features/index.js";
import { MOMENTUM_CONFIG } from "../../../src/features/watch/config.js";

describe("watch jobs and their configuration", () => {
  it("lists the weekly scan and the daily watch, once in the cluster, on valid schedules", () => {
    for (const name of ["momentum-scan", "watch-daily"]) {
      const job = JOBS.find((j) => j.name === name)!;
      expect(job, name).toBeTruthy();
      expect(job.scope).toBe("cluster");
      expect(job.timeZone).toBe("Europe/Brussels");
      expect(cron.validate(job.schedule)).toBe(true);
    }
    expect(JOBS.find((j) => j.name === "momentum-scan")!.schedule).toBe(MOMENTUM_CONFIG.scan.cron);
  });
  it("takes MOMENTUM_SCAN_CRON from the environment, and names it when malformed", () => {
    expect(loadConfig({ MOMENTUM_SCAN_CRON: "0 6 * * 2" }).MOMENTUM_SCAN_CRON).toBe("0 6 * * 2");
    expect(loadConfig({}).MOMENTUM_SCAN_CRON).toBeUndefined();
    expect(() => loadConfig({ MOMENTUM_SCAN_CRON: "tuesday" })).toThrow(/MOMENTUM_SCAN_CRON/);
  });
});
