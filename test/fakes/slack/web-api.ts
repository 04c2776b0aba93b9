/**
 * The Web API methods of the fake Slack, as pure state + answers (no HTTP here): the
 * server turns each answer into a response. Only what the bot uses, but each as Slack does
 * it: token checks, limits, trigger ids, metadata hidden unless asked for, pagination.
 */
import { homeViewProblems, messageProblems, viewProblems } from "./validate.js";
import { BOT_SCOPES } from "../../../src/platforms/slack/manifest.js";

/**
 * The scope each method needs, per Slack's method reference ("Required scopes"); a bot token
 * without it gets `missing_scope` with `needed` and `provided`. History depends on the
 * conversation's kind: public C…, private G…, direct D….
 */
function neededScope(method: string, args: Record<string, any>): string | undefined {
  if (method === "conversations.history") {
    const channel = String(args.channel ?? "");
    return channel.startsWith("D") ? "im:history" : channel.startsWith("G") ? "groups:history" : "channels:history";
  }
  return NEEDS.get(method);
}
const NEEDS = new Map([
  ["chat.postMessage", "chat:write"],
  ["chat.postEphemeral", "chat:write"],
  ["chat.delete", "chat:write"],
  ["users.info", "users:read"],
  ["conversations.open", "im:write"],
  ["files.getUploadURLExternal", "files:write"],
  ["files.completeUploadExternal", "files:write"],
  ["files.info", "files:read"],
]);

export type Failure =
  | { status: 429; retryAfter?: number }
  | { status: 500 | 502 | 503 }
  | { error: string };

export interface Answer {
  status: number;
  body?: unknown;
  retryAfter?: number;
}

export interface FakeUser {
  id: string;
  name: string;
  real_name?: string;
  tz?: string;
  /** Returned only with `include_locale`. */
  locale?: string;
}

export interface StoredMessage {
  ts: string;
  channel: string;
  text?: string;
  blocks?: unknown[];
  metadata?: { event_type: string; event_payload: Record<string, unknown> };
  user: string;
  bot_id: string;
}

export const BOT_USER_ID = "U0CDCEBOT";
export const BOT_ID = "B0CDCEBOT";

const ok = (body: Record<string, unknown> = {}): Answer => ({ status: 200, body: { ok: true, ...body } });
const fail = (error: string, extra: Record<string, unknown> = {}): Answer => ({ status: 200, body: { ok: false, error, ...extra } });
const truthy = (v: unknown) => v === true || v === "true" || v === "1" || v === 1;

/** A file as files.getUploadURLExternal announced it, then uploaded and shared. */
export interface StoredFile {
  id: string;
  filename: string;
  length: number;
  /** The bytes posted to the upload URL. */
  data?: Buffer;
  /** Where files.completeUploadExternal shared it. */
  channel?: string;
  title?: string;
}

/** A file a person uploaded in a modal's file input: Slack keeps it, the app sees its id. */
export interface UserFile {
  id: string;
  name: string;
  mimetype: string;
  filetype: string;
  user: string;
  data: Buffer;
}

export class WebApi {
  readonly users = new Map<string, FakeUser>();
  readonly files = new Map<string, StoredFile>();
  /** Files people uploaded through a file input, by id (files.info reads them). */
  readonly userFiles = new Map<string, UserFile>();
  readonly history = new Map<string, StoredMessage[]>();
  readonly ephemerals: Array<{ channel: string; user: string; text?: string; blocks?: unknown[] }> = [];
  readonly views: Array<{ id: string; view: any; user?: string }> = [];
  /** Each user's Home tab as last published (views.publish), by user id. */
  readonly homes = new Map<string, any>();
  /** The app's Home tab is on (the manifest's `home_tab_enabled`); off, views.publish answers not_enabled. */
  homeTabEnabled = true;
  /** Channels the bot is not a member of (chat.postMessage / postEphemeral answer not_in_channel). */
  readonly notInChannel = new Set<string>();
  /**
   * The scopes the installed app was granted: by default those of the manifest the bot
   * generates (an app created from it). Slack names them in the `x-oauth-scopes` header of
   * every Web API answer to a bot token.
   */
  readonly scopes = new Set<string>(BOT_SCOPES.map((s) => s.scope));
  private readonly triggers = new Map<string, string>();
  private readonly failures = new Map<string, Failure[]>();
  /**
   * Set by {@link revokeToken}: what Slack answers to every call with the bot token once it is
   * revoked (the app uninstalled: `token_revoked`; the bot or workspace deactivated:
   * `account_inactive`; a token that never was: `invalid_auth`), as HTTP 200 with `ok: false`.
   */
  private refusal: string | undefined;
  private seq = 0;
  private viewSeq = 0;
  private triggerSeq = 0;
  private clock = 1_764_410_000;

