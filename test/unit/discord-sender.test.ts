import { describe, expect, it } from "vitest";
import { DiscordAPIError, HTTPError, RateLimitError } from "discord.js";
import { classifyDiscordError, nonceFor, snowflakeAt } from "../../src/platforms/discord/sender.js";
import { rank } from "../../src/core/suggest.js";

const apiError = (status: number, code: number, message: string) =>
  new DiscordAPIError({ code, message }, code, status, "POST", "https://discord.test/api/v10/channels/1/messages", { body: undefined, files: undefined });

describe("Discord delivery error classes", () => {
  it("429s are rate_limited with the delay Discord asked for", () => {
    const err = new RateLimitError({ timeToReset: 800, limit: 5, method: "POST", hash: "h", url: "u", route: "/channels/:id/messages", majorParameter: "1", global: false, retryAfter: 2050, sublimitTimeout: 0, scope: "user" });
    expect(classifyDiscordError(err, "post")).toMatchObject({ kind: "rate_limited", retryAfterMs: 2050 });
    const noHeader = new RateLimitError({ timeToReset: 0, limit: 5, method: "POST", hash: "h", url: "u", route: "/channels/:id/messages", majorParameter: "1", global: false, retryAfter: 0, sublimitTimeout: 0, scope: "user" });
    expect(classifyDiscordError(noHeader, "post").retryAfterMs).toBe(1000);
  });

  it("a refused token is unauthorized (the outbox pauses Discord), not a message's failure", () => {
    expect(classifyDiscordError(apiError(401, 0, "401: Unauthorized"), "post").kind).toBe("unauthorized");
    expect(classifyDiscordError(new HTTPError(401, "Unauthorized", "POST", "u", { body: undefined, files: undefined }), "post").kind).toBe("unauthorized");
  });

  it("no access, unknown channel and invalid bodies are permanent", () => {
    expect(classifyDiscordError(apiError(403, 50001, "Missing Access"), "post").kind).toBe("permanent");
    expect(classifyDiscordError(apiError(403, 50013, "Missing Permissions"), "post").kind).toBe("permanent");
    expect(classifyDiscordError(apiError(404, 10003, "Unknown Channel"), "post").kind).toBe("permanent");
    expect(classifyDiscordError(apiError(400, 50035, "Invalid Form Body"), "post").kind).toBe("permanent");
  });

  it("server errors, timeouts and network failures are transient", () => {
    expect(classifyDiscordError(new HTTPError(502, "Bad Gateway", "POST", "u", { body: undefined, files: undefined }), "post").kind).toBe("transient");
    expect(classifyDiscordError(apiError(500, 0, "500: Internal Server Error"), "post").kind).toBe("transient");
    expect(classifyDiscordError(new DOMException("aborted", "AbortError"), "post").kind).toBe("transient");
    expect(classifyDiscordError(Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }), "post").kind).toBe("transient");
  });

  it("nonces are stable, short and distinct per part; snowflakes order by time", () => {
    expect(nonceFor("k")).toBe(nonceFor("k"));
    expect(nonceFor("k")).not.toBe(nonceFor("k", 1));
    expect(nonceFor("x".repeat(500)).length).toBe(25);
    expect(BigInt(snowflakeAt(new Date("2026-01-02"))) > BigInt(snowflakeAt(new Date("2026-01-01")))).toBe(true);
  });
});

describe("autocomplete ranking", () => {
  it("puts prefix matches first, then substrings, then weight; ignores accents and case", () => {
    const items = [{ k: "Écaussinnes", w: 1 }, { k: "Namur", w: 5 }, { k: "Wanze", w: 9 }, { k: "Anhée", w: 2 }];
    expect(rank(items, "an", (i) => [i.k], (i) => i.w).map((i) => i.k)).toEqual(["Anhée", "Wanze"]);
    expect(rank(items, "eca", (i) => [i.k]).map((i) => i.k)).toEqual(["Écaussinnes"]);
    expect(rank(items, "", (i) => [i.k], (i) => i.w).map((i) => i.k)).toEqual(["Wanze", "Namur", "Anhée", "Écaussinnes"]);
  });
});
