/**
 * The Slack sender against the fake Web API: posts carry the idempotency key in message
 * metadata and can be found again and removed; failures come back at once and classified
 * (429 -> rate_limited with Retry-After, 500 -> transient, refusals -> permanent); and
 * under the pacing limiter a 429 is delivered once, after the wait Slack asked for.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DeliveryError, type OutboundMessage } from "../../src/core/outbound.js";
import { message } from "../../src/core/reply.js";
import { silentLogger } from "../../src/core/logger.js";
import { PacedSender } from "../../src/delivery/limits.js";
import { OUTBOX_EVENT_TYPE } from "../../src/platforms/slack/sender.js";
import { TEAM_ID } from "../fakes/slack/server.js";
import { USERS, createSlackHarness, type SlackHarness } from "../fakes/slack/harness.js";

let h: SlackHarness;
let seq = 0;
const outbound = (channelId = "C0ANNONCES", text = "Rappel : webinaire demain à 14 h"): OutboundMessage => ({
  idempotencyKey: `reminder:${++seq}`,
  target: { platform: "slack", workspaceId: TEAM_ID, channelId },
  reply: message("fr", text, "channel"),
});

async function failure(p: Promise<unknown>): Promise<DeliveryError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DeliveryError);
  return err as DeliveryError;
}

beforeAll(async () => {
  h = await createSlackHarness({ mode: "http" });
});
afterAll(async () => {
  await h?.close();
});

describe("Slack sender", () => {
  it("posts with the idempotency key in metadata, finds it again, removes it", async () => {
    const m = outbound();
    const since = new Date(Date.now() - 1000);
    const sent = await h.adapter.send(m);
    const call = await h.fake.call("chat.postMessage");
    expect(call.args.metadata).toEqual({ event_type: OUTBOX_EVENT_TYPE, event_payload: { key: m.idempotencyKey } });
    expect(call.args.channel).toBe("C0ANNONCES");
    expect(sent.externalId).toMatch(/^\d+\.\d{6}$/);
    expect(await h.adapter.findSent!(m.target, m.idempotencyKey, since)).toEqual(sent);
    expect(await h.adapter.findSent!(m.target, "reminder:never", since)).toBeNull();
    const history = h.fake.calls.filter((c) => c.method === "conversations.history");
    expect(history.at(-1)!.args.include_all_metadata).toBe("true");
    await h.adapter.remove!(m.target, sent.externalId);
    expect(await h.adapter.findSent!(m.target, m.idempotencyKey, since)).toBeNull();
    // Removing twice is not an error: the outbox may retry a removal.
    await h.adapter.remove!(m.target, sent.externalId);
  });

  it("finds a DM posted to a user id in that person's DM channel", async () => {
    const m = outbound(USERS.fr!.id);
    const since = new Date(Date.now() - 1000);
    const sent = await h.adapter.send(m);
    expect(await h.adapter.openDirect!(TEAM_ID, USERS.fr!.id)).toEqual({ platform: "slack", workspaceId: TEAM_ID, channelId: `D${USERS.fr!.id.slice(1)}` });
    expect(await h.adapter.findSent!(m.target, m.idempotencyKey, since)).toEqual(sent);
    // One conversations.open per person, whatever the number of look-ups.
    expect(h.fake.calls.filter((c) => c.method === "conversations.open")).toHaveLength(1);
  });

  it("finds a key beyond the first page of history", async () => {
    const target = outbound("C0BUSY").target;
    const since = new Date(Date.now() - 1000);
    const first = outbound("C0BUSY");
    const sent = await h.adapter.send(first);
    for (let i = 0; i < 230; i++) h.fake.api.history.get("C0BUSY")!.push({ ts: `${Math.floor(Date.now() / 1000) + 1}.${String(i).padStart(6, "0")}`, channel: "C0BUSY", text: "bruit", user: "U0X", bot_id: "" });
    expect(await h.adapter.findSent!(target, first.idempotencyKey, since)).toEqual(sent);
  });

  it("surfaces a 429 at once as rate_limited with Retry-After, without retrying", async () => {
    h.fake.failNext("chat.postMessage", { status: 429, retryAfter: 3 });
    const calls = h.fake.calls.filter((c) => c.method === "chat.postMessage").length;
    const started = performance.now();
    const err = await failure(h.adapter.send(outbound()));
    // Retry-After is 3 s: an answer well before that means the client did not wait.
    expect(performance.now() - started).toBeLessThan(2500);
    expect([err.kind, err.retryAfterMs]).toEqual(["rate_limited", 3000]);
    expect(h.fake.calls.filter((c) => c.method === "chat.postMessage").length).toBe(calls + 1);
  });

  it("classifies a 500 as transient, without retrying", async () => {
    h.fake.failNext("chat.postMessage", { status: 500 });
    const calls = h.fake.calls.filter((c) => c.method === "chat.postMessage").length;
    const err = await failure(h.adapter.send(outbound()));
    expect(err.kind).toBe("transient");
    expect(h.fake.calls.filter((c) => c.method === "chat.postMessage").length).toBe(calls + 1);
  });

  it("classifies unknown channels, missing membership and missing scopes as permanent", async () => {
    expect((await failure(h.adapter.send(outbound("CMISSING1")))).kind).toBe("permanent");
    h.fake.api.notInChannel.add("C0NOTIN");
    expect((await failure(h.adapter.send(outbound("C0NOTIN")))).kind).toBe("permanent");
    h.fake.failNext("chat.postMessage", { error: "missing_scope" });
    expect((await failure(h.adapter.send(outbound()))).kind).toBe("permanent");
    const other = { ...outbound(), target: { platform: "slack" as const, workspaceId: "T0OTHER", channelId: "C1" } };
    expect((await failure(h.adapter.send(other))).kind).toBe("permanent");
  });

  it("cuts an oversized outbound message to one valid post", async () => {
    const big = { ...outbound(), reply: { ...message("fr", "x"), blocks: Array.from({ length: 80 }, (_, i) => ({ type: "section" as const, text: `Ligne ${i}` })) } };
    await h.adapter.send(big);
    const call = h.fake.calls.filter((c) => c.method === "chat.postMessage").at(-1)!;
    expect(call.ok).toBe(true);
    expect(call.args.blocks).toHaveLength(50);
  });
});

describe("Slack sender under the pacing limiter", () => {
  it("delivers a 429 once, after the Retry-After wait", async () => {
    const waits: number[] = [];
    const paced = new PacedSender(h.adapter, {
      logger: silentLogger,
      sleep: (ms) => (waits.push(ms), new Promise((r) => setTimeout(r, ms))),
    });
    h.fake.failNext("chat.postMessage", { status: 429, retryAfter: 1 });
    const m = outbound("C0PACED");
    const before = h.fake.calls.filter((c) => c.method === "chat.postMessage").length;
    const sent = await paced.send(m);
    const calls = h.fake.calls.filter((c) => c.method === "chat.postMessage").slice(before);
    expect(calls.map((c) => c.status)).toEqual([429, 200]);
    expect(waits).toEqual([1000]);
    expect(calls[1]!.at - calls[0]!.at).toBeGreaterThanOrEqual(950);
    const posted = h.fake.api.history.get("C0PACED")!.filter((x) => x.metadata?.event_payload.key === m.idempotencyKey);
    expect(posted.map((x) => x.ts)).toEqual([sent.externalId]);
    await paced.stop();
  });

  it("retries a 500 with backoff, checking first that it was not posted, and delivers once", async () => {
    const paced = new PacedSender(h.adapter, { logger: silentLogger, backoffBaseMs: 20, perChannelMinTimeMs: 50 });
    h.fake.failNext("chat.postMessage", { status: 500 }, 2);
    const m = outbound("C0RETRY");
    const before = h.fake.calls.items.length;
    await paced.send(m);
    const methods = h.fake.calls.items.slice(before).map((c) => `${c.method}:${c.status}`);
    expect(methods).toEqual(["chat.postMessage:500", "conversations.history:200", "chat.postMessage:500", "conversations.history:200", "chat.postMessage:200"]);
    expect(h.fake.api.history.get("C0RETRY")).toHaveLength(1);
    await paced.stop();
  });

  it("gives up at once on a permanent refusal, and says so", async () => {
    const paced = new PacedSender(h.adapter, { logger: silentLogger, perChannelMinTimeMs: 50 });
    const err = await failure(paced.send(outbound("CMISSING2")));
    expect(err.kind).toBe("permanent");
    await paced.stop();
  });

  it("spaces posts to one channel, not posts to different channels", async () => {
    const paced = new PacedSender(h.adapter, { logger: silentLogger, perChannelMinTimeMs: 500, perWorkspaceMinTimeMs: 0 });
    const before = h.fake.calls.items.length;
    await Promise.all([paced.send(outbound("C0SAME")), paced.send(outbound("C0SAME")), paced.send(outbound("C0SAME")), paced.send(outbound("C0ELSE"))]);
    const posts = h.fake.calls.items.slice(before).filter((c) => c.method === "chat.postMessage");
    const same = posts.filter((c) => c.args.channel === "C0SAME").map((c) => c.at);
    expect(same).toHaveLength(3);
    expect(same[1]! - same[0]!).toBeGreaterThanOrEqual(450);
    expect(same[2]! - same[1]!).toBeGreaterThanOrEqual(450);
    const other = posts.find((c) => c.args.channel === "C0ELSE")!.at;
    expect(other - same[0]!).toBeLessThan(450);
    await paced.stop();
  });
});
