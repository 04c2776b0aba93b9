/**
 * One Slack test world: the fake Slack, a real app over a temp SQLite database, and the
 * real Slack adapter (Bolt) in HTTP or Socket Mode, wired together on 127.0.0.1. The same
 * helpers drive both modes (`command`, `click`, `submit`), so each scenario runs twice.
 */
import { loadConfig } from "../../../src/config.js";
import { ensureMembership, resolveActor } from "../../../src/core/identity.js";
import { silentLogger, type Logger } from "../../../src/core/logger.js";
import type { Role } from "../../../src/core/types.js";
import { createSlackAdapterWith, type SlackAdapter } from "../../../src/platforms/slack/index.js";
import { createTestApp, type TestApp } from "../../helpers/test-app.js";
import { APP_TOKEN, BOT_TOKEN, FakeSlack, SIGNING_SECRET, TEAM_ID } from "./server.js";
import { formBody, interactiveBody, postSigned } from "./signing.js";
import { eventCallback, notDelivered } from "./events.js";
import { buildManifest } from "../../../src/platforms/slack/manifest.js";
import type { FakeUser } from "./web-api.js";

export type Mode = "http" | "socket";

/** Users of the fake workspace, one per language, as users.info reports them. */
export const USERS: Record<string, FakeUser> = {
  fr: { id: "U0FRANCOISE", name: "francoise", real_name: "Françoise Dupont", tz: "Europe/Brussels", locale: "fr-FR" },
  de: { id: "U0DIETER", name: "dieter", real_name: "Dieter Schmitz", tz: "Europe/Berlin", locale: "de-DE" },
  nl: { id: "U0NELE", name: "nele", real_name: "Nele Peeters", tz: "Europe/Brussels", locale: "nl-BE" },
  en: { id: "U0EMMA", name: "emma", real_name: "Emma Jones", tz: "Europe/London", locale: "en-GB" },
};
export const CHANNEL = "C0NAMUR";

export interface AckResult {
  /** HTTP status of the ack (Socket Mode: 200 once acked). */
  status: number;
  /** The ack's body / payload (response_action for modals), if any. */
  body?: Record<string, any>;
}

export interface SlackHarness {
  mode: Mode;
  fake: FakeSlack;
  app: TestApp;
  adapter: SlackAdapter;
  /** `/cdce <text>` typed by `user` in `channel`. */
  command(text: string, user?: FakeUser, channel?: string): Promise<{ ack: AckResult; responseUrl: string }>;
  /** A click on a button (its `value` and `action_id`) of a message in `channel`; `at`: when Slack stamps it (`action_ts`). */
  click(button: { value: string; action_id: string }, user?: FakeUser, channel?: string, at?: Date): Promise<{ ack: AckResult; responseUrl: string }>;
  /** Submits an opened modal with these field values. */
  submit(view: any, values: Record<string, string>, user?: FakeUser): Promise<AckResult>;
  /**
   * Submits an opened modal whose file inputs got these files (block_id -> files): Slack
   * uploads each and puts its file object in `state.values[block][action].files`.
   */
  submitFiles(view: any, files: Record<string, Array<{ name: string; data: Buffer; mimetype?: string }>>, user?: FakeUser): Promise<AckResult>;
  /**
   * An Events API event (test/fakes/slack/events.ts builds them), wrapped in its
   * `event_callback` and delivered as Slack does: only when the app subscribes to it and
   * holds its scope (per the manifest the bot generates); otherwise `delivered` is false.
   */
  event(event: Record<string, unknown>): Promise<AckResult & { delivered: boolean; reason?: string; payload: Record<string, any> }>;
  /** `user` opens the app's Home tab (or its Messages tab): the signed `app_home_opened` event. */
  openHome(user?: FakeUser, tab?: "home" | "messages"): Promise<AckResult>;
  /** A global shortcut (`type: shortcut`), chosen by `user` from the shortcuts menu. */
  shortcut(callbackId: string, user?: FakeUser): Promise<AckResult>;
  /** A message shortcut (`type: message_action`) used by `user` on `message` of `channel`. */
  messageShortcut(callbackId: string, message: { ts: string; text?: string; user: string }, user?: FakeUser, channel?: string): Promise<{ ack: AckResult; responseUrl: string }>;
  /** Gives a user a role (the core's own set-up path), creating the person if needed. */
  grant(user: FakeUser, role: Role, communeId?: string | null): Promise<void>;
  close(): Promise<void>;
}

