/**
 * HTTP mode's front door: Bolt's receiver must answer 401 to forged, tampered, stale or
 * unsigned requests, before any listener runs. Each case is a real request, signed (or
 * not) as Slack does, against the real adapter; the control case proves the counter works.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SIGNING_SECRET, TEAM_ID } from "../fakes/slack/server.js";
import { CHANNEL, USERS, createSlackHarness, type SlackHarness } from "../fakes/slack/harness.js";
import { formBody, interactiveBody, postRaw, postSigned, signedHeaders } from "../fakes/slack/signing.js";

let h: SlackHarness;
let handled = 0;
let url: string;

function commandBody(responseUrl: string, text = "kit jeunes"): string {
  return formBody({
    team_id: TEAM_ID,
    channel_id: CHANNEL,
    user_id: USERS.fr!.id,
    user_name: USERS.fr!.name,
    command: "/cdce",
    text,
    response_url: responseUrl,
    trigger_id: h.fake.api.newTrigger(USERS.fr!.id),
  });
}

beforeAll(async () => {
  h = await createSlackHarness({ mode: "http" });
  const original = h.app.dispatcher.handle.bind(h.app.dispatcher);
  (h.app.dispatcher as { handle: unknown }).handle = (incoming: Parameters<typeof original>[0]) => {
    handled++;
    return original(incoming);
  };
  url = `http://127.0.0.1:${h.adapter.port()}/slack/events`;
});
afterAll(async () => {
  await h?.close();
});

describe("Slack HTTP request verification", () => {
  it("accepts a correctly signed command (control)", async () => {
    const responseUrl = h.fake.newResponseUrl();
    const before = handled;
    const answer = await postSigned(url, commandBody(responseUrl), { secret: SIGNING_SECRET });
    expect(answer.status).toBe(200);
    await h.fake.response(responseUrl);
    expect(handled).toBe(before + 1);
  });

  const now = () => Math.floor(Date.now() / 1000);
  const cases: Array<[string, (body: string) => Promise<{ status: number }>]> = [
    ["signed with another secret", (body) => postSigned(url, body, { secret: "not-the-secret" })],
    ["a made-up signature", (body) => postSigned(url, body, { secret: SIGNING_SECRET, signature: `v0=${"0".repeat(64)}` })],
    ["an unknown signature version", (body) => postSigned(url, body, { secret: SIGNING_SECRET, signature: "v1=abc" })],
    ["a body changed after signing", (body) => postRaw(url, body.replace("kit+jeunes", "config+canal+retirer"), signedHeaders(body, { secret: SIGNING_SECRET }))],
    ["a timestamp 6 minutes old (correctly signed)", (body) => postSigned(url, body, { secret: SIGNING_SECRET, timestamp: now() - 6 * 60 })],
    ["a timestamp changed after signing", (body) => postRaw(url, body, { ...signedHeaders(body, { secret: SIGNING_SECRET, timestamp: now() - 600 }), "X-Slack-Request-Timestamp": String(now()) })],
    ["no signature header", (body) => postSigned(url, body, { secret: SIGNING_SECRET, omit: ["signature"] })],
    ["no timestamp header", (body) => postSigned(url, body, { secret: SIGNING_SECRET, omit: ["timestamp"] })],
    ["no header at all", (body) => postSigned(url, body, { secret: SIGNING_SECRET, omit: ["signature", "timestamp"] })],
  ];

  it.each(cases)("answers 401 to a command with %s, and runs nothing", async (_name, send) => {
    const responseUrl = h.fake.newResponseUrl();
    const before = handled;
    const answer = await send(commandBody(responseUrl));
    expect(answer.status).toBe(401);
    // A valid command sent afterwards is answered: had the forged one reached the
    // listener, its work would have started first and shown up by now.
    const control = h.fake.newResponseUrl();
    await postSigned(url, commandBody(control, "aide"), { secret: SIGNING_SECRET });
    await h.fake.response(control);
    expect(handled).toBe(before + 1);
    expect(h.fake.responsesTo(responseUrl)).toEqual([]);
  });

  it("answers 401 to a forged button click", async () => {
    const responseUrl = h.fake.newResponseUrl();
    const before = handled;
    const body = interactiveBody({
      type: "block_actions",
      user: { id: USERS.fr!.id, team_id: TEAM_ID },
      team: { id: TEAM_ID },
      channel: { id: CHANNEL },
      response_url: responseUrl,
      trigger_id: "1.2.3",
      actions: [{ action_id: "cdce:btn:0", block_id: "b", type: "button", value: "config canal retirer", action_ts: "1" }],
    });
    const answer = await postSigned(url, body, { secret: "forged" });
    expect(answer.status).toBe(401);
    expect(handled).toBe(before);
    expect(h.fake.responsesTo(responseUrl)).toEqual([]);
  });
});
