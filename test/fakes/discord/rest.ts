/**
 * The fake Discord's REST API (`/api/v10`), with Discord's status codes, JSON error codes
 * and X-RateLimit-* headers. Routes: gateway/bot, users/@me, application commands (PUT is
 * recorded), a channel, a guild and its members (with roles and permission overwrites, so a
 * client can compute its permissions as Discord documents), interaction callbacks, webhook messages (`@original` edits, follow-ups) and
 * channel messages (nonce + enforce_nonce deduplication; the bot's own edited in place), guild
 * scheduled events and forum channels (guild-features.ts). Bodies are checked against
 * Discord's limits, so a renderer that breaks one fails the test with a 400.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { FakeDiscord, InteractionRecord } from "./fake-discord.js";
import { guildFeatureRoute } from "./guild-features.js";
import { channelJson, choicesProblems, guildJson, messageJson, messageProblems, modalProblems, snowflake, user, type FakeMessage } from "./model.js";

type Json = Record<string, unknown>;
type Out = { status: number; body?: unknown; headers?: Record<string, string> };

const error = (status: number, code: number, message: string, extra: Json = {}): Out => ({ status, body: { message, code, ...extra } });
const invalid = (problems: string[]) =>
  error(400, 50035, "Invalid Form Body", { errors: { _errors: problems.map((p) => ({ code: "BASE_TYPE_INVALID", message: p })) } });

/** Buckets: channel posts 5 per 5 s per channel (Discord's documented per-channel pace). */
const buckets = new WeakMap<FakeDiscord, Map<string, { remaining: number; resetAt: number; limit: number; windowMs: number }>>();

function bucketOf(fake: FakeDiscord, method: string, path: string) {
  const channelPost = method === "POST" && /^\/channels\/\d+\/messages$/.test(path);
  // Interaction callbacks have no bucket limit; webhook buckets are per token (per interaction).
  const callback = /^\/interactions\//.test(path);
  const key = channelPost || path.startsWith("/webhooks/") ? `${method} ${path}` : callback ? "interaction callback" : `${method} ${path.replace(/\d{17,20}/g, ":id")}`;
  const all = buckets.get(fake) ?? new Map();
  buckets.set(fake, all);
  const now = Date.now();
  let b = all.get(key);
  if (!b || b.resetAt <= now) {
    b = channelPost
      ? { limit: 5, remaining: 5, windowMs: 5000, resetAt: now + 5000 }
      : { limit: callback ? 1e9 : 50, remaining: callback ? 1e9 : 50, windowMs: 1000, resetAt: now + 1000 };
    all.set(key, b);
  }
  return { key, b };
}

function rateHeaders(key: string, b: { remaining: number; resetAt: number; limit: number }) {
  const after = Math.max(0, (b.resetAt - Date.now()) / 1000);
  return {
    "X-RateLimit-Limit": String(b.limit),
    "X-RateLimit-Remaining": String(Math.max(0, b.remaining)),
    "X-RateLimit-Reset": ((b.resetAt) / 1000).toFixed(3),
    "X-RateLimit-Reset-After": after.toFixed(3),
    "X-RateLimit-Bucket": Buffer.from(key).toString("hex").slice(0, 32),
  };
}

/** The request body, as received (`receivedAt`: performance.now() once its last byte is in). */
async function readBody(req: IncomingMessage): Promise<{ raw: string; bytes: Buffer; receivedAt: number }> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const bytes = Buffer.concat(chunks);
  return { raw: bytes.toString("utf8"), bytes, receivedAt: performance.now() };
}

/** A file part of a multipart request (`files[n]`). */
export interface Upload {
  key: string;
  filename: string;
  contentType: string;
  data: Buffer;
}

