/**
 * The fake Discord's guild scheduled events and forum channels, after Discord's documentation:
 * - "Guild Scheduled Event": `GET|POST /guilds/{id}/scheduled-events` (list with
 *   `with_user_count=true`, create), `GET|PATCH|DELETE /guilds/{id}/scheduled-events/{event}`.
 *   Creating or changing one needs Manage Events (403, 50013). An external event (entity_type 3)
 *   needs `entity_metadata.location` (1-100) and `scheduled_end_time`, no `channel_id`; a start
 *   in the past or an end before the start is refused (400, 50035). Status goes 1 (scheduled)
 *   → 2 (active) or 4 (canceled), 2 → 3 (completed), nothing else (400). Unknown: 404, 10070.
 * - Forum channels (type 15): `POST /channels/{forum}/threads` ("Start Thread in Forum or
 *   Media Channel": `name` 1-100, `message`, `applied_tags` at most 5, each one of the forum's,
 *   at least one when the forum has REQUIRE_TAG; Send Messages needed) opens a public thread
 *   (type 11) whose id is its first message's; `PATCH /channels/{forum}` with `available_tags`
 *   (at most 20, names 1-20; Manage Channels needed); `GET /guilds/{id}/threads/active`;
 *   `DELETE /channels/{thread}` (Manage Threads). A forum takes no plain message (400, 50008).
 */
import type { FakeDiscord } from "./fake-discord.js";
import { botGuildPermissions, channelJson, MANAGE_CHANNELS, MANAGE_EVENTS, MANAGE_THREADS, messageJson, messageProblems, snowflake, type FakeChannel, type FakeGuild, type FakeScheduledEvent } from "./model.js";

type Json = Record<string, unknown>;
type Out = { status: number; body?: unknown; headers?: Record<string, string> };

const error = (status: number, code: number, message: string, extra: Json = {}): Out => ({ status, body: { message, code, ...extra } });
const invalid = (problems: string[]) => error(400, 50035, "Invalid Form Body", { errors: { _errors: problems.map((p) => ({ code: "BASE_TYPE_INVALID", message: p })) } });
const missingPermissions = () => error(403, 50013, "Missing Permissions");

/** The scheduled event as the API shows it (`user_count` only when asked). */
function eventJson(e: FakeScheduledEvent, withCount: boolean): Json {
  const { interested, ...shown } = e;
  return withCount ? { ...shown, user_count: interested } : shown;
}

function eventProblems(body: Json, current: FakeScheduledEvent | undefined, now: number): string[] {
  const p: string[] = [];
  const merged = { ...(current ?? {}), ...body } as Json;
  const name = String(merged.name ?? "");
  if (name.length < 1 || name.length > 100) p.push("name: must be 1-100 characters");
  if (merged.description !== undefined && merged.description !== null && String(merged.description).length > 1000) p.push("description: at most 1000 characters");
  if (merged.privacy_level !== 2) p.push("privacy_level: must be 2 (GUILD_ONLY)");
  if (![1, 2, 3].includes(Number(merged.entity_type))) p.push("entity_type: unknown");
  const start = Date.parse(String(merged.scheduled_start_time ?? ""));
  if (Number.isNaN(start)) p.push("scheduled_start_time: not an ISO8601 timestamp");
  if (Number(merged.entity_type) === 3) {
    const location = String((merged.entity_metadata as Json | undefined)?.location ?? "");
    if (location.length < 1 || location.length > 100) p.push("entity_metadata.location: required for an external event, 1-100 characters");
    if (merged.channel_id) p.push("channel_id: must be null for an external event");
    const end = Date.parse(String(merged.scheduled_end_time ?? ""));
    if (Number.isNaN(end)) p.push("scheduled_end_time: required for an external event");
    else if (!Number.isNaN(start) && end <= start) p.push("scheduled_end_time: must be after the start");
  }
  if ("scheduled_start_time" in body && !Number.isNaN(start) && start < now) p.push("scheduled_start_time: Cannot schedule event in the past.");
  return p;
}

const ALLOWED_STATUS: Record<number, number[]> = { 1: [2, 4], 2: [3] };

function scheduledEvents(fake: FakeDiscord, g: FakeGuild, method: string, eventId: string | undefined, body: Json, query: URLSearchParams): Out {
  const list = (g.scheduledEvents ??= []);
  const withCount = query.get("with_user_count") === "true";
  const may = (botGuildPermissions(g) & MANAGE_EVENTS) !== 0n;
  if (!eventId) {
    if (method === "GET") return { status: 200, body: list.map((e) => eventJson(e, withCount)) };
    if (method !== "POST") return error(405, 0, "405: Method Not Allowed");
    if (!may) return missingPermissions();
    const problems = eventProblems(body, undefined, Date.now());
    if (problems.length) return invalid(problems);
    const e: FakeScheduledEvent = {
      id: snowflake(),
      guild_id: g.id,
      channel_id: null,
      creator_id: fake.bot.id,
      creator: fake.bot,
      name: body.name,
      description: body.description ?? null,
      scheduled_start_time: body.scheduled_start_time,
      scheduled_end_time: body.scheduled_end_time ?? null,
      privacy_level: body.privacy_level,
      status: 1,
      entity_type: body.entity_type,
      entity_id: null,
      entity_metadata: body.entity_metadata ?? null,
      image: null,
      recurrence_rule: null,
      interested: 0,
    };
    list.push(e);
    return { status: 200, body: eventJson(e, false) };
  }
  const e = list.find((x) => x.id === eventId);
  if (!e) return error(404, 10070, "Unknown Guild Scheduled Event");
  if (method === "GET") return { status: 200, body: eventJson(e, withCount) };
  if (!may) return missingPermissions();
  if (method === "DELETE") {
    list.splice(list.indexOf(e), 1);
    return { status: 204 };
  }
  if (method !== "PATCH") return error(405, 0, "405: Method Not Allowed");
  if (body.status !== undefined && !(ALLOWED_STATUS[e.status] ?? []).includes(Number(body.status))) return invalid([`status: cannot go from ${e.status} to ${String(body.status)}`]);
  if (e.status !== 1 && Object.keys(body).some((k) => k !== "status")) return invalid(["only a scheduled event can be edited"]);
  const problems = eventProblems(body, e, Date.now());
  if (problems.length) return invalid(problems);
  Object.assign(e, body);
  return { status: 200, body: eventJson(e, false) };
}

