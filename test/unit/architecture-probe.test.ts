/**
 * The lint rules of the architecture can fail: files placed in src/core, commands/ and
 * src/features that reach what they must not (the data layer through a dynamic import, a
 * platform through a lazy require, another feature's internals) are linted with the project's
 * own configuration, and each must be reported. Without the local rules of
 * eslint-rules/architecture.js (with `no-restricted-imports` alone), none of these is caught.
 */
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const eslint = new ESLint({ cwd: process.cwd() });

async function findings(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId?.startsWith("architecture/")).map((m) => `${m.ruleId}:${m.line}`);
}

describe("architecture lint rules", () => {
  it("report a dynamic import of the data layer from src/core", async () => {
    const code = 'export async function leak(): Promise<unknown> {\n  return await import("../data/database.js");\n}\n';
    expect(await findings(code, "src/core/architecture-probe.ts")).toEqual(["architecture/layers:2"]);
  }, 60_000);

  it("report a dynamic import of the data layer and of a platform from commands/", async () => {
    const code = [
      'export const db = () => import("../../src/data/database.js");',
      'export const slack = () => import("../../src/platforms/slack/index.js");',
      'export const sdk = () => import("discord.js");',
    ].join("\n");
    expect(await findings(code, "commands/kits/architecture-probe.ts")).toEqual(["architecture/layers:1", "architecture/layers:2", "architecture/layers:3"]);
  }, 60_000);

  it("report a dynamic import whose module is computed, and a lazy require outside the allow-list", async () => {
    const code = [
      'import { lazyRequire } from "../lazy-require.js";',
      'export const m = (name: string) => import(name);',
      'export const sdk = lazyRequire<unknown>("@slack/bolt");',
      'export const redis = lazyRequire<unknown>("ioredis");',
      'export const dates = lazyRequire<unknown>("chrono-node");',
    ].join("\n");
    expect(await findings(code, "src/core/time/architecture-probe.ts")).toEqual([
      "architecture/layers:2",
      "architecture/layers:3",
      "architecture/layers:3",
      "architecture/layers:4",
      "architecture/layers:4",
    ]);
  }, 60_000);

  it("report a reach into another feature's internals, static or dynamic, and allow its index", async () => {
    const code = [
      'import { announce } from "../initiatives/service.js";',
      'export { POLL_TEMPLATES } from "../polls/templates.js";',
      'export const map = () => import("../initiatives/map.js");',
      'import { sheetsForVolunteers } from "../initiatives/index.js";',
      "export const used = [announce, sheetsForVolunteers];",
    ].join("\n");
    expect(await findings(code, "src/features/kits/architecture-probe.ts")).toEqual([
      "architecture/feature-boundaries:1",
      "architecture/feature-boundaries:2",
      "architecture/feature-boundaries:3",
    ]);
  }, 60_000);

  it("report a deep feature import from the data layer, and the features' list importing more than feature.ts", async () => {
    expect(await findings('import type { Poll } from "../../features/polls/ports.js";\nexport type P = Poll;', "src/data/repositories/architecture-probe.ts")).toEqual([
      "architecture/feature-boundaries:1",
    ]);
    expect(await findings('export { watchFeature } from "./watch/feature.js";\nexport { scan } from "./watch/scan.js";', "src/features/index.ts")).toEqual([
      "architecture/feature-boundaries:2",
    ]);
  }, 60_000);
});