/** Discord's multipart form: the JSON in `payload_json`, files in `files[n]` parts. */
async function readMultipart(bytes: Buffer, contentType: string): Promise<{ body: unknown; uploads: Upload[] }> {
  const form = await new Request("http://discord.invalid/", { method: "POST", headers: { "content-type": contentType }, body: new Uint8Array(bytes) }).formData();
  const uploads: Upload[] = [];
  let body: unknown;
  for (const [key, value] of form.entries()) {
    if (typeof value === "string") {
      if (key === "payload_json") body = JSON.parse(value) as unknown;
      continue;
    }
    uploads.push({ key, filename: value.name, contentType: value.type, data: Buffer.from(await value.arrayBuffer()) });
  }
  return { body, uploads };
}

/**
 * Matches `attachments` of the payload to the uploaded parts, as Discord does: each
 * attachment's id names the part `files[id]`. Returns the message's attachments, or the
 * problems found.
 */
function attachmentsOf(fake: FakeDiscord, body: Json, uploads: Upload[]): { attachments: Json[]; problems: string[] } {
  const declared = (body.attachments as Json[] | undefined) ?? [];
  const problems: string[] = [];
  const attachments: Json[] = [];
  if (uploads.length > 10) problems.push(`files: ${uploads.length} > 10`);
  for (const upload of uploads) {
    const id = /^files\[(\d+)\]$/.exec(upload.key)?.[1];
    const meta = declared.find((a) => String(a.id) === id);
    if (id === undefined || !meta) {
      problems.push(`${upload.key}: no attachment declares it`);
      continue;
    }
    if (upload.data.length > 10 * 1024 * 1024) problems.push(`${upload.key}: larger than 10 MiB`);
    const attachment = { id: snowflake(), filename: String(meta.filename ?? upload.filename), size: upload.data.length, content_type: upload.contentType, url: `${fake.apiUrl.replace(/\/api\/v10$/, "")}/attachments/${upload.filename}` };
    fake.uploads.push({ ...upload, filename: attachment.filename });
    attachments.push(attachment);
  }
  return { attachments, problems };
}

export async function handleRest(fake: FakeDiscord, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? "/", "http://x");
  const method = req.method ?? "GET";
  const rawPath = url.pathname.replace(/^\/api\/v10/, "");
  const path = decodeURIComponent(rawPath);
  let body: unknown;
  let out: Out;
  const { key, b } = bucketOf(fake, method, path);
  const rule = fake.rateLimits.find((r) => r.times > 0 && r.method === method && r.path.test(path));
  const fault = fake.faults.find((f) => f.times > 0 && f.method === method && f.path.test(path));
  const tooMany = (retry: number, header: boolean): Out => ({
    status: 429,
    body: { message: "You are being rate limited.", retry_after: retry, global: false },
    headers: { "X-RateLimit-Scope": "user", ...(header ? { "Retry-After": String(Math.ceil(retry)) } : {}) },
  });
  let bodyOnly = false;
  let receivedAt = performance.now();
  let uploads: Upload[] = [];
  try {
    const received = await readBody(req);
    receivedAt = received.receivedAt;
    const type = req.headers["content-type"] ?? "";
    if (type.startsWith("multipart/form-data")) ({ body, uploads } = await readMultipart(received.bytes, type));
    else body = received.raw ? (JSON.parse(received.raw) as unknown) : undefined;
    // Limits and faults are decided before the route runs: a refused request changes nothing.
    if (rule) {
      rule.times--;
      b.remaining = 0;
      b.resetAt = Date.now() + rule.retryAfterSeconds * 1000;
      out = tooMany(rule.retryAfterSeconds, rule.header && !rule.bodyOnly);
      bodyOnly = rule.bodyOnly ?? false;
    } else if (b.remaining <= 0) {
      // Over the bucket's limit: what Discord answers to a client that ignores the headers.
      out = tooMany(Math.max(0.001, (b.resetAt - Date.now()) / 1000), true);
    } else if (fault) {
      fault.times--;
      out = error(fault.status, 0, `${fault.status}: fake outage`);
    } else {
      out = route(fake, method, path, url.searchParams, body as Json, req.headers.authorization, receivedAt, uploads);
      if (out.status < 400) b.remaining--;
    }
  } catch (err) {
    out = error(400, 50109, `The request body contains invalid JSON (${String(err)})`);
  }
  fake.requests.push({ method, path, rawPath, query: url.searchParams, headers: req.headers, body, status: out.status, at: Date.now() });
  const headers: Record<string, string> = { ...(bodyOnly ? {} : rateHeaders(key, b)), ...(out.headers ?? {}) };
  if (out.body === undefined) res.writeHead(out.status, headers).end();
  else res.writeHead(out.status, { ...headers, "Content-Type": "application/json" }).end(JSON.stringify(out.body));
  fake.changed("request");
}

