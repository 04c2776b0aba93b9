/**
 * Writing to the bot in plain language on Slack, through the real Bolt app against the fake
 * Slack in both modes (signed JSON event_callback over HTTP, events_api envelopes over
 * Socket Mode): a DM (message.im) is answered in the DM, a mention (app_mention) ephemerally
 * to the person in the channel, without the bot's mention in what the front door reads;
 * bots (ourselves included), edits and redeliveries are never answered.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { translator } from "../../src/core/i18n/catalogue.js";
import type { ApiCall } from "../fakes/slack/server.js";
import { BOT_ID, BOT_USER_ID } from "../fakes/slack/web-api.js";
import { directMessage, mention, nextTs } from "../fakes/slack/events.js";
import { CHANNEL, USERS, buttonsOf, createSlackHarness, textOf, type Mode, type SlackHarness } from "../fakes/slack/harness.js";

const isPost = (c: ApiCall) => c.method === "chat.postMessage" || c.method === "chat.postEphemeral";

describe.each<Mode>(["http", "socket"])("Slack plain-language front door in %s mode", (mode) => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await createSlackHarness({ mode });
  });
  afterAll(async () => {
    await h?.close();
  });

  /** Sends `event`, then returns the posts the bot made for it. */
  async function answerTo(event: Record<string, unknown>): Promise<ApiCall[]> {
    const before = h.fake.calls.filter(isPost).length;
    const ack = await h.event(event);
    expect(ack.delivered, ack.reason).toBe(true);
    expect(ack.status).toBe(200);
    await h.fake.calls.next(isPost, { skip: before });
    expect(await h.adapter.whenIdle(10_000)).toBe(true);
    return h.fake.calls.filter(isPost).slice(before);
  }

  it("answers a DM in the DM, in the language it was written in, with kits and the closest commands", async () => {
    const posts = await answerTo(directMessage(USERS.fr!.id, "je cherche une affiche pour les jeunes"));
    expect(posts).toHaveLength(1);
    const [post] = posts;
    expect(post!.ok).toBe(true);
    expect(post!.method).toBe("chat.postMessage");
    expect(post!.args.channel).toBe(`D${USERS.fr!.id.slice(1)}`);
    expect(textOf(post!.args)).toContain(translator("fr")("door.kits"));
    expect(textOf(post!.args)).toMatch(/affiche/i);
    expect(buttonsOf(post!.args).map((b) => b.label)).toContain("Trouver un kit ou un outil de campagne");
  });

  it("answers a mention ephemerally to the person, in the channel, reading the words without the bot's mention", async () => {
    const posts = await answerTo(mention(USERS.en!.id, CHANNEL, "how do I change my language?"));
    expect(posts.map((p) => p.method)).toEqual(["chat.postEphemeral"]);
    expect(posts[0]!.args).toMatchObject({ channel: CHANNEL, user: USERS.en!.id });
    expect(buttonsOf(posts[0]!.args).map((b) => b.label)).toContain("Choose the language of my replies");
    // The kit button runs the search with the person's words, and only theirs.
    const [search] = await answerTo(mention(USERS.fr!.id, CHANNEL, "une affiche pour les jeunes"));
    const kit = buttonsOf(search!.args).find((b) => b.label === "Trouver un kit ou un outil de campagne");
    expect(kit?.value).toMatch(/affiche/);
    expect(kit!.value.toLowerCase()).not.toContain(BOT_USER_ID.toLowerCase());
  });

  it("never answers a bot (itself included), an edit, or the same message delivered twice", async () => {
    const before = h.fake.calls.filter(isPost).length;
    const dm = `D${USERS.de!.id.slice(1)}`;
    // Our own post in the DM comes back as message.im with our bot_id; another bot; an edit.
    for (const event of [
      { ...directMessage(BOT_USER_ID, "Hallo"), channel: dm, bot_id: BOT_ID },
      { ...directMessage("U0OTHERBOT", "wann ist das nächste Webinar?"), channel: dm, bot_id: "B0OTHER" },
      { ...directMessage(USERS.de!.id, "wann ist das nächste Webinar?"), subtype: "message_changed" },
      { ...mention(USERS.de!.id, CHANNEL, "webinar"), bot_id: "B0OTHER" },
    ]) {
      const ack = await h.event(event);
      expect(ack.delivered, ack.reason).toBe(true);
    }
    // Then a person's message, delivered twice (Slack retries a late ack): one answer only.
    const ts = nextTs();
    const real = { ...directMessage(USERS.de!.id, "wann ist das nächste Webinar?"), ts };
    await h.event(real);
    await h.fake.calls.next(isPost, { skip: before });
    await h.event(real);
    expect(await h.adapter.whenIdle(10_000)).toBe(true);
    const posts = h.fake.calls.filter(isPost).slice(before);
    expect(posts).toHaveLength(1);
    expect(posts[0]!.args.channel).toBe(dm);
    expect(buttonsOf(posts[0]!.args).map((b) => b.label)).toContain("Die nächsten Webinare und Schulungen des Netzwerks");
  });

  it("is sent only the events the manifest subscribes to, with their scopes", async () => {
    const channelMessage = { type: "message", channel: CHANNEL, channel_type: "channel", user: USERS.fr!.id, text: "bonjour" };
    const ack = await h.event(channelMessage);
    expect(ack).toMatchObject({ delivered: false, reason: "not subscribed to message.channels" });
    h.fake.api.scopes.delete("app_mentions:read");
    try {
      expect(await h.event(mention(USERS.fr!.id, CHANNEL, "kit"))).toMatchObject({ delivered: false, reason: "app_mention needs the app_mentions:read scope" });
    } finally {
      h.fake.api.scopes.add("app_mentions:read");
    }
  });
});
