/**
 * Data of the fake Discord: snowflakes, the bot user, guilds and channels, message
 * objects as the API returns them, and Discord's documented limits on what a bot sends.
 * A body that breaks a limit gets the API's real answer: 400 "Invalid Form Body" (50035).
 */

const DISCORD_EPOCH = 1420070400000n;
let increment = 0n;

/** A real-looking snowflake (18-19 digits): @discordjs/rest keys its buckets on them. */
export function snowflake(at = Date.now()): string {
  increment = (increment + 1n) % 4096n;
  return (((BigInt(at) - DISCORD_EPOCH) << 22n) | (1n << 17n) | increment).toString();
}

export interface FakeUser {
  id: string;
  username: string;
  discriminator: string;
  global_name: string | null;
  avatar: null;
  bot?: boolean;
  flags?: number;
}

export interface FakeChannel {
  id: string;
  name: string;
  guildId: string;
  /** The bot may not read or post here (403 Missing Access). */
  noAccess?: boolean;
  /** The channel's permission overwrites, as `GET /channels/{id}` returns them. */
  permissionOverwrites?: Array<{ id: string; type: 0 | 1; allow: string; deny: string }>;
  messages: FakeMessage[];
  /** Discord's channel type: 0 text (default), 15 forum, 11 public thread. */
  type?: number;
  /** A forum's tags (`available_tags`, at most 20). */
  availableTags?: FakeTag[];
  /** A forum's flags (16: REQUIRE_TAG, a post needs at least one tag). */
  flags?: number;
  /** A thread: its forum (or text channel), who opened it, its tags. */
  parentId?: string;
  ownerId?: string;
  appliedTags?: string[];
}

/** A forum tag, as `available_tags` lists it. */
export interface FakeTag {
  id: string;
  name: string;
  moderated: boolean;
  emoji_id: string | null;
  emoji_name: string | null;
}

/** A guild scheduled event as the API returns it, and how many clicked "Interested". */
export type FakeScheduledEvent = Record<string, unknown> & { id: string; status: number; interested: number };

/** A guild role (`permissions`: the bit set as a decimal string, as the API sends it). */
export interface FakeRole {
  id: string;
  name: string;
  permissions: string;
}

/** Permission bits the fake checks (Discord's values). */
export const MANAGE_CHANNELS = 1n << 4n;
export const SEND_MESSAGES = 1n << 11n;
export const MANAGE_THREADS = 1n << 34n;
export const MANAGE_EVENTS = 1n << 33n;
export const SEND_MESSAGES_IN_THREADS = 1n << 38n;

/** Permissions of @everyone in the fake guilds: view, send, read history and the usual others. */
export const EVERYONE_PERMISSIONS = "1071698660929";

export interface FakeGuild {
  id: string;
  name: string;
  preferredLocale: string;
  channels: FakeChannel[];
  /** Roles beyond @everyone (whose id is the guild's). */
  roles?: FakeRole[];
  /** Ids of the roles the bot member holds. */
  botRoles?: string[];
  /** Permissions of @everyone (default {@link EVERYONE_PERMISSIONS}). */
  everyonePermissions?: string;
  /** The guild's scheduled events (`/guilds/{id}/scheduled-events`). */
  scheduledEvents?: FakeScheduledEvent[];
}

export type FakeMessage = Record<string, unknown> & { id: string; channel_id: string; flags: number; nonce?: string };

export function user(id: string, username: string, bot = false): FakeUser {
  return { id, username, discriminator: "0", global_name: bot ? null : username, avatar: null, ...(bot ? { bot: true } : {}), flags: 0 };
}

