/** The pause of a platform whose token is refused: logged at most once a minute, coordination told once. */
import { describe, expect, it } from "vitest";
import { AuthPause, AUTH_LOG_EVERY_MS } from "../../src/delivery/auth-pause.js";
import { captureLogger } from "../helpers/capture-logger.js";

describe("AuthPause", () => {
  it("pauses at the first refusal, tells coordination once, and logs at most once a minute", async () => {
    const logger = captureLogger();
    let now = 1_000_000;
    const told: string[] = [];
    const pause = new AuthPause({ platform: "slack", logger, now: () => now, onPaused: async (reason) => void told.push(reason) });
    expect(pause.reason).toBeUndefined();
    pause.remind(); // nothing to say while not paused
    expect(logger.entries).toHaveLength(0);
    pause.refused("chat.postMessage: token_revoked");
    pause.refused("chat.postMessage: token_revoked");
    for (let i = 0; i < 10; i++) pause.remind();
    expect(pause.reason).toBe("chat.postMessage: token_revoked");
    expect(logger.entries.filter((e) => e.level === "error")).toHaveLength(1);
    now += AUTH_LOG_EVERY_MS - 1;
    pause.remind();
    expect(logger.entries).toHaveLength(1);
    now += 1;
    pause.remind();
    expect(logger.entries).toHaveLength(2);
    expect(logger.entries[1]!.obj).toMatchObject({ platform: "slack", pausedForS: 60, refusals: 2 });
    await Promise.resolve();
    expect(told).toEqual(["chat.postMessage: token_revoked"]);
  });

  it("logs a failure to tell coordination instead of throwing", async () => {
    const logger = captureLogger();
    const pause = new AuthPause({ platform: "discord", logger, onPaused: () => Promise.reject(new Error("database down")) });
    pause.refused("post to channel 1: 401 Unauthorized");
    await new Promise((r) => setTimeout(r, 10));
    expect(logger.entries.some((e) => e.msg?.includes("could not tell coordination"))).toBe(true);
  });
});
