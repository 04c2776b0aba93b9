/**
 * A fake Discord on 127.0.0.1 (random port) that speaks the real protocol: REST under
 * `/api/v10` (see rest.ts) and the Gateway WebSocket (see gateway.ts) on the same port.
 * The real discord.js client runs against it. Tests drive it (send interactions, close
 * the gateway, inject 429s) and wait on what the bot did, with timeouts, never sleeps.
 */
import { EventEmitter } from "node:events";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { FakeGateway } from "./gateway.js";
import { guildJson, MANAGE_EVENTS, messageJson, snowflake, user, type FakeChannel, type FakeGuild, type FakeMessage, type FakeUser } from "./model.js";
import { handleRest, type Upload } from "./rest.js";

export interface RecordedRequest {
  method: string;
  /** Path after `/api/v10`, decoded as received (`@original` arrives as `%40original`). */
  path: string;
  rawPath: string;
  query: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
  status: number;
  at: number;
}

export interface InteractionRecord {
  id: string;
  token: string;
  payload: Record<string, unknown>;
  createdAt: number;
  /** `performance.now()` when INTERACTION_CREATE went out, for sub-millisecond latencies. */
  sentAt: number;
  /** `hrAt`: `performance.now()` when the callback had arrived (its last byte), before the fake checked it. */
  callback?: { type: number; data?: Record<string, unknown>; at: number; hrAt: number };
  /** The response message (types 4/5) or, for types 6/7, the clicked component's message. */
  original?: FakeMessage;
  edits: Record<string, unknown>[];
  followups: FakeMessage[];
  /** Calls the API refused (double acknowledgement, invalid body, too late). */
  errors: string[];
}

/** What the user ends up seeing for one interaction. */
export interface Answer {
  callbackType: number;
  ephemeral: boolean;
  message?: FakeMessage;
  followups: FakeMessage[];
  modal?: Record<string, unknown>;
  choices?: { name: string; value: string }[];
}

export interface RateLimitRule {
  method: string;
  path: RegExp;
  retryAfterSeconds: number;
  /** How many matching requests get a 429. */
  times: number;
  /** Send the Retry-After header (Discord always does; a 429 without it is retried at once). */
  header: boolean;
  /**
   * The wait is only in the JSON body (`retry_after`, seconds): no Retry-After and no
   * X-RateLimit-* headers, as some 429s from Discord's edge come. The bucket still holds
   * until then: a retry sooner gets another 429.
   */
  bodyOnly?: boolean;
}

/** Gateway intents (Discord's bit values) that decide which messages a client is sent, and with what. */
export const INTENTS = { Guilds: 1 << 0, GuildMessages: 1 << 9, DirectMessages: 1 << 12, MessageContent: 1 << 15 } as const;

/** A message a person writes, as a test describes it. */
export interface Written {
  author: { userId: string; username: string };
  /** Text as typed (a mention of the bot is added in front when `mentionBot`). */
  content: string;
  /** Where: a guild channel (default "general"), or the person's DM with the bot. */
  channel?: FakeChannel;
  dm?: boolean;
  mentionBot?: boolean;
  /** Another kind of author: a bot (or our own bot user). */
  bot?: boolean;
}

export interface FakeDiscordOptions {
  token?: string;
  applicationId?: string;
  heartbeatIntervalMs?: number;
}