export function channelJson(c: FakeChannel) {
  const type = c.type ?? 0;
  return {
    id: c.id,
    type,
    guild_id: c.guildId,
    name: c.name,
    position: 0,
    permission_overwrites: c.permissionOverwrites ?? [],
    nsfw: false,
    parent_id: c.parentId ?? null,
    topic: null,
    last_message_id: null,
    rate_limit_per_user: 0,
    flags: c.flags ?? 0,
    ...(type === 15 ? { available_tags: c.availableTags ?? [], default_reaction_emoji: null, default_sort_order: null, default_forum_layout: 0, default_thread_rate_limit_per_user: 0 } : {}),
    ...(type === 11
      ? { owner_id: c.ownerId, applied_tags: c.appliedTags ?? [], message_count: c.messages.length, member_count: 1, thread_metadata: { archived: false, auto_archive_duration: 4320, archive_timestamp: new Date().toISOString(), locked: false, create_timestamp: new Date().toISOString() } }
      : {}),
  };
}

/** The bot's guild-wide permissions: @everyone's and its roles' (Administrator: all). */
export function botGuildPermissions(g: FakeGuild): bigint {
  const roles = guildRoles(g);
  let bits = BigInt(roles[0]!.permissions);
  for (const id of g.botRoles ?? []) bits |= BigInt(roles.find((r) => r.id === id)?.permissions ?? "0");
  return (bits & 8n) !== 0n ? ~0n : bits;
}

/** @everyone (id = the guild's) then the guild's other roles. */
export function guildRoles(g: FakeGuild): FakeRole[] {
  return [{ id: g.id, name: "@everyone", permissions: g.everyonePermissions ?? EVERYONE_PERMISSIONS }, ...(g.roles ?? [])];
}