  constructor(private readonly o: { teamId: string; botToken: string; socketUrl: () => string; uploadUrl: (fileId: string) => string; privateUrl: (fileId: string, name: string) => string }) {}

  /** `user` picks a file in a file input: Slack uploads it and returns the file object the submission carries. */
  userUpload(user: string, name: string, data: Buffer, mimetype = "application/octet-stream"): Record<string, unknown> {
    const id = `F${String(++this.seq).padStart(8, "0")}`;
    const filetype = name.includes(".") ? name.split(".").pop()!.toLowerCase() : "binary";
    this.userFiles.set(id, { id, name, mimetype, filetype, user, data });
    return this.fileObject(this.userFiles.get(id)!);
  }

  /** The bytes of a private url, for the bot token only (anything else: undefined, Slack's sign-in page). */
  privateFile(fileId: string, token: string | undefined): UserFile | undefined {
    if (token !== this.o.botToken || this.refusal) return undefined;
    return this.userFiles.get(fileId);
  }

  /** A file object as Slack gives it (files.info, a file input's state). */
  private fileObject(f: UserFile): Record<string, unknown> {
    const url = this.o.privateUrl(f.id, f.name);
    return {
      id: f.id,
      created: this.clock,
      timestamp: this.clock,
      name: f.name,
      title: f.name,
      mimetype: f.mimetype,
      filetype: f.filetype,
      pretty_type: f.filetype.toUpperCase(),
      user: f.user,
      user_team: this.o.teamId,
      editable: false,
      size: f.data.byteLength,
      mode: "hosted",
      is_external: false,
      external_type: "",
      is_public: false,
      public_url_shared: false,
      display_as_bot: false,
      username: "",
      url_private: url,
      url_private_download: url.replace(/\/([^/]+)$/, "/download/$1"),
      permalink: `https://cdce.slack.com/files/${f.user}/${f.id}/${encodeURIComponent(f.name)}`,
      channels: [],
      groups: [],
      ims: [],
      comments_count: 0,
    };
  }

  private fileInfo(args: Record<string, any>): Answer {
    const f = this.userFiles.get(String(args.file ?? ""));
    if (!f) return fail("file_not_found");
    return ok({ file: this.fileObject(f), comments: [], response_metadata: { next_cursor: "" } });
  }

  /** The bytes of an upload URL's POST; false when no such upload was announced (or it was done). */
  receiveUpload(fileId: string, data: Buffer): boolean {
    const f = this.files.get(fileId);
    if (!f || f.data) return false;
    f.data = data;
    return true;
  }

  /** From now on, every call with the bot token is refused with `error`. */
  revokeToken(error: "token_revoked" | "invalid_auth" | "account_inactive" | "not_authed" = "token_revoked"): void {
    this.refusal = error;
  }

  /** The token is valid again (a new one installed, as after a restart with it). */
  restoreToken(): void {
    this.refusal = undefined;
  }

  failNext(method: string, failure: Failure, times: number): void {
    const list = this.failures.get(method) ?? [];
    for (let i = 0; i < times; i++) list.push(failure);
    this.failures.set(method, list);
  }

  /** A trigger id Slack would put in a command or click payload, for that user. */
  newTrigger(user: string): string {
    const id = `${++this.triggerSeq}.4242.trigger${this.triggerSeq}`;
    this.triggers.set(id, user);
    return id;
  }

  messageProblems(payload: { text?: unknown; blocks?: unknown }): string[] {
    return messageProblems(payload);
  }

  answer(method: string, args: Record<string, any>, token: string | undefined, t: { appToken: string }): Answer {
    const failure = this.failures.get(method)?.shift();
    if (failure) {
      if ("error" in failure) return fail(failure.error, failure.error === "missing_scope" ? { needed: "users:read", provided: "commands,chat:write" } : {});
      if (failure.status === 429) return { status: 429, retryAfter: failure.retryAfter, body: { ok: false, error: "ratelimited" } };
      return { status: failure.status, body: undefined };
    }
    if (method === "apps.connections.open") {
      if (token !== t.appToken) return fail(token?.startsWith("xapp-") ? "invalid_auth" : "not_allowed_token_type");
      return ok({ url: this.o.socketUrl() });
    }
    if (!token) return fail("not_authed");
    if (token !== this.o.botToken) return fail("invalid_auth");
    const needed = neededScope(method, args);
    if (needed && !this.scopes.has(needed)) return fail("missing_scope", { needed, provided: [...this.scopes].join(",") });
    if (this.refusal) return fail(this.refusal);
    switch (method) {
      case "auth.test":
        return ok({ url: "https://cdce.slack.com/", team: "CDCE", user: "cdce", team_id: this.o.teamId, user_id: BOT_USER_ID, bot_id: BOT_ID, is_enterprise_install: false });
      case "chat.postMessage":
        return this.post(args);
      case "chat.postEphemeral":
        return this.postEphemeral(args);
      case "chat.delete":
        return this.delete(args);
      case "views.open":
        return this.openView(args);
      case "views.publish":
        return this.publishHome(args);
      case "chat.getPermalink":
        return this.permalink(args);
      case "users.info":
        return this.userInfo(args);
      case "conversations.history":
        return this.readHistory(args);
      case "conversations.open":
        return this.openConversation(args);
      case "files.getUploadURLExternal":
        return this.uploadUrl(args);
      case "files.completeUploadExternal":
        return this.completeUpload(args);
      case "files.info":
        return this.fileInfo(args);
      default:
        return fail("unknown_method");
    }
  }

