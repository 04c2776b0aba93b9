import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig, shouldSeed } from "../../src/config.js";

describe("configuration", () => {
  it("has working defaults with an empty environment", () => {
    const c = loadConfig({});
    expect(c.DATABASE_URL).toBe("file:./data/cdce.db");
    expect(shouldSeed(c)).toBe(true);
    expect(shouldSeed(loadConfig({ DATABASE_URL: "postgresql://u@h/db" }))).toBe(false);
  });

  it("names the bad variable and never echoes a secret value", () => {
    const secret = "not-a-bot-token-SECRET123";
    try {
      loadConfig({ SLACK_BOT_TOKEN: secret, SLACK_SIGNING_SECRET: "s", HTTP_PORT: "99999" });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      const msg = (e as Error).message;
      expect(msg).toContain("SLACK_BOT_TOKEN");
      expect(msg).toContain("HTTP_PORT");
      expect(msg).not.toContain(secret);
    }
  });

  it("requires the signing secret in Slack HTTP mode and an IANA zone", () => {
    expect(() => loadConfig({ SLACK_BOT_TOKEN: "xoxb-1" })).toThrow(/SLACK_SIGNING_SECRET/);
    expect(() => loadConfig({ DEFAULT_TIME_ZONE: "Mars/Olympus" })).toThrow(/DEFAULT_TIME_ZONE/);
    expect(() => loadConfig({ DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL/);
  });
});
