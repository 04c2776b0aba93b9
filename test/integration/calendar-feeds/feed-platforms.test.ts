/**
 * `/cdce agenda lien` on the real platforms' SDKs against the fakes: the private address comes
 * back only to the person who asked (Slack `response_type: ephemeral`, Discord flag 64), it
 * opens their feed, and neither platform's logs carry the token.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { USERS, createSlackHarness, textOf, type SlackHarness } from "../../fakes/slack/harness.js";
import { startDiscordHarness, type DiscordHarness } from "../../fakes/discord/harness.js";
import { textOf as discordText } from "../../fakes/discord/interactions.js";
import { createTestApp } from "../../helpers/test-app.js";
import { captureLogger } from "../../helpers/capture-logger.js";
import { getFeed, tokenIn } from "../../helpers/feeds.js";

const PUBLIC_URL = "https://cdce.example.be";

describe("Slack: agenda lien", () => {
  let h: SlackHarness;
  const logger = captureLogger();
  beforeAll(async () => {
    h = await createSlackHarness({ mode: "http", publicUrl: PUBLIC_URL, logger });
  });
  afterAll(async () => {
    await h?.close();
  });

  it("answers privately with the address, which opens the person's feed; renewal replaces it", async () => {
    const answer = await h.fake.response((await h.command("agenda lien", USERS.fr)).responseUrl);
    expect(answer.body.response_type).toBe("ephemeral");
    const token = tokenIn(textOf(answer.body))!;
    expect(token).toBeTruthy();
    expect(textOf(answer.body)).toContain(`webcal://cdce.example.be/cal/p/${token}.ics`);
    expect((await getFeed(h.app, `/cal/p/${token}.ics`)).status).toBe(200);

    const renewed = await h.fake.response((await h.command("agenda link renew", USERS.en)).responseUrl);
    expect(renewed.body.response_type).toBe("ephemeral");
    expect(textOf(renewed.body)).toContain("Your private calendar");
    const own = await h.fake.response((await h.command("agenda lien renouveler", USERS.fr)).responseUrl);
    const fresh = tokenIn(textOf(own.body))!;
    expect(fresh).not.toBe(token);
    expect((await getFeed(h.app, `/cal/p/${token}.ics`)).status).toBe(404);
    const logged = JSON.stringify(logger.entries);
    for (const t of [token, fresh]) expect(logged).not.toContain(t);
  });
});

describe("Discord: agenda lien", () => {
  let h: DiscordHarness;
  const logger = captureLogger();
  const WHO = { userId: "400000000000000007", username: "lea", locale: "nl" };
  beforeAll(async () => {
    const app = await createTestApp({ publicUrl: PUBLIC_URL, logger });
    h = await startDiscordHarness({ app, logger });
  }, 30_000);
  afterAll(async () => {
    await h?.close();
    await h?.app.close();
  });

  it("answers with an ephemeral message in the person's language; action renouveler gives a new address", async () => {
    const first = await h.run("agenda lien", {}, WHO);
    expect(first.answer.ephemeral).toBe(true);
    const text = discordText(first.answer.message);
    expect(text).toContain("Je privéagenda");
    const token = tokenIn(text)!;
    expect((await getFeed(h.app, `/cal/p/${token}.ics`)).status).toBe(200);

    const second = await h.run("agenda lien", { action: "renouveler" }, WHO);
    expect(second.answer.ephemeral).toBe(true);
    const fresh = tokenIn(discordText(second.answer.message))!;
    expect(fresh).not.toBe(token);
    expect((await getFeed(h.app, `/cal/p/${token}.ics`)).status).toBe(404);
    expect((await getFeed(h.app, `/cal/p/${fresh}.ics`)).status).toBe(200);
    const logged = JSON.stringify(logger.entries);
    for (const t of [token, fresh]) expect(logged).not.toContain(t);
  });
});