function route(fake: FakeDiscord, method: string, path: string, query: URLSearchParams, body: Json, auth: string | undefined, receivedAt: number, uploads: Upload[]): Out {
  let m: RegExpExecArray | null;
  // Interaction and webhook routes are authenticated by the interaction token in the path.
  if ((m = /^\/interactions\/(\d+)\/([^/]+)\/callback$/.exec(path)) && method === "POST") return callback(fake, m[1]!, m[2]!, body, query, receivedAt);
  if ((m = /^\/webhooks\/(\d+)\/([^/]+)(?:\/messages\/([^/]+))?$/.exec(path))) return webhook(fake, method, m[1]!, m[2]!, m[3], body, uploads);
  if (auth !== `Bot ${fake.token}` || fake.tokenRevoked) return error(401, 0, "401: Unauthorized");
  if (path === "/gateway/bot" && method === "GET") {
    return { status: 200, body: { url: fake.gatewayUrl, shards: 1, session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 } } };
  }
  if (path === "/users/@me" && method === "GET") return { status: 200, body: fake.bot };
  const feature = guildFeatureRoute(fake, method, path, query, body);
  if (feature) return feature;
  if (path === "/users/@me/channels" && method === "POST") {
    const recipient = String(body?.recipient_id ?? "");
    if (!/^\d{5,25}$/.test(recipient)) return invalid(["recipient_id: Value \"" + recipient + "\" is not snowflake."]);
    const dm = fake.openDm(recipient);
    return { status: 200, body: { id: dm.id, type: 1, last_message_id: null, recipients: [{ id: recipient, username: `user${recipient.slice(-4)}`, discriminator: "0" }] } };
  }
  if ((m = /^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/.exec(path))) {
    if (m[1] !== fake.applicationId) return error(403, 50001, "Missing Access");
    if (m[2] && !fake.guilds.some((g) => g.id === m![2])) return error(404, 10004, "Unknown Guild");
    if (method === "PUT") {
      const list = Array.isArray(body) ? (body as Json[]) : [];
      const problems = commandSetProblems(list);
      if (problems.length) return invalid(problems);
      // Bulk overwrite: this list replaces every command of the scope; those left out are deleted.
      fake.registrations.push({ path, body });
      return { status: 200, body: list.map((c, i) => ({ ...c, id: `${fake.applicationId.slice(0, -2)}${10 + i}`, application_id: fake.applicationId, version: "1", ...(m![2] ? { guild_id: m![2] } : {}) })) };
    }
    if (method === "GET") return { status: 200, body: fake.registrations.filter((r) => r.path === path).at(-1)?.body ?? [] };
  }
  if ((m = /^\/guilds\/(\d+)\/members\/(\d+)$/.exec(path)) && method === "GET") {
    if (!fake.guilds.some((g) => g.id === m![1])) return error(404, 10004, "Unknown Guild");
    const guild = fake.guilds.find((g) => g.id === m![1])!;
    if (m[2] === fake.bot.id) return { status: 200, body: { user: fake.bot, nick: null, roles: guild.botRoles ?? [], joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0 } };
    const username = fake.members.get(m[2]!);
    if (!username) return error(404, 10007, "Unknown Member");
    return { status: 200, body: { user: user(m[2]!, username), nick: null, roles: [], joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0 } };
  }
  if ((m = /^\/guilds\/(\d+)$/.exec(path)) && method === "GET") {
    const guild = fake.guilds.find((g) => g.id === m![1]);
    if (!guild) return error(404, 10004, "Unknown Guild");
    const { channels: _channels, members: _members, ...rest } = guildJson(guild, fake.bot) as Record<string, unknown>;
    return { status: 200, body: rest };
  }
  if ((m = /^\/channels\/(\d+)$/.exec(path)) && method === "GET") {
    const channel = fake.findChannel(m[1]!);
    if (!channel) return error(404, 10003, "Unknown Channel");
    // Discord answers 403 for a channel the bot cannot view.
    if (channel.noAccess) return error(403, 50001, "Missing Access");
    return { status: 200, body: channelJson(channel) };
  }
  if ((m = /^\/channels\/(\d+)\/messages(?:\/(\d+))?$/.exec(path))) return channelMessages(fake, method, m[1]!, m[2], body, query);
  return error(404, 0, "404: Not Found");
}