  private contentProblems(args: Record<string, any>): Answer | undefined {
    const problems = messageProblems(args);
    if (problems.includes("no_text")) return fail("no_text");
    if (problems.length) return fail("invalid_blocks", { errors: problems });
    if (args.metadata !== undefined && (typeof args.metadata?.event_type !== "string" || typeof args.metadata?.event_payload !== "object")) {
      return fail("invalid_metadata_format");
    }
    return undefined;
  }

  private channelOf(args: Record<string, any>): { channel?: string; error?: Answer } {
    const channel = typeof args.channel === "string" ? args.channel : "";
    if (!channel || channel.startsWith("CMISSING")) return { error: fail("channel_not_found") };
    if (this.notInChannel.has(channel)) return { error: fail("not_in_channel") };
    // Posting to a user id writes in the bot's DM with that user.
    return { channel: channel.startsWith("U") ? `D${channel.slice(1)}` : channel };
  }

  private post(args: Record<string, any>): Answer {
    const { channel, error } = this.channelOf(args);
    if (error) return error;
    const bad = this.contentProblems(args);
    if (bad) return bad;
    const ts = `${Math.floor(Date.now() / 1000)}.${String(++this.seq).padStart(6, "0")}`;
    const message: StoredMessage = { ts, channel: channel!, text: args.text, blocks: args.blocks, metadata: args.metadata, user: BOT_USER_ID, bot_id: BOT_ID };
    const list = this.history.get(channel!) ?? [];
    list.push(message);
    this.history.set(channel!, list);
    return ok({ channel, ts, message: { ...message, type: "message" } });
  }

  private postEphemeral(args: Record<string, any>): Answer {
    const { channel, error } = this.channelOf(args);
    if (error) return error;
    if (typeof args.user !== "string" || !this.users.has(args.user)) return fail("user_not_in_channel");
    const bad = this.contentProblems(args);
    if (bad) return bad;
    this.ephemerals.push({ channel: channel!, user: args.user, text: args.text, blocks: args.blocks });
    return ok({ message_ts: `${Math.floor(Date.now() / 1000)}.${String(++this.seq).padStart(6, "0")}` });
  }

  private delete(args: Record<string, any>): Answer {
    const list = this.history.get(String(args.channel)) ?? [];
    const i = list.findIndex((m) => m.ts === args.ts);
    if (i < 0) return fail("message_not_found");
    list.splice(i, 1);
    return ok({ channel: args.channel, ts: args.ts });
  }

  private openView(args: Record<string, any>): Answer {
    const user = this.triggers.get(String(args.trigger_id));
    if (!user) return fail("invalid_trigger_id");
    // A trigger id opens one view.
    this.triggers.delete(String(args.trigger_id));
    const problems = viewProblems(args.view);
    if (problems.length) return fail("invalid_arguments", { response_metadata: { messages: problems } });
    const view = { ...args.view, id: `V${++this.viewSeq}`, team_id: this.o.teamId, state: { values: {} }, hash: `h${this.viewSeq}` };
    this.views.push({ id: view.id, view, user });
    return ok({ view });
  }

  /**
   * A person's Home tab (views.publish): the user must exist, the view be a valid `home` view
   * (validate.ts); Slack answers the view as stored, with its id and hash. The same view id is
   * kept across publishes for one user (Slack keeps one Home view per user and app).
   */
  private publishHome(args: Record<string, any>): Answer {
    if (!this.homeTabEnabled) return fail("not_enabled");
    const user = typeof args.user_id === "string" ? args.user_id : "";
    // Slack's reference lists no dedicated error for an unknown user: it is refused as an invalid argument.
    if (!user || !this.users.has(user)) return fail("invalid_arguments", { response_metadata: { messages: [`[ERROR] invalid user_id ${user || "(missing)"}`] } });
    if (JSON.stringify(args.view ?? null).length > 250_000) return fail("view_too_large");
    const problems = homeViewProblems(args.view);
    if (problems.length) return fail("invalid_arguments", { response_metadata: { messages: problems.map((p) => `[ERROR] ${p}`) } });
    const id = this.homes.get(user)?.id ?? `V${++this.viewSeq}`;
    const view = { ...args.view, id, team_id: this.o.teamId, state: { values: {} }, hash: `${Math.floor(Date.now() / 1000)}.h${++this.viewSeq}`, root_view_id: id, app_id: "A0CDCE", bot_id: BOT_ID, private_metadata: args.view.private_metadata ?? "", callback_id: args.view.callback_id ?? "", external_id: "" };
    this.homes.set(user, view);
    return ok({ view });
  }

