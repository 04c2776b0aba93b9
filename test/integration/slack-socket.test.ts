/**
 * Socket Mode's life: the client reconnects when Slack asks (`disconnect`) or when the
 * connection drops, and the next command is answered; stop() lets in-flight replies
 * finish before closing; a bad token stops the start with a clear reason.
 */
import { afterEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { silentLogger } from "../../src/core/logger.js";
import type { Reply } from "../../src/core/types.js";
import { createSlackAdapterWith } from "../../src/platforms/slack/index.js";
import { BOT_TOKEN, FakeSlack, SIGNING_SECRET } from "../fakes/slack/server.js";
import { createSlackHarness, textOf, type SlackHarness } from "../fakes/slack/harness.js";
import { createTestApp } from "../helpers/test-app.js";

let h: SlackHarness | undefined;

/** Polls `ok` until it holds (fails after `timeoutMs`). */
async function waitFor(ok: () => boolean, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe("Slack Socket Mode connection", () => {
  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  // Slack refreshes Socket Mode connections routinely and does not hold a slash command for an
  // app that is reconnecting: the bot must still have an open connection when the next one comes.
  it.each(["refresh_requested", "warning"] as const)("keeps answering through Slack's routine refresh (%s): a command 1 s after `disconnect` is answered", async (reason) => {
    h = await createSlackHarness({ mode: "socket" });
    h.fake.socket.holdEnvelopes = false;
    await h.fake.response((await h.command("kit jeunes")).responseUrl);
    // Steady state: start() returns with one connection open, the second follows.
    await waitFor(() => h!.fake.socket.live().length === 2);
    // Three refreshes in a row: every connection the bot holds gets recycled at least once.
    for (let i = 0; i < 3; i++) {
      const retired = h.fake.socket.disconnect(reason);
      await pause(1000);
      const next = await h.command("aide");
      expect(next.ack.status).toBe(200);
      expect(textOf((await h.fake.response(next.responseUrl)).body)).toContain("/cdce kit");
      const delivered = h.fake.socket.envelopes.items.at(-1)!;
      expect(delivered.ticket).not.toBe(retired.ticket);
    }
    expect(h.adapter.isConnected()).toBe(true);
  });

  it("reconnects after Slack's disconnect message and answers the next command", async () => {
    h = await createSlackHarness({ mode: "socket" });
    const first = await h.command("kit jeunes");
    await h.fake.response(first.responseUrl);
    expect(h.adapter.isConnected()).toBe(true);
    await waitFor(() => h!.fake.socket.live().length === 2);
    const opened = () => h!.fake.calls.filter((c) => c.method === "apps.connections.open" && c.ok).length;
    const before = opened();
    const retired = h.fake.socket.disconnect();
    // A fresh connection replaces the retired one, which is closed.
    await h.fake.socket.connections.next((c) => Number(c.ticket) > before);
    expect(opened()).toBe(before + 1);
    await waitFor(() => retired.socket.readyState === retired.socket.CLOSED);
    const next = await h.command("aide");
    expect(next.ack.status).toBe(200);
    expect(textOf((await h.fake.response(next.responseUrl)).body)).toContain("/cdce kit");
  });

  it("reconnects after the connection drops without notice", async () => {
    h = await createSlackHarness({ mode: "socket" });
    await waitFor(() => h!.fake.socket.live().length === 2);
    const before = h.fake.socket.connections.items.length;
    h.fake.socket.current().terminate();
    // The dropped connection is replaced: the bot holds two again.
    await h.fake.socket.connections.atLeast(before + 1);
    await waitFor(() => h!.fake.socket.live().length === 2);
    const next = await h.command("kit affiche");
    expect(next.ack.status).toBe(200);
    expect(textOf((await h.fake.response(next.responseUrl)).body).length).toBeGreaterThan(0);
    expect(h.adapter.isConnected()).toBe(true);
  });

  it("runs an envelope delivered twice (Slack's retry, on the other connection) once, and acks both", async () => {
    h = await createSlackHarness({ mode: "socket" });
    await waitFor(() => h!.fake.socket.live().length === 2);
    let runs = 0;
    const original = h.app.dispatcher.handle.bind(h.app.dispatcher);
    (h.app.dispatcher as { handle: unknown }).handle = async (incoming: Parameters<typeof original>[0]): Promise<Reply> => {
      runs++;
      return original(incoming);
    };
    const { responseUrl } = await h.command("aide");
    await h.fake.response(responseUrl);
    const first = h.fake.socket.envelopes.items.at(-1)!;
    const fields = { team_id: "T0CDCE", user_id: "U0FRANCOISE", user_name: "francoise", channel_id: "C0NAMUR", command: "/cdce", text: "aide", response_url: responseUrl };
    const again = await h.fake.socket.redeliver(first.envelope_id, fields);
    expect(again.envelope_id).toBe(first.envelope_id);
    expect(await h.adapter.whenIdle(10_000)).toBe(true);
    expect(runs).toBe(1);
    expect(h.fake.responsesTo(responseUrl)).toHaveLength(1);
    expect(h.fake.socket.acks.filter((a) => a.envelope_id === first.envelope_id)).toHaveLength(2);
  });

  it("lets an in-flight reply finish on stop(), then closes the connection", async () => {
    h = await createSlackHarness({ mode: "socket" });
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let entered!: () => void;
    const started = new Promise<void>((resolve) => (entered = resolve));
    const original = h.app.dispatcher.handle.bind(h.app.dispatcher);
    (h.app.dispatcher as { handle: unknown }).handle = async (incoming: Parameters<typeof original>[0]): Promise<Reply> => {
      entered();
      await gate;
      return original(incoming);
    };
    const { responseUrl } = await h.command("kit jeunes");
    await started;
    let stopped = false;
    const stopping = h.adapter.stop().then(() => (stopped = true));
    // The reply is held: stop() must still be waiting for it.
    await new Promise((resolve) => setImmediate(resolve));
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(h.fake.responsesTo(responseUrl).map((r) => r.status)).toEqual([200]);
    expect(h.adapter.isConnected()).toBe(false);
  });
});

describe("Slack adapter start", () => {
  it("fails with a clear reason when Slack refuses the app token (Socket Mode)", async () => {
    const fake = await FakeSlack.start({ appToken: "xapp-1-A0-the-real-app-token" });
    const app = await createTestApp();
    try {
      const config = loadConfig({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_APP_TOKEN: "xapp-1-A0-wrong-app-token", SLACK_API_URL: fake.apiUrl });
      const adapter = createSlackAdapterWith({ config, inbound: app.inbound, logger: silentLogger }, {});
      const err = await adapter.start().then(
        () => undefined,
        (e: unknown) => e as Error,
      );
      expect(err?.message).toBe("Slack Socket Mode start failed: invalid_auth");
      expect(adapter.isConnected()).toBe(false);
      await adapter.stop();
    } finally {
      await app.close();
      await fake.close();
    }
  });

  it("fails with a clear reason, and no secret, when the token is refused", async () => {
    const fake = await FakeSlack.start({ botToken: "xoxb-the-real-one" });
    const app = await createTestApp();
    try {
      const config = loadConfig({ SLACK_BOT_TOKEN: "xoxb-wrong-token-123456", SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: fake.apiUrl });
      const adapter = createSlackAdapterWith({ config, inbound: app.inbound, logger: silentLogger }, { host: "127.0.0.1", port: 0 });
      const err = await adapter.start().then(
        () => undefined,
        (e: unknown) => e as Error,
      );
      expect(err?.message).toBe("Slack auth.test failed: invalid_auth");
      expect(adapter.isConnected()).toBe(false);
      await adapter.stop();
    } finally {
      await app.close();
      await fake.close();
    }
  });
});