/**
 * What Discord refuses in a bulk overwrite (its documented limits on the set): two commands
 * of one type with one name, more than 100 chat-input commands or 5 user or 5 message
 * commands, a description or options on a context-menu command, a chat-input name that is
 * not lowercase letters, digits, `-` or `_`.
 */
function commandSetProblems(list: Json[]): string[] {
  const problems: string[] = [];
  const typeOf = (c: Json) => Number(c.type ?? 1);
  const max: Record<number, number> = { 1: 100, 2: 5, 3: 5 };
  for (const [type, limit] of Object.entries(max)) {
    const n = list.filter((c) => typeOf(c) === Number(type)).length;
    if (n > limit) problems.push(`${type}: Maximum number of application commands of type ${type} reached (${limit})`);
  }
  const seen = new Set<string>();
  list.forEach((c, i) => {
    const key = `${typeOf(c)}:${String(c.name)}`;
    if (seen.has(key)) problems.push(`${i}.name: Application command names must be unique`);
    seen.add(key);
    if (typeOf(c) !== 1 && ((c.description ?? "") !== "" || Array.isArray(c.options))) problems.push(`${i}: Context menu commands cannot have description or options`);
    if (typeOf(c) === 1 && !/^[-_\p{Ll}\p{Lo}\p{N}]{1,32}$/u.test(String(c.name))) problems.push(`${i}.name: Command name is invalid`);
    const names = Object.values((c.name_localizations ?? {}) as Record<string, string>);
    if (names.some((n) => n.length < 1 || n.length > 32)) problems.push(`${i}.name_localizations: Must be between 1 and 32 in length.`);
  });
  return problems;
}

