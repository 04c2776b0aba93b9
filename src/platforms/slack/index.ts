/**
 * The Slack platform (a `ChatPlatform`): a Bolt app in Socket Mode (SLACK_APP_TOKEN set) or
 * HTTP mode (`/slack/events`, SLACK_SIGNING_SECRET), the `/cdce` listeners, the reply path
 * (deliver.ts) and the outbound sender (sender.ts), both rendering through render.ts.
 * The only folder of the service that imports @slack/*.
 */
import { App, HTTPReceiver, webApi } from "@slack/bolt";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { PlatformDeps, PlatformFactory } from "../deps.js";
import type { ChatPlatform } from "../../core/platform.js";
import { boltLogger, scrub } from "./bolt-logger.js";
import { describeSlackError } from "./errors.js";
import { registerListeners } from "./listeners.js";
import { registerConversationListeners } from "./conversation.js";
import { registerHomeListeners } from "./home.js";
import { deliver, openForm, type SlackContext, type SlackVia } from "./deliver.js";
import { createSlackSender } from "./sender.js";
import { SocketModePool } from "./socket-pool.js";
import { InFlight } from "../in-flight.js";
import { UserDirectory } from "./users.js";

/** Tuning that is not configuration: tests shorten the waits, the host is loopback there. */
export interface SlackAdapterOptions {
  /** HTTP mode: overrides HOST, the address to listen on (default every interface). */
  host?: string;
  /** Override SLACK_PORT (0 = any free port, see `port()`). */
  port?: number;
  /** Socket Mode: wait for a pong this long before a connection is declared dead. */
  clientPingTimeoutMs?: number;
  /** Socket Mode: connections held at once (default 2, see socket-pool.ts). */
  socketConnections?: number;
  /** How long users.info answers are reused (default 10 minutes). */
  usersTtlMs?: number;
  /** Web API timeout per call (default 10 s): a stuck call becomes a `transient` failure. */
  apiTimeoutMs?: number;
  /** stop() waits this long for in-flight replies (default 10 s). */
  drainTimeoutMs?: number;
  /** A form submission acks without waiting for the core past this (default 2.5 s). */
  submitDeadlineMs?: number;
}

/** The platform, with what tests and the bench need beyond `ChatPlatform`. */
export interface SlackAdapter extends ChatPlatform<SlackVia> {
  readonly mode: "socket" | "http";
  /** HTTP mode: the port actually listened on (useful with port 0). */
  port(): number | undefined;
  /** HTTP mode: the address and port listened on. */
  address(): AddressInfo | undefined;
  /** Waits until every acked command and click has finished answering; false on timeout. */
  whenIdle(timeoutMs?: number): Promise<boolean>;
}

const SLASH_COMMAND = "/cdce";

/**
 * Builds the Slack adapter. Nothing touches the network until `start()`, which checks the
 * token (auth.test), then listens (HTTP) or connects (Socket Mode). `options` are for tests
 * and benchmarks; main.ts uses `createSlackAdapter`.
 */
