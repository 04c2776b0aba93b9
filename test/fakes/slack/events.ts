/**
 * The Events API side of the fake Slack, as Slack documents it
 * (docs.slack.dev/apis/events-api, reference/events/app_mention and message.im): an event
 * goes out wrapped in an `event_callback` (token, team_id, api_app_id, event, event_id,
 * event_time, authorizations), as a signed JSON POST to the request URL in HTTP mode or as
 * the payload of an `events_api` envelope in Socket Mode. Slack sends an event only when the
 * app subscribes to it (the manifest's bot_events) and holds its scope; otherwise nothing
 * arrives at all.
 */
import { TEAM_ID } from "./server.js";
import { BOT_USER_ID } from "./web-api.js";

/** The scope each bot event needs, per its page in Slack's events reference. */
export const EVENT_SCOPES: Record<string, string | undefined> = {
  "message.im": "im:history",
  "message.channels": "channels:history",
  "message.groups": "groups:history",
  app_mention: "app_mentions:read",
  app_home_opened: undefined,
};

/** The subscription name of an event (`message` events are subscribed per kind of conversation). */
export function subscriptionOf(event: { type: string; channel_type?: string }): string {
  if (event.type !== "message") return event.type;
  const kind = event.channel_type === "im" ? "im" : event.channel_type === "group" ? "groups" : event.channel_type === "mpim" ? "mpim" : "channels";
  return `message.${kind}`;
}

/** Why Slack would not send `event` to this app, or undefined when it would. */
export function notDelivered(event: { type: string; channel_type?: string }, subscribed: ReadonlySet<string>, scopes: ReadonlySet<string>): string | undefined {
  const name = subscriptionOf(event);
  if (!subscribed.has(name)) return `not subscribed to ${name}`;
  const scope = EVENT_SCOPES[name];
  if (scope && !scopes.has(scope)) return `${name} needs the ${scope} scope`;
  return undefined;
}

let seq = 0;
/** Slack's clock for event stamps, in seconds (each event a little later). */
let clock = 1_764_420_000;

/** The `ts` Slack gives a new message. */
export function nextTs(): string {
  clock += 1;
  return `${clock}.${String(++seq).padStart(6, "0")}`;
}

/** The `event_callback` wrapper around one event. */
export function eventCallback(event: Record<string, unknown>): Record<string, unknown> {
  const ts = String(event.ts ?? nextTs());
  return {
    token: "deprecated-verification-token",
    team_id: TEAM_ID,
    api_app_id: "A0CDCE",
    event: { ...event, ts, event_ts: String(event.event_ts ?? ts) },
    type: "event_callback",
    event_id: `Ev0CDCE${String(++seq).padStart(6, "0")}`,
    event_time: Math.floor(Number(ts)),
    authorizations: [{ enterprise_id: null, team_id: TEAM_ID, user_id: BOT_USER_ID, is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
    event_context: `4-eyJldCI6Im1lc3NhZ2UiLCJ0aWQiOiJUMENEQ0UifQ-${seq}`,
  };
}

/** A person's message in their DM with the bot (message.im). */
export function directMessage(user: string, text: string): Record<string, unknown> {
  return { type: "message", channel: `D${user.slice(1)}`, channel_type: "im", user, text, team: TEAM_ID, blocks: [richText(text)] };
}

/** A message that mentions the bot in a channel (app_mention): `<@BOT>` in its text. */
export function mention(user: string, channel: string, text: string): Record<string, unknown> {
  const full = `<@${BOT_USER_ID}> ${text}`;
  return { type: "app_mention", channel, user, text: full, team: TEAM_ID, blocks: [richText(full)] };
}

function richText(text: string) {
  return { type: "rich_text", block_id: "rt0", elements: [{ type: "rich_text_section", elements: [{ type: "text", text }] }] };
}
