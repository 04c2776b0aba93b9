/**
 * Writing to the bot in plain language on Discord, through the real discord.js client
 * against the fake Discord, which sends MESSAGE_CREATE as Discord does for the client's
 * intents (content only in DMs, in messages that mention the bot, or with the privileged
 * MessageContent intent, which the bot does not ask for): a DM and a mention are answered by
 * a reply to the message; other messages, bots (ourselves included) and system messages never.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { translator } from "../../src/core/i18n/catalogue.js";
import { INTENTS } from "../fakes/discord/fake-discord.js";
import { startDiscordHarness, type DiscordHarness } from "../fakes/discord/harness.js";
import { buttonsOf, sendClick, textOf } from "../fakes/discord/interactions.js";
import type { FakeMessage } from "../fakes/discord/model.js";

let h: DiscordHarness;
beforeAll(async () => {
  h = await startDiscordHarness();
});
afterAll(async () => {
  await h?.close();
});

const AMELIE = { userId: "600000000000000001", username: "amelie" };
const JONAS = { userId: "600000000000000002", username: "jonas" };

/** The bot's replies to `message`, once it has finished answering. */
async function repliesTo(message: FakeMessage): Promise<FakeMessage[]> {
  await h.fake.waitUntil(() => h.fake.repliesTo(message).length > 0, `a reply to ${message.id}`);
  expect(await h.adapter.whenIdle(10_000)).toBe(true);
  return h.fake.repliesTo(message);
}

describe("Discord plain-language front door", () => {
  it("asks for no privileged intent: messages but not their content", () => {
    const intents = Number(h.fake.gateway.lastIdentify?.intents);
    expect(intents & INTENTS.GuildMessages).toBe(INTENTS.GuildMessages);
    expect(intents & INTENTS.DirectMessages).toBe(INTENTS.DirectMessages);
    expect(intents & INTENTS.MessageContent).toBe(0);
  });

  it("answers a DM by a reply in the DM: kits at once, the kit search as a button that runs it", async () => {
    const { message, delivered } = h.fake.write({ author: AMELIE, content: "je cherche une affiche pour les jeunes", dm: true });
    expect(delivered).toBe(true);
    const [reply] = await repliesTo(message);
    expect(reply!.channel_id).toBe(h.fake.openDm(AMELIE.userId).id);
    expect(reply!.type).toBe(19);
    expect(textOf(reply!)).toContain(translator("fr")("door.kits"));
    expect(textOf(reply!)).toMatch(/affiche/i);
    const kit = buttonsOf(reply!).find((b) => b.label === "Trouver un kit ou un outil de campagne");
    expect(kit).toBeDefined();
    const clicked = await h.fake.waitForAnswer(sendClick(h.fake, reply!, kit!.custom_id, { ...AMELIE, dm: true, locale: "fr" }));
    expect(textOf(clicked.message!)).toMatch(/affiche/i);
  });

  it("answers a mention in a channel, reading the words without the mention", async () => {
    const { message, delivered } = h.fake.write({ author: JONAS, content: "how do I change my language?", mentionBot: true });
    expect(delivered).toBe(true);
    const replies = await repliesTo(message);
    expect(replies[0]!.channel_id).toBe(h.fake.channel("general").id);
    expect(replies.flatMap((r) => buttonsOf(r).map((b) => b.label))).toContain("Choose the language of my replies");
    // Nobody is pinged by the answer.
    expect(replies[0]!.mentions).toEqual([]);
    // The kit search runs with the person's words, and only theirs (the button holds its line).
    const [search] = await repliesTo(h.fake.write({ author: JONAS, content: "une affiche pour les jeunes", mentionBot: true }).message);
    const kit = buttonsOf(search!).find((b) => b.label === "Trouver un kit ou un outil de campagne");
    expect(kit?.custom_id).toMatch(/^c:kit .*affiche/);
    expect(kit!.custom_id).not.toContain(h.fake.bot.id);
  });

  it("never answers a message that does not mention it (no content without the privileged intent), nor a bot, nor itself", async () => {
    const general = h.fake.channel("general");
    const before = general.messages.length;
    const plain = h.fake.write({ author: JONAS, content: "wann ist das nächste Webinar?" });
    // Sent (GuildMessages), but without its text, as Discord does without MessageContent.
    expect(plain.delivered).toBe(true);
    h.fake.write({ author: { userId: "600000000000000099", username: "otherbot" }, content: "webinar", mentionBot: true, bot: true });
    h.fake.write({ author: { userId: h.fake.bot.id, username: "CDCE" }, content: "webinar", mentionBot: true, bot: true });
    // A person's mention afterwards is answered: the earlier ones were passed over, not pending.
    const { message } = h.fake.write({ author: JONAS, content: "wann ist das nächste Webinar?", mentionBot: true });
    const [reply] = await repliesTo(message);
    expect(buttonsOf(reply!).map((b) => b.label)).toContain("Die nächsten Webinare und Schulungen des Netzwerks");
    const fromBot = general.messages.slice(before).filter((m) => (m.author as { id: string }).id === h.fake.bot.id && m.type === 19);
    expect(fromBot.map((m) => (m.message_reference as { message_id: string }).message_id)).toEqual([message.id]);
  });

  it("the fake sends MESSAGE_CREATE only for the intents the client identified with", () => {
    const identified = h.fake.gateway.lastIdentify!;
    h.fake.gateway.lastIdentify = { ...identified, intents: INTENTS.Guilds };
    try {
      expect(h.fake.write({ author: AMELIE, content: "bonjour", dm: true }).delivered).toBe(false);
      expect(h.fake.write({ author: AMELIE, content: "bonjour", mentionBot: true }).delivered).toBe(false);
    } finally {
      h.fake.gateway.lastIdentify = identified;
    }
  });
});