export class FakeDiscord {
  readonly token: string;
  readonly applicationId: string;
  readonly bot: FakeUser;
  readonly guilds: FakeGuild[];
  readonly requests: RecordedRequest[] = [];
  /** Files received with messages (multipart `files[n]` parts), in order. */
  readonly uploads: Upload[] = [];
  /** Bodies of command registrations (PUT), in order, with the path they went to. */
  readonly registrations: { path: string; body: unknown }[] = [];
  readonly interactions = new Map<string, InteractionRecord>();
  readonly rateLimits: RateLimitRule[] = [];
  readonly faults: { method: string; path: RegExp; status: number; times: number }[] = [];
  /**
   * True once the bot's token was reset in the Developer Portal ({@link revokeToken}): every
   * bot-authenticated REST call is answered `401 {"message": "401: Unauthorized", "code": 0}`,
   * as Discord does. Interaction callbacks and webhooks (authenticated by their own token) still work.
   */
  tokenRevoked = false;
  /** Direct-message channels by recipient user id (POST /users/@me/channels). */
  readonly dms = new Map<string, FakeChannel>();
  /** Guild members by user id (username): everyone who sent an interaction, plus those a test adds. */
  readonly members = new Map<string, string>();
  readonly gateway: FakeGateway;
  /**
   * Files uploaded as attachment options, served as Discord's CDN serves them
   * (`/ephemeral-attachments/{channel}/{id}/{name}?ex=…`), by path; `cdnRequests` records the paths fetched.
   */
  readonly cdn = new Map<string, { data: Buffer; contentType: string }>();
  readonly cdnRequests: string[] = [];
  private readonly events = new EventEmitter();
  private port = 0;

  private constructor(
    private readonly server: Server,
    options: FakeDiscordOptions,
  ) {
    this.events.setMaxListeners(1000);
    this.token = options.token ?? "fake-bot-token";
    this.applicationId = options.applicationId ?? snowflake();
    this.bot = user(this.applicationId, "CDCE", true);
    const guildId = snowflake();
    const channel = (name: string, extra: Partial<FakeChannel> = {}): FakeChannel => ({ id: snowflake(), name, guildId, messages: [], ...extra });
    // The bot's own role, as Discord makes it when the bot joins with the invite link's
    // permissions: what @everyone lacks of them (Manage Events, for scheduled events).
    const botRole = snowflake();
    this.guilds = [
      {
        id: guildId,
        name: "CDCE",
        preferredLocale: "fr",
        channels: [channel("general"), channel("coordination"), channel("prive", { noAccess: true })],
        roles: [{ id: botRole, name: "CDCE", permissions: String(MANAGE_EVENTS) }],
        botRoles: [botRole],
        scheduledEvents: [],
      },
    ];
    this.gateway = new FakeGateway(server, () => this.gatewayUrl, {
      token: this.token,
      heartbeatIntervalMs: options.heartbeatIntervalMs ?? 41_250,
      ready: (sessionId, resumeUrl) => ({
        v: 10,
        user: { ...this.bot, verified: true, mfa_enabled: false },
        guilds: this.guilds.map((g) => ({ id: g.id, unavailable: true })),
        session_id: sessionId,
        resume_gateway_url: resumeUrl,
        session_type: "normal",
        shard: [0, 1],
        application: { id: this.applicationId, flags: 0 },
        private_channels: [],
        presences: [],
        relationships: [],
        user_settings: {},
        auth: {},
        geo_ordered_rtc_regions: [],
        guild_join_requests: [],
      }),
      guilds: () => this.guilds.map((g) => guildJson(g, this.bot)),
      emit: (event, detail) => this.changed(event, detail),
    });
    server.on("request", (req, res) => {
      const path = new URL(req.url ?? "/", "http://x").pathname;
      if (path.startsWith("/ephemeral-attachments/")) return this.serveAttachment(path, res);
      void handleRest(this, req, res);
    });
  }

  /**
   * An attachment option's upload, as Discord makes it when the person picks the file: the
   * resolved attachment of the interaction (`data.resolved.attachments[id]`), its file on the CDN.
   */
  attach(channelId: string, name: string, data: Buffer, contentType = "application/octet-stream"): Record<string, unknown> {
    const id = snowflake();
    const path = `/ephemeral-attachments/${channelId}/${id}/${encodeURIComponent(name)}`;
    this.cdn.set(path, { data, contentType });
    const url = `http://127.0.0.1:${this.port}${path}?ex=6a1b2c3d&is=6a1a0000&hm=${id.slice(-8)}`;
    return { id, filename: name, size: data.byteLength, url, proxy_url: url, content_type: contentType, ephemeral: true };
  }

  private serveAttachment(path: string, res: import("node:http").ServerResponse): void {
    this.cdnRequests.push(path);
    const file = this.cdn.get(path);
    if (!file) {
      res.writeHead(404, { "content-type": "text/plain" }).end("Not Found");
      return;
    }
    res.writeHead(200, { "content-type": file.contentType, "content-length": String(file.data.byteLength) }).end(file.data);
  }

