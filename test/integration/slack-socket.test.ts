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
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe("Slack Socket Mode connection", () => {
  it("reconnects after Slack's disconnect message and answers the next command", async () => {
    h = await createSlackHarness({ mode: "socket" });
    const first = await h.command("kit jeunes");
    await h.fake.response(first.responseUrl);
    expect(h.adapter.isConnected()).toBe(true);
    h.fake.socket.disconnect();
    const [, second] = await h.fake.socket.connections.atLeast(2);
    expect(second!.ticket).toBe("2");
    expect(h.fake.calls.filter((c) => c.method === "apps.connections.open")).toHaveLength(2);
    const next = await h.command("aide");
    expect(next.ack.status).toBe(200);
    expect(textOf((await h.fake.response(next.responseUrl)).body)).toContain("/cdce kit");
  });

  it("reconnects after the connection drops without notice", async () => {
    h = await createSlackHarness({ mode: "socket" });
    h.fake.socket.current().terminate();
    await h.fake.socket.connections.atLeast(2);
    const next = await h.command("kit affiche");
    await h.fake.response(next.responseUrl);
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
      const adapter = createSlackAdapterWith({ config, dispatcher: app.dispatcher, services: app.services, logger: silentLogger }, {});
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
      const adapter = createSlackAdapterWith({ config, dispatcher: app.dispatcher, services: app.services, logger: silentLogger }, { host: "127.0.0.1", port: 0 });
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