function callback(fake: FakeDiscord, id: string, token: string, body: Json, query: URLSearchParams, receivedAt: number): Out {
  const rec = fake.interactions.get(id);
  if (!rec || rec.token !== token) return error(404, 10062, "Unknown interaction");
  const refuse = (o: Out) => {
    rec.errors.push(JSON.stringify(o.body));
    return o;
  };
  if (rec.callback) return refuse(error(400, 40060, "Interaction has already been acknowledged."));
  if (Date.now() - rec.createdAt > 3000) return refuse(error(404, 10062, "Unknown interaction"));
  const type = Number(body?.type);
  const data = (body?.data ?? {}) as Json;
  const kind = Number(rec.payload.type);
  const channelId = String((rec.payload.channel as Json | undefined)?.id ?? "");
  const source = rec.payload.message as FakeMessage | undefined;
  let problems: string[] = [];
  if (type === 4) problems = messageProblems(data, { create: true });
  else if (type === 7) problems = kind === 3 ? messageProblems(data, { create: false }) : ["UPDATE_MESSAGE needs a component interaction"];
  else if (type === 6) problems = kind === 3 ? [] : ["DEFERRED_UPDATE_MESSAGE needs a component interaction"];
  else if (type === 8) problems = kind === 4 ? choicesProblems(data) : ["autocomplete result needs an autocomplete interaction"];
  else if (type === 9) problems = kind === 2 || kind === 3 ? modalProblems(data) : ["a modal cannot answer this interaction"];
  else if (type !== 5) problems = [`unknown callback type ${type}`];
  if (kind === 4 && type !== 8) problems.push("autocomplete interactions only take type 8");
  if (problems.length) return refuse(invalid(problems));
  // Stamped when the request was in, before this fake's own parsing and checks.
  rec.callback = { type, data: body?.data as Json | undefined, at: Date.now(), hrAt: receivedAt };
  const meta = { type: 20, application_id: fake.applicationId, webhook_id: fake.applicationId, interaction_metadata: { id: rec.id, type: kind, user: rec.payload.user ?? (rec.payload.member as Json | undefined)?.user, authorizing_integration_owners: rec.payload.authorizing_integration_owners } };
  if (type === 4) rec.original = messageJson(channelId, fake.bot, data, meta);
  if (type === 5) rec.original = messageJson(channelId, fake.bot, {}, { ...meta, flags: (Number(data.flags ?? 0) & 64) | 128 });
  if (type === 6) rec.original = source;
  if (type === 7 && source) rec.original = { ...source, ...pick(data), edited_timestamp: new Date().toISOString() };
  if (query.get("with_response") === "true") {
    return { status: 200, body: { interaction: { id: rec.id, type: kind }, resource: { type, ...(rec.original ? { message: rec.original } : {}) } } };
  }
  return { status: 204 };
}

/** The message fields an edit may replace; omitted ones stay as they were. */
function pick(data: Json): Json {
  const out: Json = {};
  for (const k of ["content", "embeds", "components"]) if (k in data) out[k] = data[k];
  return out;
}

function webhook(fake: FakeDiscord, method: string, appId: string, token: string, messageId: string | undefined, body: Json, uploads: Upload[]): Out {
  if (appId !== fake.applicationId) return error(404, 10015, "Unknown Webhook");
  const rec = [...fake.interactions.values()].find((r) => r.token === token);
  if (!rec || Date.now() - rec.createdAt > 15 * 60_000) return error(404, 10015, "Unknown Webhook");
  if (!rec.callback) return error(404, 10008, "Unknown Message");
  const channelId = String((rec.payload.channel as Json | undefined)?.id ?? "");
  if (messageId === undefined && method === "POST") {
    const files = attachmentsOf(fake, body ?? {}, uploads);
    // A message with files and nothing else is not empty.
    const problems = [...messageProblems(files.attachments.length ? { ...body, content: (body?.content as string | undefined) || "-" } : body, { create: true }), ...files.problems];
    if (problems.length) return fail(rec, invalid(problems));
    if (files.attachments.length) {
      const msg = { ...messageJson(channelId, fake.bot, body, { type: 19, webhook_id: fake.applicationId, application_id: fake.applicationId }), attachments: files.attachments };
      rec.followups.push(msg);
      return { status: 200, body: msg };
    }
    // Documented (deprecated) quirk: the first follow-up after a type 5 edits the original.
    if (rec.callback.type === 5 && rec.edits.length === 0 && rec.original) return editOriginal(rec, body);
    const msg = messageJson(channelId, fake.bot, body, { type: 19, webhook_id: fake.applicationId, application_id: fake.applicationId });
    rec.followups.push(msg);
    return { status: 200, body: msg };
  }
  if (messageId === "@original") {
    if (!rec.original) return error(404, 10008, "Unknown Message");
    if (method === "GET") return { status: 200, body: rec.original };
    if (method === "DELETE") {
      rec.original = undefined;
      return { status: 204 };
    }
    if (method === "PATCH") {
      const problems = messageProblems(body, { create: false });
      return problems.length ? fail(rec, invalid(problems)) : editOriginal(rec, body);
    }
  }
  return error(405, 0, "405: Method Not Allowed");
}

