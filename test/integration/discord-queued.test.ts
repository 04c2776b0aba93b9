/**
 * A Discord command that has to wait for its turn (every command slot of the process busy,
 * as in a burst of clicks) is deferred at once, not after the usual wait for a quick answer
 * (set to a minute here, so that only the immediate deferral can meet the test's wait),
 * then answered once its turn comes.
 */
import { afterAll, describe, expect, it } from "vitest";
import { boundedDispatcher } from "../../src/command-slots.js";
import type { Dispatcher } from "../../src/core/dispatcher.js";
import { MEMBER, startDiscordHarness, type DiscordHarness } from "../fakes/discord/harness.js";
import { textOf } from "../fakes/discord/interactions.js";
import { sendLine } from "../fakes/discord/lines.js";

const BLOCKER = { userId: "400000000000000077", username: "lent", locale: "fr" };

describe("Discord, a command waiting for a free slot", () => {
  let h: DiscordHarness | undefined;
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  afterAll(async () => {
    open();
    await h?.close();
  });

  it("is deferred at once and answered when its turn comes", { timeout: 60_000 }, async () => {
    // One slot; the blocker's command holds it until the gate opens.
    const held = (inner: Dispatcher): Dispatcher => ({ ...inner, registry: inner.registry, users: inner.users, handle: async (i) => (i.userId === BLOCKER.userId && (await gate), inner.handle(i)) });
    h = await startDiscordHarness({ dispatcher: (inner) => boundedDispatcher(held(inner), 1), adapter: { deferAfterMs: 60_000 } });
    const registry = h.app.dispatcher.registry;
    const blocked = sendLine(h.fake, registry, "aide", BLOCKER);
    await h.fake.waitUntil(() => h!.fake.interactions.size >= 1, "the blocker's interaction", 10_000);
    const waiting = sendLine(h.fake, registry, "aide", MEMBER);
    const callback = await h.fake.waitUntil(() => waiting.callback, "the waiting command's deferral", 15_000);
    expect(callback.type).toBe(5);
    expect(blocked.callback).toBeUndefined(); // still holding its slot, not answered
    open();
    const answer = await h.fake.waitForAnswer(waiting, 20_000);
    expect(textOf(answer.message)).toContain("/cdce");
  });
});