export async function createSlackHarness(o: { mode: Mode; logger?: Logger; submitDeadlineMs?: number; publicUrl?: string }): Promise<SlackHarness> {
  const logger = o.logger ?? silentLogger;
  const fake = await FakeSlack.start();
  for (const u of Object.values(USERS)) fake.api.users.set(u.id, u);
  const app = await createTestApp({ logger, publicUrl: o.publicUrl });
  const env: Record<string, string> = { SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_API_URL: fake.apiUrl };
  if (o.mode === "socket") env.SLACK_APP_TOKEN = APP_TOKEN;
  else env.SLACK_SIGNING_SECRET = SIGNING_SECRET;
  const config = loadConfig(env);
  const adapter = createSlackAdapterWith(
    { config, inbound: app.inbound, logger },
    {
      host: "127.0.0.1",
      port: 0,
      // A Socket Mode connection is declared dead after this long without a pong (then
      // replaced at once): 3 s keeps the drop tests short without missing pongs when the
      // machine is busy.
      clientPingTimeoutMs: 3000,
      submitDeadlineMs: o.submitDeadlineMs,
    },
  );
  try {
    await adapter.start();
  } catch (err) {
    await app.close();
    await fake.close();
    throw err;
  }
  /** A view_submission of `view` with this `state`, as Slack sends it. */
  function submitState(view: any, state: Record<string, unknown>, user: FakeUser): Promise<AckResult> {
    const payload = {
      type: "view_submission",
      team: { id: TEAM_ID, domain: "cdce" },
      user: { id: user.id, username: user.name, name: user.name, team_id: TEAM_ID },
      api_app_id: "A0CDCE",
      token: "deprecated-verification-token",
      trigger_id: fake.api.newTrigger(user.id),
      view: { ...view, state },
      response_urls: [],
      is_enterprise_install: false,
      enterprise: null,
    };
    return deliverPayload("interactive", payload, interactiveBody(payload));
  }
  const eventsUrl = () => `http://127.0.0.1:${adapter.port()}/slack/events`;

  // An app created from the bot's own manifest: these are the events Slack will send it.
  const manifest = buildManifest(app.dispatcher.registry, { variant: o.mode }) as { settings: { event_subscriptions?: { bot_events?: string[] } } };
  const subscribed = new Set(manifest.settings.event_subscriptions?.bot_events ?? []);

  async function deliverPayload(kind: "slash_commands" | "interactive" | "events_api", payload: Record<string, any>, body: string, contentType?: string): Promise<AckResult> {
    if (o.mode === "socket") {
      const ack = await fake.socket.send(kind, payload);
      return { status: 200, body: ack.payload && Object.keys(ack.payload).length ? ack.payload : undefined };
    }
    // The Events API posts JSON; slash commands and interactivity are forms.
    const answer = await postSigned(eventsUrl(), body, { secret: SIGNING_SECRET, contentType: contentType ?? (kind === "events_api" ? "application/json" : undefined) });
    return { status: answer.status, body: answer.body ? (JSON.parse(answer.body) as Record<string, any>) : undefined };
  }

  /** What every shortcut payload carries (https://docs.slack.dev/reference/interaction-payloads/shortcuts-interaction-payload). */
  const shortcutBase = (type: "shortcut" | "message_action", callbackId: string, user: FakeUser) => ({
    type,
    token: "deprecated-verification-token",
    action_ts: (Date.now() / 1000).toFixed(6),
    team: { id: TEAM_ID, domain: "cdce" },
    user: { id: user.id, username: user.name, name: user.name, team_id: TEAM_ID },
    is_enterprise_install: false,
    enterprise: null,
    callback_id: callbackId,
    trigger_id: fake.api.newTrigger(user.id),
  });

  return {
    mode: o.mode,
    fake,
    app,
    adapter,
    async command(text, user = USERS.fr!, channel = CHANNEL) {
      const responseUrl = fake.newResponseUrl();
      const fields = {
        token: "deprecated-verification-token",
        team_id: TEAM_ID,
        team_domain: "cdce",
        channel_id: channel,
        channel_name: "namur-copil",
        user_id: user.id,
        user_name: user.name,
        command: "/cdce",
        text,
        api_app_id: "A0CDCE",
        is_enterprise_install: "false",
        response_url: responseUrl,
        trigger_id: fake.api.newTrigger(user.id),
      };
      return { ack: await deliverPayload("slash_commands", fields, formBody(fields)), responseUrl };
    },
    async click(button, user = USERS.fr!, channel = CHANNEL, at?: Date) {
      const responseUrl = fake.newResponseUrl();
      const payload = {
        type: "block_actions",
        user: { id: user.id, username: user.name, name: user.name, team_id: TEAM_ID },
        api_app_id: "A0CDCE",
        token: "deprecated-verification-token",
        container: { type: "message", message_ts: "1764410000.000100", channel_id: channel, is_ephemeral: true },
        trigger_id: fake.api.newTrigger(user.id),
        team: { id: TEAM_ID, domain: "cdce" },
        enterprise: null,
        is_enterprise_install: false,
        channel: { id: channel, name: "namur-copil" },
        state: { values: {} },
        response_url: responseUrl,
        actions: [{ action_id: button.action_id, block_id: "b1", text: { type: "plain_text", text: "…" }, value: button.value, type: "button", action_ts: at ? (at.getTime() / 1000).toFixed(6) : "1764410001.000200" }],
      };
      return { ack: await deliverPayload("interactive", payload, interactiveBody(payload)), responseUrl };
    },
    async submitFiles(view, files, user = USERS.fr!) {
      const values: Record<string, Record<string, unknown>> = {};
      for (const block of view.blocks ?? []) {
        if (block.element?.type !== "file_input") continue;
        const picked = (files[block.block_id] ?? []).map((f) => fake.api.userUpload(user.id, f.name, f.data, f.mimetype));
        values[block.block_id] = { [block.element.action_id]: { type: "file_input", files: picked } };
      }
      return submitState(view, { values }, user);
    },
    async submit(view, values, user = USERS.fr!) {
      const state = { values: Object.fromEntries(Object.entries(values).map(([k, v]) => [k, { value: { type: "plain_text_input", value: v } }])) };
      return submitState(view, state, user);
    },
    async event(event) {
      const payload = eventCallback(event);
      const reason = notDelivered(event as { type: string; channel_type?: string }, subscribed, fake.api.scopes);
      if (reason) return { status: 0, delivered: false, reason, payload };
      const ack = await deliverPayload("events_api", payload, JSON.stringify(payload), "application/json");
      return { ...ack, delivered: true, payload };
    },
    async openHome(user = USERS.fr!, tab = "home") {
      const body = fake.appHomeOpened(user.id, tab);
      return deliverPayload("events_api", body, JSON.stringify(body));
    },
    async shortcut(callbackId, user = USERS.fr!) {
      const payload = shortcutBase("shortcut", callbackId, user);
      return deliverPayload("interactive", payload, interactiveBody(payload));
    },
    async messageShortcut(callbackId, message, user = USERS.fr!, channel = CHANNEL) {
      const responseUrl = fake.newResponseUrl();
      // Only message shortcuts carry the channel, the message and a response_url.
      const payload = {
        ...shortcutBase("message_action", callbackId, user),
        channel: { id: channel, name: "namur-copil" },
        message_ts: message.ts,
        message: { type: "message", user: message.user, ts: message.ts, text: message.text ?? "" },
        response_url: responseUrl,
      };
      return { ack: await deliverPayload("interactive", payload, interactiveBody(payload)), responseUrl };
    },
    async grant(user, role, communeId = null) {
      const now = app.services.clock();
      const actor = await resolveActor({ platform: "slack", workspaceId: TEAM_ID, userId: user.id, userName: user.name }, app.services.repos, now);
      await ensureMembership(app.services.repos, actor.personId, role, communeId, now);
    },
    async close() {
      await adapter.stop();
      await app.close();
      await fake.close();
    },
  };
}

/** Every visible text of a posted message (blocks and fallback), for assertions. */
export function textOf(message: { text?: string; blocks?: any[] }): string {
  const parts: string[] = [message.text ?? ""];
  for (const b of message.blocks ?? []) {
    if (b.text?.text) parts.push(b.text.text);
    for (const f of b.fields ?? []) parts.push(f.text);
    for (const e of b.elements ?? []) parts.push(e.text?.text ?? e.text ?? "");
  }
  return parts.join("\n");
}

/** The buttons of a posted message. */
export function buttonsOf(message: { blocks?: any[] }): Array<{ value: string; action_id: string; label: string }> {
  return (message.blocks ?? [])
    .filter((b) => b.type === "actions")
    .flatMap((b) => b.elements.map((e: any) => ({ value: e.value, action_id: e.action_id, label: e.text.text })));
}