function editOriginal(rec: InteractionRecord, body: Json): Out {
  const flags = (rec.original!.flags & ~128) >>> 0;
  rec.original = { ...rec.original!, ...pick(body), flags, edited_timestamp: new Date().toISOString() };
  rec.edits.push(body);
  return { status: 200, body: rec.original };
}

function fail(rec: InteractionRecord, out: Out): Out {
  rec.errors.push(JSON.stringify(out.body));
  return out;
}

function channelMessages(fake: FakeDiscord, method: string, channelId: string, messageId: string | undefined, body: Json, query: URLSearchParams): Out {
  const channel = fake.findChannel(channelId);
  if (!channel) return error(404, 10003, "Unknown Channel");
  if (channel.noAccess) return error(403, 50001, "Missing Access");
  if (method === "POST" && !messageId) {
    const problems = messageProblems(body, { create: true });
    if (problems.length) return invalid(problems);
    const nonce = body.nonce === undefined ? undefined : String(body.nonce);
    if (nonce && body.enforce_nonce === true) {
      const twoMinutesAgo = Date.now() - 120_000;
      const same = channel.messages.find((msg) => msg.nonce === nonce && Date.parse(String(msg.timestamp)) > twoMinutesAgo);
      if (same) return { status: 200, body: same };
    }
    // A reply names the message it answers; Discord refuses an unknown one unless told not to fail.
    const ref = body.message_reference as { message_id?: string; fail_if_not_exists?: boolean } | undefined;
    const referenced = ref?.message_id ? channel.messages.find((msg) => msg.id === ref.message_id) : undefined;
    if (ref && !referenced && ref.fail_if_not_exists !== false) return invalid(["message_reference: Unknown message"]);
    const reply = referenced ? { type: 19, message_reference: { type: 0, message_id: referenced.id, channel_id: channelId, ...(channel.guildId ? { guild_id: channel.guildId } : {}) }, referenced_message: referenced } : {};
    const msg = messageJson(channelId, fake.bot, body, { ...(nonce ? { nonce } : {}), ...reply });
    channel.messages.push(msg);
    fake.changed("message", msg);
    return { status: 200, body: msg };
  }
  if (method === "GET" && !messageId) {
    const limit = Math.min(100, Math.max(1, Number(query.get("limit") ?? 50)));
    const after = BigInt(query.get("after") ?? "0");
    const list = channel.messages.filter((msg) => BigInt(msg.id) > after).reverse().slice(0, limit);
    return { status: 200, body: list };
  }
  // Editing a message (https://discord.com/developers/docs/resources/message#edit-message): only
  // the bot's own, still there; the fields sent replace the old ones, edited_timestamp is set.
  if (method === "PATCH" && messageId) {
    const i = channel.messages.findIndex((msg) => msg.id === messageId);
    if (i < 0) return error(404, 10008, "Unknown Message");
    if ((channel.messages[i]!.author as { id?: string }).id !== fake.bot.id) return error(403, 50005, "Cannot edit a message authored by another user");
    const problems = messageProblems(body, { create: false });
    if (problems.length) return invalid(problems);
    const edited = { ...channel.messages[i]!, ...pick(body), edited_timestamp: new Date().toISOString() } as FakeMessage;
    channel.messages[i] = edited;
    return { status: 200, body: edited };
  }
  if (method === "DELETE" && messageId) {
    const i = channel.messages.findIndex((msg) => msg.id === messageId);
    if (i < 0) return error(404, 10008, "Unknown Message");
    channel.messages.splice(i, 1);
    return { status: 204 };
  }
  return error(405, 0, "405: Method Not Allowed");
}