export function createSlackAdapterWith(deps: PlatformDeps, options: SlackAdapterOptions = {}): SlackAdapter {
  const { config, inbound } = deps;
  const token = config.SLACK_BOT_TOKEN;
  if (!token) throw new Error("SLACK_BOT_TOKEN is not set");
  const botToken: string = token;
  const mode = config.SLACK_APP_TOKEN ? "socket" : "http";
  if (mode === "http" && !config.SLACK_SIGNING_SECRET) throw new Error("SLACK_SIGNING_SECRET is required in HTTP mode");
  const secrets = [botToken, config.SLACK_APP_TOKEN ?? "", config.SLACK_SIGNING_SECRET ?? ""];
  const logger = deps.logger.child({ platform: "slack", mode });
  const bridge = boltLogger(logger, secrets);
  // Fail fast on 429 and never retry inside the client: the outbox limiter (src/delivery)
  // owns pacing and retries, and a reply must not stall minutes behind a rate limit.
  const clientOptions: webApi.WebClientOptions = {
    slackApiUrl: config.SLACK_API_URL,
    logger: bridge,
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 0 },
    timeout: options.apiTimeoutMs ?? 10_000,
  };
  const client = new webApi.WebClient(botToken, clientOptions);
  let teamId: string | undefined;
  const sender = createSlackSender(client, { teamId: () => teamId });
  const inflight = new InFlight();
  let app: App | undefined;
  let server: Server | undefined;
  let socketPool: SocketModePool | undefined;
  let connected = false;
  // Replies need the Bolt app's client and the user directory: there once started.
  let ctx: SlackContext | undefined;
  const started = (): SlackContext => {
    if (!ctx) throw new Error("the Slack platform is not started");
    return ctx;
  };

  const track = (work: Promise<unknown>) => inflight.track(work);

  async function start(): Promise<void> {
    // Our own auth.test, before Bolt: a bad token stops the start with a clear reason,
    // where Bolt would cache the failure and then ack every request without answering.
    let auth: webApi.AuthTestResponse;
    try {
      auth = await client.auth.test();
    } catch (err) {
      const info = describeSlackError(err);
      throw new Error(`Slack auth.test failed: ${scrub(info.error ?? info.code, secrets)}`);
    }
    teamId = auth.team_id;
    let receiver: HTTPReceiver | SocketModePool;
    if (mode === "socket") {
      // Several connections at once, so that Slack's routine refresh of one leaves no gap.
      socketPool = new SocketModePool({
        appToken: config.SLACK_APP_TOKEN!,
        boltLogger: bridge,
        logger,
        size: options.socketConnections,
        clientPingTimeoutMs: options.clientPingTimeoutMs,
        slackApiUrl: config.SLACK_API_URL,
      });
      receiver = socketPool;
    } else {
      receiver = new HTTPReceiver({
        signingSecret: config.SLACK_SIGNING_SECRET!,
        endpoints: "/slack/events",
        processBeforeResponse: false,
        logger: bridge,
      });
    }
    app = new App({
      token: botToken,
      receiver,
      logger: bridge,
      clientOptions,
      botId: auth.bot_id,
      botUserId: auth.user_id,
      // Already verified just above.
      tokenVerificationEnabled: false,
      // Bolt's conversation store keeps state per conversation for listeners that ask for it;
      // none does here, and it runs on every request (about 1 ms of CPU per click, profiled).
      convoStore: false,
    });
    app.error(async (err) => {
      logger.error({ error: describeSlackError(err) }, "unhandled error in a Slack listener");
    });
    const users = new UserDirectory(app.client, { logger, ttlMs: options.usersTtlMs });
    inbound.users.register("slack", { lookup: (_workspaceId, userId) => users.whoIs(userId) });
    ctx = { inbound, users, client: app.client, logger, command: SLASH_COMMAND, botToken };
    registerListeners(app, ctx, { track, submitDeadlineMs: options.submitDeadlineMs });
    registerConversationListeners(app, ctx, { track, botUserId: auth.user_id });
    registerHomeListeners(app, ctx, { track });
    try {
      if (mode === "socket") await app.start();
      else {
        const port = options.port ?? config.SLACK_PORT;
        const host = options.host ?? config.HOST;
        server = (await app.start(host ? { port, host } : port)) as Server;
      }
    } catch (err) {
      // A refused app token, a port in use: stop cleanly and say why, without any secret.
      const failed = app;
      app = undefined;
      ctx = undefined;
      await failed.stop().catch(() => undefined);
      const info = describeSlackError(err);
      const reason = info.error ?? (err instanceof Error ? err.message : info.code);
      throw new Error(`Slack ${mode === "socket" ? "Socket Mode" : "HTTP"} start failed: ${scrub(reason, secrets)}`);
    }
    connected = true;
    logger.info({ team: teamId, bot: auth.user_id }, "slack adapter started");
  }

  async function stop(): Promise<void> {
    if (!app) return;
    const current = app;
    app = undefined;
    // In-flight replies first (bounded), then the connection.
    if (!(await inflight.whenIdle(options.drainTimeoutMs ?? 10_000))) logger.warn({ pending: inflight.size }, "slack stopped with answers still in flight");
    connected = false;
    await current.stop().catch((err: unknown) => logger.warn({ error: describeSlackError(err) }, "slack stop failed"));
    server = undefined;
    socketPool = undefined;
    ctx = undefined;
    logger.info({}, "slack adapter stopped");
  }

  const platform: SlackAdapter = {
    name: "slack",
    mode,
    ...sender,
    start,
    stop,
    deliver: (reply, o) => deliver(started(), reply, o),
    openForm: (form, o) => openForm(started(), form, o.target, o.locale),
    isConnected: () => connected && (mode === "socket" ? !!socketPool?.isConnected() : !!server?.listening),
    port: () => (server?.address() as AddressInfo | null)?.port,
    address: () => (server?.address() as AddressInfo | null) ?? undefined,
    whenIdle: (timeoutMs?: number) => inflight.whenIdle(timeoutMs),
  };
  return platform;
}

/** The factory main.ts loads (src/platforms/load.ts). */
export const createSlackAdapter: PlatformFactory = (deps) => createSlackAdapterWith(deps);