  static async start(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
    const server = createServer();
    const fake = new FakeDiscord(server, options);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    fake.port = (server.address() as AddressInfo).port;
    return fake;
  }

  /** The value for DISCORD_API_URL. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}`;
  }

  get guild(): FakeGuild {
    return this.guilds[0]!;
  }

  channel(name = "general"): FakeChannel {
    const c = this.guild.channels.find((ch) => ch.name === name);
    if (!c) throw new Error(`no channel ${name}`);
    return c;
  }

  findChannel(id: string): FakeChannel | undefined {
    return this.guilds.flatMap((g) => g.channels).find((c) => c.id === id) ?? [...this.dms.values()].find((c) => c.id === id);
  }

  /** Signals a change of state: waiters re-check their condition. */
  changed(event = "change", detail?: unknown): void {
    this.events.emit("change", event, detail);
  }

  /** Resolves with `check()`'s first truthy value; rejects after `timeoutMs` naming `label`. */
  waitUntil<T>(check: () => T | undefined | null | false, label: string, timeoutMs = 5000): Promise<T> {
    const first = check();
    if (first) return Promise.resolve(first);
    return new Promise<T>((resolve, reject) => {
      const onChange = () => {
        const v = check();
        if (v) {
          cleanup();
          resolve(v);
        }
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`fake discord: timed out after ${timeoutMs} ms waiting for ${label}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.events.off("change", onChange);
      };
      this.events.on("change", onChange);
    });
  }

  /** Waits for a gateway event (`identify`, `resume`, `heartbeat`, `connection`) after now. */
  nextGatewayEvent(name: string, timeoutMs = 5000): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const onChange = (event: string, detail: unknown) => {
        if (event !== name) return;
        clearTimeout(timer);
        this.events.off("change", onChange);
        resolve(detail ?? true);
      };
      const timer = setTimeout(() => {
        this.events.off("change", onChange);
        reject(new Error(`fake discord: no gateway ${name} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.events.on("change", onChange);
    });
  }

  /** Sends an interaction through the gateway (INTERACTION_CREATE) and records it. */
  /**
   * A person's message (MESSAGE_CREATE), sent as Discord sends it given the intents of the
   * connected client: in a guild channel only with GuildMessages, in a DM only with
   * DirectMessages; its `content` (and embeds, attachments, components) empty unless the
   * client has MessageContent, or it is a DM, or it mentions the bot, or the bot wrote it
   * (Discord's "Message Content Intent" rules). `delivered` is false when it was not sent.
   */
  write(w: Written): { message: FakeMessage; delivered: boolean } {
    const channel = w.dm ? this.openDm(w.author.userId) : (w.channel ?? this.channel("general"));
    const author = w.bot && w.author.userId === this.bot.id ? this.bot : user(w.author.userId, w.author.username, !!w.bot);
    const content = w.mentionBot ? `<@${this.bot.id}> ${w.content}` : w.content;
    const guild = w.dm ? undefined : this.guild;
    const message = messageJson(channel.id, author, { content }, {
      mentions: w.mentionBot ? [this.bot] : [],
      channel_type: w.dm ? 1 : 0,
      ...(guild ? { guild_id: guild.id, member: { roles: [], joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0 } } : {}),
    });
    channel.messages.push(message);
    if (guild && !w.bot) this.members.set(w.author.userId, w.author.username);
    const intents = Number(this.gateway.lastIdentify?.intents ?? 0);
    const wanted = w.dm ? INTENTS.DirectMessages : INTENTS.GuildMessages;
    if ((intents & wanted) === 0) return { message, delivered: false };
    const readable = (intents & INTENTS.MessageContent) !== 0 || w.dm || w.mentionBot || author.id === this.bot.id;
    this.gateway.dispatch("MESSAGE_CREATE", readable ? message : { ...message, content: "", embeds: [], attachments: [], components: [] });
    return { message, delivered: true };
  }

  /** The bot's messages posted in reply to `message` (message_reference), in order. */
  repliesTo(message: FakeMessage): FakeMessage[] {
    const channel = this.findChannel(message.channel_id);
    return (channel?.messages ?? []).filter((m) => (m.message_reference as { message_id?: string } | undefined)?.message_id === message.id);
  }

  /** The token is reset (or the bot deleted): REST calls with it get 401 from now on; `false` restores it. */
  revokeToken(revoked = true): void {
    this.tokenRevoked = revoked;
  }

  interact(payload: Record<string, unknown> & { id: string; token: string }): InteractionRecord {
    const record: InteractionRecord = { id: payload.id, token: payload.token, payload, createdAt: Date.now(), sentAt: 0, edits: [], followups: [], errors: [] };
    this.interactions.set(record.id, record);
    record.sentAt = performance.now();
    this.gateway.dispatch("INTERACTION_CREATE", payload);
    return record;
  }

  /** What the user sees for an interaction, once it is settled (a deferral is not). */
  answerOf(record: InteractionRecord): Answer | undefined {
    const cb = record.callback;
    if (!cb) return undefined;
    const base = { callbackType: cb.type, followups: record.followups };
    switch (cb.type) {
      case 4:
      case 7:
        return { ...base, message: record.original, ephemeral: ((record.original?.flags ?? 0) & 64) !== 0 };
      case 5:
      case 6: {
        const message = record.edits.length ? record.original : record.followups[0];
        if (!message) return undefined;
        return { ...base, message, ephemeral: (message.flags & 64) !== 0 };
      }
      case 8:
        return { ...base, ephemeral: true, choices: (cb.data?.choices ?? []) as Answer["choices"] };
      case 9:
        return { ...base, ephemeral: true, modal: cb.data };
      default:
        return undefined;
    }
  }

  waitForAnswer(record: InteractionRecord, timeoutMs = 5000): Promise<Answer> {
    return this.waitUntil(() => this.answerOf(record), `an answer to interaction ${record.id}`, timeoutMs);
  }

  waitForRequest(match: (r: RecordedRequest) => boolean, label: string, timeoutMs = 5000): Promise<RecordedRequest> {
    return this.waitUntil(() => this.requests.find(match), label, timeoutMs);
  }

  /** The next `times` requests matching get `status` (a 5xx outage, say). */
  failNext(rule: { method?: string; path: RegExp; status: number; times: number }): void {
    this.faults.push({ method: "POST", ...rule });
  }

  /** The DM channel with a user, as Discord opens it: the same one on every call. */
  openDm(recipientId: string): FakeChannel {
    let c = this.dms.get(recipientId);
    if (!c) {
      c = { id: snowflake(), name: `dm-${recipientId}`, guildId: "", messages: [] };
      this.dms.set(recipientId, c);
    }
    return c;
  }

  /** A new text channel of the guild (for tests that need a fresh rate-limit bucket). */
  addChannel(name: string, extra: Partial<FakeChannel> = {}): FakeChannel {
    const c: FakeChannel = { id: snowflake(), name, guildId: this.guild.id, messages: [], ...extra };
    this.guild.channels.push(c);
    return c;
  }

  /** A forum channel (type 15) of the guild, with these tags (`flags` 16: a post needs a tag). */
  addForum(name: string, tags: string[] = [], extra: Partial<FakeChannel> = {}): FakeChannel {
    const availableTags = tags.map((t) => ({ id: snowflake(), name: t, moderated: false, emoji_id: null, emoji_name: null }));
    return this.addChannel(name, { type: 15, availableTags, ...extra });
  }

  /** The threads (forum posts) opened in a channel, oldest first. */
  threadsOf(parentId: string): FakeChannel[] {
    return this.guild.channels.filter((c) => c.type === 11 && c.parentId === parentId);
  }

  /** The next `times` requests matching get a 429. */
  rateLimitNext(rule: Partial<RateLimitRule> & Pick<RateLimitRule, "path">): void {
    this.rateLimits.push({ method: "POST", retryAfterSeconds: 1, times: 1, header: true, ...rule });
  }

  async close(): Promise<void> {
    await this.gateway.shutdown();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
