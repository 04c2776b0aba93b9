/**
 * The one-clock lint rule can fail: probe files placed in src/core, src/features (a job) and
 * commands/ that read the machine's clock are linted with the project's own configuration,
 * and each read must be reported; instants built from a value, durations, a local `Date`
 * and the outer layers stay allowed.
 */
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const eslint = new ESLint({ cwd: process.cwd() });

async function findings(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === "clock/no-wall-clock").map((m) => `${m.line}`);
}

describe("the one-clock lint rule", () => {
  it("reports Date.now(), new Date(), Date() and globalThis.Date in the domain", async () => {
    const code = [
      "export const a = Date.now();",
      "export const b = new Date();",
      "export const c = Date();",
      "export const d = globalThis.Date.now();",
      "export const e = new globalThis.Date();",
      "export const f = new Date;",
    ].join("\n");
    expect(await findings(code, "src/core/clock-probe.ts")).toEqual(["1", "2", "3", "4", "5", "6"]);
    expect(await findings(code, "commands/kits/clock-probe.ts")).toEqual(["1", "2", "3", "4", "5", "6"]);
  }, 60_000);

  it("reports a job reading the wall clock instead of its `now`", async () => {
    const code = [
      'import { defineJob } from "../../../core/jobs.js";',
      "export default defineJob({",
      '  name: "probe", schedule: "0 9 * * *", scope: "cluster",',
      "  async run({ services }) {",
      "    await services.notifier.enqueue({ key: `probe:${new Date().toISOString()}` } as never);",
      "  },",
      "});",
    ].join("\n");
    expect(await findings(code, "src/features/watch/jobs/clock-probe.ts")).toEqual(["5"]);
  }, 60_000);

  it("allows instants built from values, durations, a local Date and the outer layers", async () => {
    const allowed = [
      'export const a = new Date("2027-09-20T06:55:00Z");',
      "export const b = (now: Date) => new Date(now.getTime() + 1000);",
      "export const c = performance.now();",
      "export const d = Date.UTC(2027, 8, 20);",
      "export function e(Date: { now(): number }) { return Date.now(); }",
    ].join("\n");
    expect(await findings(allowed, "src/core/clock-probe.ts")).toEqual([]);
    expect(await findings("export const wall = () => new Date();", "src/app.ts")).toEqual([]);
  }, 60_000);
});
