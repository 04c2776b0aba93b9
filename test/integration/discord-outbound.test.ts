/**
 * The Discord PlatformSender against the fake Discord through the adapter's own REST
 * client: nonce + enforce_nonce idempotency, findSent, remove, and failure classes
 * (429 -> rate_limited with Retry-After and no silent retry; per-channel bucket of 5 per
 * 5 s enforced before sending; 5xx -> transient; Missing Access / Unknown Channel ->
 * permanent).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DeliveryError, type PlatformSender } from "../../src/core/outbound.js";
import { message } from "../../src/core/reply.js";
import type { ChannelRef } from "../../src/core/types.js";
import { nonceFor } from "../../src/platforms/discord/sender.js";
import { startDiscordHarness, type DiscordHarness } from "../fakes/discord/harness.js";

let h: DiscordHarness;
let sender: PlatformSender;
const target = (channelId: string): ChannelRef => ({ platform: "discord", workspaceId: h.fake.guild.id, channelId });
const msg = (key: string, channelId: string, text = `Rappel ${key}`) => ({ idempotencyKey: key, target: target(channelId), reply: message("fr", text, "channel") });

async function failure(p: Promise<unknown>): Promise<DeliveryError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof DeliveryError) return err;
    throw err;
  }
  throw new Error("expected a DeliveryError");
}

beforeAll(async () => {
  h = await startDiscordHarness();
  sender = h.adapter;
}, 30_000);

afterAll(async () => {
  await h?.close();
});

describe("Discord sender", () => {
  it("posts with a stable nonce and enforce_nonce; a second send of the same key creates nothing", async () => {
    const channel = h.fake.channel("general");
    const first = await sender.send(msg("reminder:1", channel.id));
    const post = h.fake.requests.find((r) => r.method === "POST" && r.path === `/channels/${channel.id}/messages`)!;
    expect(post.body).toMatchObject({ content: "Rappel reminder:1", nonce: nonceFor("reminder:1"), enforce_nonce: true });
    expect(nonceFor("reminder:1").length).toBeLessThanOrEqual(25);
    const again = await sender.send(msg("reminder:1", channel.id));
    expect(again.externalId).toBe(first.externalId);
    expect(channel.messages).toHaveLength(1);
  });

  it("finds a sent message by its key, and removes it", async () => {
    const channel = h.fake.channel("general");
    const since = new Date(Date.now() - 60_000);
    const sent = await sender.send(msg("reminder:2", channel.id));
    expect(await sender.findSent!(target(channel.id), "reminder:2", since)).toEqual(sent);
    expect(await sender.findSent!(target(channel.id), "reminder:never", since)).toBeNull();
    await sender.remove!(target(channel.id), sent.externalId);
    expect(channel.messages.some((m) => m.id === sent.externalId)).toBe(false);
    await sender.remove!(target(channel.id), sent.externalId); // already gone: fine
  });

  it("a 429 becomes rate_limited with Retry-After, at once, without a silent retry", async () => {
    const channel = h.fake.addChannel("annonces");
    h.fake.rateLimitNext({ path: new RegExp(`^/channels/${channel.id}/messages$`), retryAfterSeconds: 3 });
    const started = Date.now();
    const err = await failure(sender.send(msg("alert:1", channel.id)));
    expect(err.kind).toBe("rate_limited");
    expect(err.retryAfterMs).toBeGreaterThanOrEqual(3000);
    expect(err.retryAfterMs).toBeLessThan(4000);
    // At once: not after waiting out the 3 s (a busy machine may take a second for the call itself).
    expect(Date.now() - started).toBeLessThan(2_500);
    const posts = () => h.fake.requests.filter((r) => r.method === "POST" && r.path === `/channels/${channel.id}/messages`).length;
    expect(posts()).toBe(1);
    // The bucket is known to be empty: the next try is refused before reaching Discord.
    const again = await failure(sender.send(msg("alert:1", channel.id)));
    expect(again.kind).toBe("rate_limited");
    expect(posts()).toBe(1);
    expect(channel.messages).toHaveLength(0);
  });

  it("a 429 without Retry-After still gives a delay (from the bucket reset)", async () => {
    const channel = h.fake.addChannel("annonces-2");
    h.fake.rateLimitNext({ path: new RegExp(`^/channels/${channel.id}/messages$`), retryAfterSeconds: 2, header: false });
    const err = await failure(sender.send(msg("alert:2", channel.id)));
    expect(err.kind).toBe("rate_limited");
    expect(err.retryAfterMs).toBeGreaterThan(1000);
  });

  it("the sixth message within 5 s in one channel waits for the outbox, not inside discord.js", async () => {
    const channel = h.fake.addChannel("rafale");
    for (let i = 0; i < 5; i++) await sender.send(msg(`burst:${i}`, channel.id));
    const err = await failure(sender.send(msg("burst:5", channel.id)));
    expect(err.kind).toBe("rate_limited");
    expect(err.retryAfterMs).toBeGreaterThan(0);
    expect(err.retryAfterMs).toBeLessThanOrEqual(5100);
    expect(channel.messages).toHaveLength(5);
  });

  it("a Discord outage (5xx after the client's own retries) is transient", async () => {
    const channel = h.fake.addChannel("panne");
    h.fake.failNext({ path: new RegExp(`^/channels/${channel.id}/messages$`), status: 502, times: 10 });
    const err = await failure(sender.send(msg("outage:1", channel.id)));
    expect(err.kind).toBe("transient");
  });

  it("Missing Access and Unknown Channel are permanent", async () => {
    const denied = await failure(sender.send(msg("x:1", h.fake.channel("prive").id)));
    expect(denied.kind).toBe("permanent");
    expect(denied.message).toMatch(/50001/);
    const unknown = await failure(sender.send(msg("x:2", "123456789012345678")));
    expect(unknown.kind).toBe("permanent");
    expect(unknown.message).toMatch(/10003/);
  });
});