/** GUILD_CREATE as discord.js needs it to consider the guild available. */
export function guildJson(g: FakeGuild, bot: FakeUser) {
  return {
    id: g.id,
    name: g.name,
    icon: null,
    splash: null,
    discovery_splash: null,
    owner_id: snowflake(),
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    roles: guildRoles(g).map((r, i) => ({ id: r.id, name: r.name, color: 0, colors: { primary_color: 0, secondary_color: null, tertiary_color: null }, hoist: false, icon: null, unicode_emoji: null, position: i, permissions: r.permissions, managed: false, mentionable: false, flags: 0 })),
    emojis: [],
    stickers: [],
    features: [],
    mfa_level: 0,
    application_id: null,
    system_channel_id: null,
    system_channel_flags: 0,
    rules_channel_id: null,
    vanity_url_code: null,
    description: null,
    banner: null,
    premium_tier: 0,
    premium_subscription_count: 0,
    preferred_locale: g.preferredLocale,
    public_updates_channel_id: null,
    nsfw_level: 0,
    premium_progress_bar_enabled: false,
    safety_alerts_channel_id: null,
    joined_at: new Date().toISOString(),
    large: false,
    unavailable: false,
    member_count: 2,
    voice_states: [],
    members: [{ user: bot, nick: null, roles: g.botRoles ?? [], joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0 }],
    channels: g.channels.filter((c) => c.type !== 11).map(channelJson),
    threads: g.channels.filter((c) => c.type === 11).map(channelJson),
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}

/** A message object as the API returns it. */
export function messageJson(channelId: string, author: FakeUser, body: Record<string, unknown>, extra: Record<string, unknown> = {}): FakeMessage {
  return {
    id: snowflake(),
    channel_id: channelId,
    type: 0,
    author,
    content: (body.content as string | undefined) ?? "",
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: (body.embeds as unknown[] | undefined) ?? [],
    components: (body.components as unknown[] | undefined) ?? [],
    pinned: false,
    flags: Number(body.flags ?? 0),
    ...extra,
  };
}

// ------------------------------------------------------------------ limits

type Json = Record<string, unknown>;

/** Problems of a message body (create, edit, interaction reply), per Discord's limits. */
export function messageProblems(body: Json, { create }: { create: boolean }): string[] {
  const p: string[] = [];
  const content = (body.content as string | undefined) ?? "";
  const embeds = (body.embeds as Json[] | undefined) ?? [];
  const rows = (body.components as Json[] | undefined) ?? [];
  if (content.length > 2000) p.push(`content: ${content.length} > 2000`);
  if (create && !content && embeds.length === 0 && rows.length === 0) p.push("message: empty");
  if (embeds.length > 10) p.push(`embeds: ${embeds.length} > 10`);
  let total = 0;
  for (const [i, e] of embeds.entries()) {
    const title = (e.title as string | undefined) ?? "";
    const description = (e.description as string | undefined) ?? "";
    const fields = (e.fields as { name: string; value: string }[] | undefined) ?? [];
    const footer = ((e.footer as Json | undefined)?.text as string | undefined) ?? "";
    if (title.length > 256) p.push(`embeds.${i}.title > 256`);
    if (description.length > 4096) p.push(`embeds.${i}.description > 4096`);
    if (fields.length > 25) p.push(`embeds.${i}.fields: ${fields.length} > 25`);
    for (const f of fields) {
      if (!f.name || f.name.length > 256) p.push(`embeds.${i}.fields.name length`);
      if (!f.value || f.value.length > 1024) p.push(`embeds.${i}.fields.value length`);
    }
    if (footer.length > 2048) p.push(`embeds.${i}.footer > 2048`);
    total += title.length + description.length + footer.length + fields.reduce((n, f) => n + f.name.length + f.value.length, 0);
  }
  if (total > 6000) p.push(`embeds: ${total} characters > 6000`);
  if (rows.length > 5) p.push(`components: ${rows.length} rows > 5`);
  // Discord: "Multiple components on the same message must not share the same custom_id".
  const customIds = new Set<string>();
  for (const row of rows) {
    const buttons = (row.components as Json[] | undefined) ?? [];
    if (row.type !== 1) p.push("components: top level must be action rows");
    if (buttons.length < 1 || buttons.length > 5) p.push(`components: ${buttons.length} buttons in a row`);
    for (const b of buttons) {
      const id = b.custom_id as string | undefined;
      if (b.type === 2 && b.style !== 5 && (!id || id.length > 100)) p.push(`button custom_id length ${id?.length}`);
      if (id !== undefined && customIds.has(id)) p.push(`components: duplicate custom_id ${id}`);
      if (id !== undefined) customIds.add(id);
      if (((b.label as string | undefined) ?? "").length > 80) p.push("button label > 80");
    }
  }
  if (body.nonce !== undefined && String(body.nonce).length > 25) p.push("nonce > 25");
  return p;
}

/** Problems of a modal (callback type 9). */
export function modalProblems(data: Json): string[] {
  const p: string[] = [];
  const id = (data.custom_id as string | undefined) ?? "";
  const title = (data.title as string | undefined) ?? "";
  const components = (data.components as Json[] | undefined) ?? [];
  if (!id || id.length > 100) p.push("modal custom_id length");
  if (!title || title.length > 45) p.push(`modal title length ${title.length}`);
  if (components.length < 1 || components.length > 5) p.push(`modal: ${components.length} components`);
  for (const c of components) {
    const input = (c.type === 18 ? c.component : (c.components as Json[] | undefined)?.[0]) as Json | undefined;
    const label = (c.type === 18 ? c.label : input?.label) as string | undefined;
    if (!label || label.length > 45) p.push(`modal label length ${label?.length}`);
    if (c.type === 18 && ((c.description as string | undefined) ?? "").length > 100) p.push("label description > 100");
    if (!input || input.type !== 4) p.push("modal: text input expected");
    else {
      const cid = (input.custom_id as string | undefined) ?? "";
      if (!cid || cid.length > 100) p.push("text input custom_id length");
      if (((input.value as string | undefined) ?? "").length > 4000) p.push("text input value > 4000");
      if (((input.placeholder as string | undefined) ?? "").length > 100) p.push("placeholder > 100");
    }
  }
  return p;
}

/** Problems of autocomplete choices (callback type 8). */
export function choicesProblems(data: Json): string[] {
  const choices = (data.choices as { name: string; value: unknown }[] | undefined) ?? [];
  const p: string[] = [];
  if (choices.length > 25) p.push(`choices: ${choices.length} > 25`);
  for (const c of choices) if (!c.name || c.name.length > 100) p.push("choice name length");
  return p;
}
