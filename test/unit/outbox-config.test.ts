/**
 * The outbox, pacing and lease variables: defaults that follow the platforms' published
 * limits, a lease that survives a missed renewal, and every variable documented in
 * .env.example and in the README's table.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.js";

const VARS = [
  "OUTBOX_SWEEP_SECONDS",
  "OUTBOX_MAX_ATTEMPTS",
  "OUTBOX_BACKOFF_MS",
  "OUTBOX_MAX_IN_FLIGHT",
  "SLACK_CHANNEL_INTERVAL_MS",
  "SLACK_WORKSPACE_INTERVAL_MS",
  "SLACK_WORKSPACE_CONCURRENCY",
  "DISCORD_CHANNEL_INTERVAL_MS",
  "DISCORD_GLOBAL_INTERVAL_MS",
  "LEASE_TTL_MS",
  "LEASE_RENEW_MS",
];

describe("outbox configuration", () => {
  it("defaults to the platforms' limits: Slack 1/s per channel, Discord 5 per 5 s per channel and 50/s", () => {
    const c = loadConfig({});
    expect([c.SLACK_CHANNEL_INTERVAL_MS, c.DISCORD_CHANNEL_INTERVAL_MS, c.DISCORD_GLOBAL_INTERVAL_MS]).toEqual([1000, 1000, 20]);
    expect([c.LEASE_TTL_MS, c.LEASE_RENEW_MS, c.OUTBOX_SWEEP_SECONDS]).toEqual([20_000, 5_000, 2]);
    // A standby takes over within TTL + one renewal: under the 30 s asked for.
    expect(c.LEASE_TTL_MS + c.LEASE_RENEW_MS).toBeLessThan(30_000);
  });

  it("refuses a lease renewed less often than twice per lifetime, and bad numbers, naming the variable", () => {
    expect(() => loadConfig({ LEASE_TTL_MS: "4000", LEASE_RENEW_MS: "3000" })).toThrow(/LEASE_RENEW_MS/);
    expect(() => loadConfig({ OUTBOX_SWEEP_SECONDS: "0" })).toThrow(ConfigError);
    expect(() => loadConfig({ SLACK_CHANNEL_INTERVAL_MS: "fast" })).toThrow(/SLACK_CHANNEL_INTERVAL_MS/);
  });

  it("documents every variable in .env.example and in the README", () => {
    const env = readFileSync(".env.example", "utf8");
    const readme = readFileSync("README.md", "utf8");
    for (const v of VARS) {
      expect(env, v).toMatch(new RegExp(`^${v}=`, "m"));
      expect(readme, v).toContain(`| \`${v}\` |`);
    }
  });
});
