/**
 * Files that come with a reply, through the real Bolt app and files.uploadV2 against the fake
 * Slack (getUploadURLExternal, the bytes to the upload URL, completeUploadExternal): a
 * private reply's file goes to the user's DM, never to the channel; a public reply's file to
 * its channel; a refused upload is told to the user, the text reply stays.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { webApi } from "@slack/bolt";
import { translator } from "../../src/core/i18n/catalogue.js";
import { message } from "../../src/core/reply.js";
import { silentLogger } from "../../src/core/logger.js";
import { uploadReplyFiles } from "../../src/platforms/slack/files.js";
import { BOT_TOKEN } from "../fakes/slack/server.js";
import { CHANNEL, USERS, createSlackHarness, textOf, type SlackHarness } from "../fakes/slack/harness.js";

const fr = translator("fr");

describe("Slack: files of a reply", () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await createSlackHarness({ mode: "http" });
  });
  afterAll(async () => {
    await h?.close();
  });

  it("moi export: the JSON file goes to the user's DM, and the reply says so", async () => {
    const { responseUrl } = await h.command("moi export");
    await h.fake.response(responseUrl);
    expect(await h.adapter.whenIdle(10_000)).toBe(true);
    const files = [...h.fake.api.files.values()];
    expect(files).toHaveLength(1);
    const file = files[0]!;
    expect(file.channel).toBe(`D${USERS.fr!.id.slice(1)}`);
    expect(file.channel).not.toBe(CHANNEL);
    expect(file.filename).toMatch(/\.json$/);
    const data = JSON.parse(file.data!.toString("utf8"));
    expect(JSON.stringify(data)).toContain(USERS.fr!.real_name);
    const texts = h.fake.responsesTo(responseUrl).map((p) => textOf(p.body)).join("\n");
    expect(texts).toContain(fr("files.sentPrivately", { names: file.filename }));
  });

  it("a refused upload is told in the user's language; the reply itself was delivered", async () => {
    h.fake.failNext("files.getUploadURLExternal", { error: "missing_scope" });
    const before = h.fake.api.files.size;
    const { responseUrl } = await h.command("moi export", USERS.de!);
    await h.fake.response(responseUrl);
    expect(await h.adapter.whenIdle(10_000)).toBe(true);
    expect(h.fake.api.files.size).toBe(before);
    const posts = h.fake.responsesTo(responseUrl).filter((p) => p.status === 200);
    expect(posts.length).toBeGreaterThanOrEqual(2);
    // The file's name varies (date, person): the words around it must all be there.
    const [before_, after_] = translator("de")("files.failed", { names: "\u0000" }).split("\u0000");
    const last = textOf(posts.at(-1)!.body);
    expect(last).toContain(before_!);
    expect(last).toContain(after_!.trim());
    expect(last).toMatch(/\.json/);
  });

  it("a public reply's file is shared in its channel", async () => {
    const client = new webApi.WebClient(BOT_TOKEN, { slackApiUrl: h.fake.apiUrl, retryConfig: { retries: 0 } });
    const told: string[] = [];
    const reply = { ...message("fr", "Agenda", "channel"), files: [{ name: "agenda.ics", contentType: "text/calendar", data: "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n" }] };
    await uploadReplyFiles({ client, logger: silentLogger, userId: USERS.fr!.id, channelId: CHANNEL, tell: async (t) => void told.push(t) }, reply);
    const shared = [...h.fake.api.files.values()].find((f) => f.filename === "agenda.ics");
    expect(shared?.channel).toBe(CHANNEL);
    expect(shared?.data?.toString("utf8")).toBe("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n");
    expect(told).toEqual([]);
  });
});