/** `POST /channels/{forum}/threads`: a forum post, its first message inside. */
function forumPost(fake: FakeDiscord, forum: FakeChannel, body: Json): Out {
  const message = (body.message ?? {}) as Json;
  const name = String(body.name ?? "");
  const tags = (body.applied_tags as unknown[] | undefined) ?? [];
  const problems = messageProblems(message, { create: true });
  if (name.length < 1 || name.length > 100) problems.push("name: must be 1-100 characters");
  if (tags.length > 5) problems.push(`applied_tags: ${tags.length} > 5`);
  for (const t of tags) if (!(forum.availableTags ?? []).some((a) => a.id === String(t))) problems.push(`applied_tags: ${String(t)} is not a tag of this forum`);
  if (((forum.flags ?? 0) & 16) !== 0 && tags.length === 0) problems.push("applied_tags: this forum requires a tag");
  if (problems.length) return invalid(problems);
  const id = snowflake();
  const starter = messageJson(id, fake.bot, message, { id, position: 0 });
  const thread: FakeChannel = { id, name, guildId: forum.guildId, type: 11, parentId: forum.id, ownerId: fake.bot.id, appliedTags: tags.map(String), messages: [starter] };
  const guild = fake.guilds.find((g) => g.id === forum.guildId)!;
  guild.channels.push(thread);
  return { status: 201, body: { ...channelJson(thread), message: starter } };
}

/** `PATCH /channels/{forum}` with `available_tags`: the whole list, new tags without an id. */
function editForumTags(g: FakeGuild, forum: FakeChannel, body: Json): Out {
  if ((botGuildPermissions(g) & MANAGE_CHANNELS) === 0n) return missingPermissions();
  const tags = (body.available_tags as Json[] | undefined) ?? [];
  const problems: string[] = [];
  if (tags.length > 20) problems.push(`available_tags: ${tags.length} > 20`);
  for (const t of tags) if (String(t.name ?? "").length < 1 || String(t.name ?? "").length > 20) problems.push(`available_tags: name "${String(t.name)}" must be 1-20 characters`);
  if (problems.length) return invalid(problems);
  forum.availableTags = tags.map((t) => ({ id: t.id ? String(t.id) : snowflake(), name: String(t.name), moderated: t.moderated === true, emoji_id: null, emoji_name: null }));
  return { status: 200, body: channelJson(forum) };
}

/** The routes above, or undefined for a path they do not serve (or a text channel's post). */
export function guildFeatureRoute(fake: FakeDiscord, method: string, path: string, query: URLSearchParams, body: Json): Out | undefined {
  let m: RegExpExecArray | null;
  if ((m = /^\/guilds\/(\d+)\/scheduled-events(?:\/(\d+))?$/.exec(path))) {
    const g = fake.guilds.find((x) => x.id === m![1]);
    return g ? scheduledEvents(fake, g, method, m[2], body ?? {}, query) : error(404, 10004, "Unknown Guild");
  }
  if ((m = /^\/guilds\/(\d+)\/threads\/active$/.exec(path)) && method === "GET") {
    const g = fake.guilds.find((x) => x.id === m![1]);
    if (!g) return error(404, 10004, "Unknown Guild");
    return { status: 200, body: { threads: g.channels.filter((c) => c.type === 11).map(channelJson), members: [] } };
  }
  if ((m = /^\/channels\/(\d+)\/threads$/.exec(path)) && method === "POST") {
    const forum = fake.findChannel(m[1]!);
    if (!forum) return error(404, 10003, "Unknown Channel");
    if (forum.noAccess) return error(403, 50001, "Missing Access");
    if (forum.type !== 15) return undefined;
    return forumPost(fake, forum, body ?? {});
  }
  if ((m = /^\/channels\/(\d+)$/.exec(path)) && (method === "PATCH" || method === "DELETE")) {
    const c = fake.findChannel(m[1]!);
    if (!c) return error(404, 10003, "Unknown Channel");
    const g = fake.guilds.find((x) => x.id === c.guildId)!;
    if (method === "PATCH" && c.type === 15 && body && "available_tags" in body) return editForumTags(g, c, body);
    if (method === "DELETE" && c.type === 11) {
      if ((botGuildPermissions(g) & MANAGE_THREADS) === 0n) return missingPermissions();
      g.channels.splice(g.channels.indexOf(c), 1);
      return { status: 200, body: channelJson(c) };
    }
    return error(403, 50013, "Missing Permissions");
  }
  if ((m = /^\/channels\/(\d+)\/messages$/.exec(path)) && method === "POST" && fake.findChannel(m[1]!)?.type === 15) {
    return error(400, 50008, "Cannot send messages in a non-text channel");
  }
  return undefined;
}
