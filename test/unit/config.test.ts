import { describe, expect, it } from "vitest";
import { ConfigError, databaseTimeouts, loadConfig, shouldSeed } from "../../src/config.js";

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

  it("takes PUBLIC_URL as an http(s) address only", () => {
    expect(loadConfig({}).PUBLIC_URL).toBeUndefined();
    expect(loadConfig({ PUBLIC_URL: "https://cdce.example.be" }).PUBLIC_URL).toBe("https://cdce.example.be");
    expect(() => loadConfig({ PUBLIC_URL: "ftp://cdce.example.be" })).toThrow(/PUBLIC_URL/);
    expect(() => loadConfig({ PUBLIC_URL: "cdce.example.be" })).toThrow(/PUBLIC_URL/);
  });

  it("requires the signing secret in Slack HTTP mode and an IANA zone", () => {
    expect(() => loadConfig({ SLACK_BOT_TOKEN: "xoxb-1" })).toThrow(/SLACK_SIGNING_SECRET/);
    expect(() => loadConfig({ DEFAULT_TIME_ZONE: "Mars/Olympus" })).toThrow(/DEFAULT_TIME_ZONE/);
    expect(() => loadConfig({ DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL/);
  });

  it("database timeouts: a few seconds by default, set by variable, the client waiting longer than the server", () => {
    expect(databaseTimeouts(loadConfig({}))).toEqual({ connectTimeoutMs: 3_000, statementTimeoutMs: 5_000, queryTimeoutMs: 6_000, idleInTransactionTimeoutMs: 30_000, sqliteBusyTimeoutMs: 250 });
    const c = loadConfig({ DATABASE_CONNECT_TIMEOUT_MS: "1500", DATABASE_STATEMENT_TIMEOUT_MS: "20000", DATABASE_QUERY_TIMEOUT_MS: "25000", DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: "60000", SQLITE_BUSY_TIMEOUT_MS: "0" });
    expect(databaseTimeouts(c)).toEqual({ connectTimeoutMs: 1_500, statementTimeoutMs: 20_000, queryTimeoutMs: 25_000, idleInTransactionTimeoutMs: 60_000, sqliteBusyTimeoutMs: 0 });
    expect(() => loadConfig({ DATABASE_STATEMENT_TIMEOUT_MS: "8000" })).toThrow(/DATABASE_QUERY_TIMEOUT_MS/);
    expect(() => loadConfig({ DATABASE_CONNECT_TIMEOUT_MS: "soon" })).toThrow(/DATABASE_CONNECT_TIMEOUT_MS/);
    expect(() => loadConfig({ SQLITE_BUSY_TIMEOUT_MS: "-1" })).toThrow(/SQLITE_BUSY_TIMEOUT_MS/);
  });
});
