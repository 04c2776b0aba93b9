/**
 * The outbox side: what a platform's sender does with a message the bot sends on its own
 * (a reminder, an announcement), and how it classifies failures so that the outbox knows
 * whether to wait, retry or give up.
 */
import { expect } from "vitest";
import { DeliveryError, type OutboundMessage } from "../../../src/core/outbound.js";
import { message } from "../../../src/core/reply.js";
import type { ChannelRef } from "../../../src/core/types.js";
import type { SenderKnobs } from "../driver.js";
import { plainText } from "../text.js";
import type { ContractCase } from "./case.js";

let seq = 0;
const outbound = (target: ChannelRef, text = "Rappel : webinaire demain à 14 h"): OutboundMessage => ({
  idempotencyKey: `contract:${Date.now()}:${++seq}`,
  target,
  reply: message("fr", `${text} (${seq})`, "channel"),
});

/** The DeliveryError `p` fails with (anything else fails the case). */
async function failure(p: Promise<unknown>): Promise<DeliveryError> {
  const err = await p.then(
    () => new Error("the send succeeded"),
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DeliveryError);
  return err as DeliveryError;
}

const textOf = (m: OutboundMessage) => plainText(m.reply.text);
const postedTexts = (k: SenderKnobs, target: ChannelRef) => k.posted(target).map(plainText);

export const senderCases: ContractCase[] = [
  {
    title: "sender: a message is posted and its id returned",
    needs: ["sender"],
    async run(driver) {
      const k = await driver.sender!();
      const m = outbound(k.channel());
      const sent = await k.sender.send(m);
      expect(sent.externalId).toMatch(/\S/);
      expect(postedTexts(k, m.target)).toEqual([textOf(m)]);
    },
  },
  {
    title: "sender: a 429 is rate_limited with the platform's wait, at once, nothing posted",
    needs: ["sender", "rateLimits"],
    async run(driver) {
      const k = await driver.sender!();
      const m = outbound(k.channel());
      k.failNextPost(m.target, { kind: "rate_limited", retryAfterSeconds: 3 });
      const started = performance.now();
      const err = await failure(k.sender.send(m));
      expect(err.kind).toBe("rate_limited");
      expect(err.retryAfterMs).toBeGreaterThanOrEqual(3000);
      expect(err.retryAfterMs).toBeLessThan(4000);
      // The sender does not wait out the 3 s itself: the outbox schedules the retry.
      expect(performance.now() - started).toBeLessThan(2500);
      expect(postedTexts(k, m.target)).toEqual([]);
    },
  },
  {
    title: "sender: a server error (5xx) is transient",
    needs: ["sender", "remoteChannels"],
    async run(driver) {
      const k = await driver.sender!();
      const m = outbound(k.channel());
      k.failNextPost(m.target, { kind: "server_error" });
      expect((await failure(k.sender.send(m))).kind).toBe("transient");
      expect(postedTexts(k, m.target)).toEqual([]);
    },
  },
  {
    title: "sender: an unknown channel and a channel the bot may not post in are permanent",
    needs: ["sender", "remoteChannels"],
    async run(driver) {
      const k = await driver.sender!();
      expect((await failure(k.sender.send(outbound(k.unknownChannel())))).kind).toBe("permanent");
      expect((await failure(k.sender.send(outbound(k.forbiddenChannel())))).kind).toBe("permanent");
    },
  },
  {
    title: "sender: a direct message opens the member's DM (the same one each time) and lands there",
    needs: ["sender"],
    async run(driver) {
      const k = await driver.sender!();
      expect(k.sender.openDirect).toBeTypeOf("function");
      const dm = await k.sender.openDirect!(k.member.workspaceId, k.member.userId);
      expect(dm).toMatchObject({ platform: driver.name, workspaceId: k.member.workspaceId });
      expect(await k.sender.openDirect!(k.member.workspaceId, k.member.userId)).toEqual(dm);
      const m = outbound(dm, "Votre inscription est confirmée");
      await k.sender.send(m);
      expect(postedTexts(k, dm)).toContain(textOf(m));
    },
  },
  {
    title: "sender: after a crash, findSent finds the message by its idempotency key (and only it)",
    needs: ["sender"],
    async run(driver) {
      const k = await driver.sender!();
      expect(k.sender.findSent).toBeTypeOf("function");
      const since = new Date(Date.now() - 60_000);
      const m = outbound(k.channel());
      const sent = await k.sender.send(m);
      // All a restarted process knows is the key and the target: the answer was lost.
      expect(await k.sender.findSent!(m.target, m.idempotencyKey, since)).toEqual(sent);
      expect(await k.sender.findSent!(m.target, `${m.idempotencyKey}:never`, since)).toBeNull();
    },
  },
];