  /** A message's link (chat.getPermalink): the channel and message must exist. */
  private permalink(args: Record<string, any>): Answer {
    const { channel, error } = this.channelOf(args);
    if (error) return error;
    const ts = String(args.message_ts ?? "");
    if (!(this.history.get(channel!) ?? []).some((m) => m.ts === ts)) return fail("message_not_found");
    return ok({ channel, permalink: `https://cdce.slack.com/archives/${channel}/p${ts.replace(".", "")}` });
  }

  /** A message a person wrote in a channel (what a message shortcut is used on); returns it. */
  addUserMessage(channel: string, user: string, text: string): StoredMessage {
    const message: StoredMessage = { ts: `${Math.floor(Date.now() / 1000)}.${String(++this.seq).padStart(6, "0")}`, channel, text, user, bot_id: "" };
    const list = this.history.get(channel) ?? [];
    list.push(message);
    this.history.set(channel, list);
    return message;
  }

  private userInfo(args: Record<string, any>): Answer {
    const u = this.users.get(String(args.user));
    if (!u) return fail("user_not_found");
    const user: Record<string, unknown> = { id: u.id, team_id: this.o.teamId, name: u.name, real_name: u.real_name ?? u.name, tz: u.tz ?? "Europe/Brussels", profile: { display_name: u.real_name ?? u.name } };
    if (truthy(args.include_locale) && u.locale) user.locale = u.locale;
    return ok({ user });
  }

  /** The bot's DM with one user (the id `chat.postMessage` to that user id writes into). */
  private openConversation(args: Record<string, any>): Answer {
    const user = String(args.users ?? "");
    if (!this.users.has(user)) return fail("user_not_found");
    return ok({ channel: { id: `D${user.slice(1)}` } });
  }

  private uploadUrl(args: Record<string, any>): Answer {
    const filename = typeof args.filename === "string" ? args.filename : "";
    const length = Number(args.length);
    if (!filename || !Number.isInteger(length) || length < 1) return fail("invalid_arguments");
    const id = `F${String(++this.seq).padStart(8, "0")}`;
    this.files.set(id, { id, filename, length });
    return ok({ upload_url: this.o.uploadUrl(id), file_id: id });
  }

  /** Shares uploaded files in a channel; every file must have been uploaded whole. */
  private completeUpload(args: Record<string, any>): Answer {
    const list = Array.isArray(args.files) ? (args.files as Array<{ id?: string; title?: string }>) : [];
    if (!list.length) return fail("invalid_arguments");
    const { channel, error } = this.channelOf({ channel: args.channel_id });
    if (error) return error;
    const shared: StoredFile[] = [];
    for (const item of list) {
      const f = this.files.get(String(item.id));
      if (!f || !f.data || f.data.length !== f.length) return fail("file_not_found");
      shared.push(f);
    }
    for (const f of shared) Object.assign(f, { channel, title: list.find((i) => i.id === f.id)?.title ?? f.filename });
    return ok({ files: shared.map((f) => ({ id: f.id, name: f.filename, title: f.title })) });
  }

  private readHistory(args: Record<string, any>): Answer {
    // As Slack: a channel the bot is not in answers not_in_channel; one it is in, with no
    // message yet, an empty page; an unknown one (CMISSING…) channel_not_found.
    const { channel, error } = this.channelOf(args);
    if (error) return error;
    const list = this.history.get(channel!) ?? [];
    const oldest = Number(args.oldest ?? 0);
    const limit = Math.min(Number(args.limit ?? 100), 999);
    const newestFirst = list.filter((m) => Number(m.ts) >= oldest).reverse();
    const start = args.cursor ? Number(Buffer.from(String(args.cursor), "base64").toString()) : 0;
    const page = newestFirst.slice(start, start + limit).map((m) => {
      const { channel: _c, metadata, ...rest } = m;
      // Slack strips metadata unless include_all_metadata is set.
      return truthy(args.include_all_metadata) && metadata ? { type: "message", ...rest, metadata } : { type: "message", ...rest };
    });
    const more = start + limit < newestFirst.length;
    return ok({ messages: page, has_more: more, response_metadata: { next_cursor: more ? Buffer.from(String(start + limit)).toString("base64") : "" } });
  }
}
