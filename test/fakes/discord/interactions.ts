/**
 * Builders of complete INTERACTION_CREATE payloads, as Discord sends them: id, token,
 * application_id, type, data, guild_id, channel, channel_id, member with user, locale,
 * guild_locale, version, app_permissions, entitlements, authorizing_integration_owners,
 * context, attachment_size_limit. Chat-input options are typed from the registered
 * command, like Discord does, so a test cannot send what no Discord client could.
 */
import { randomBytes } from "node:crypto";
import type { FakeDiscord, InteractionRecord } from "./fake-discord.js";
import { channelJson, snowflake, user, type FakeMessage } from "./model.js";

export interface Who {
  userId: string;
  username?: string;
  /** The user's client language (`fr`, `de`, `en-GB`...). */
  locale?: string;
  /** Another channel of the guild (default: general). */
  channel?: string;
  /** In a direct message with the bot: `user` instead of `member`, no guild. */
  dm?: boolean;
  /** When the interaction happened (ms), as its id tells: default now. */
  at?: number;
}

type Json = Record<string, unknown>;

function base(fake: FakeDiscord, type: number, data: Json, who: Who, extra: Json = {}) {
  const guild = fake.guild;
  const channel = fake.channel(who.channel ?? "general");
  const u = user(who.userId, who.username ?? `user${who.userId.slice(-4)}`);
  if (who.dm) return dmPayload(fake, type, data, who, u, extra);
  fake.members.set(u.id, u.username);
  return {
    id: snowflake(who.at),
    application_id: fake.applicationId,
    type,
    data,
    guild: { id: guild.id, locale: guild.preferredLocale, features: [] },
    guild_id: guild.id,
    channel: channelJson(channel),
    channel_id: channel.id,
    member: {
      user: u,
      roles: [],
      premium_since: null,
      permissions: "1071698660929",
      pending: false,
      nick: null,
      mute: false,
      joined_at: new Date().toISOString(),
      deaf: false,
      flags: 0,
      avatar: null,
    },
    token: `aW50ZXJhY3Rpb24${randomBytes(24).toString("base64url")}`,
    version: 1,
    app_permissions: "2248473465835073",
    locale: who.locale ?? "fr",
    guild_locale: guild.preferredLocale,
    entitlements: [],
    authorizing_integration_owners: { "0": guild.id },
    context: 0,
    attachment_size_limit: 10_485_760,
    ...extra,
  };
}

/** The same interaction in a DM (context 1, bot DM): the user is `user`, there is no guild. */
function dmPayload(fake: FakeDiscord, type: number, data: Json, who: Who, u: ReturnType<typeof user>, extra: Json) {
  const dmChannel = { id: `7${who.userId.slice(1)}`, type: 1, last_message_id: null, flags: 0, recipients: [u] };
  const { guild_id: _guild, ...rest } = data;
  return {
    id: snowflake(who.at),
    application_id: fake.applicationId,
    type,
    data: rest,
    channel: dmChannel,
    channel_id: dmChannel.id,
    user: u,
    token: `aW50ZXJhY3Rpb24${randomBytes(24).toString("base64url")}`,
    version: 1,
    app_permissions: "2248473465835073",
    locale: who.locale ?? "fr",
    entitlements: [],
    authorizing_integration_owners: { "0": fake.guild.id },
    context: 1,
    attachment_size_limit: 10_485_760,
    ...extra,
  };
}

type Spec = { id?: string; name: string; type: number; options?: Spec[]; name_localizations?: Record<string, string> };

/** The commands registered last (a test must register before sending commands). */
function registeredSet(fake: FakeDiscord): Spec[] {
  const last = fake.registrations.at(-1)?.body as Spec[] | undefined;
  if (!last) throw new Error("fake discord: no command is registered");
  return last;
}

/** The registered chat-input command `name` (`cdce`, `cdce-admin`…). */
function registered(fake: FakeDiscord, name: string, stale: boolean): Spec | undefined {
  const found = registeredSet(fake).find((c) => c.name === name && (c.type ?? 1) === 1);
  if (!found && !stale) throw new Error(`fake discord: /${name} is not registered`);
  return found;
}

/**
 * The sub-command's spec and where it sits: `cdce kit` (a sub-command) or `cdce initiative
 * voir` (a group, then a sub-command); the first word is the top-level command. `stale:
 * true` allows one Discord does not know: what a client with an out-of-date list sends.
 */
function locate(fake: FakeDiscord, path: string, stale: boolean): { root: string; group?: string; sub: string; spec?: Spec } {
  const [root, first, second] = path.split(" ") as [string, string | undefined, string | undefined];
  if (first === undefined) throw new Error(`fake discord: "${path}" names no sub-command`);
  const top = registered(fake, root, stale)?.options?.find((o) => o.name === first);
  if (second !== undefined) {
    const spec = top?.type === 2 ? top.options?.find((o) => o.name === second) : undefined;
    if (!spec && !stale) throw new Error(`fake discord: /${path} is not registered`);
    return { root, group: first, sub: second, spec };
  }
  if (top?.type === 2) throw new Error(`fake discord: /${path} is a group, name a subcommand`);
  if (!top && !stale) throw new Error(`fake discord: /${path} is not registered`);
  return { root, sub: first, spec: top };
}

/** A file the person picks for an attachment option. */
export interface PickedFile {
  name: string;
  data: Buffer;
  contentType?: string;
}

/** Typed options of a subcommand, as Discord types them from the registration. */
function typedOptions(spec: Spec | undefined, path: string, values: Record<string, string | number>, focused?: string) {
  return Object.entries(values).map(([name, value]) => {
    const type = spec ? spec.options?.find((o) => o.name === name)?.type : 3;
    if (type === undefined) throw new Error(`fake discord: /${path} has no option ${name}`);
    if (type === 11) throw new Error(`fake discord: option ${name} is an attachment, pass it in files`);
    if (type === 4 && (typeof value !== "number" || !Number.isInteger(value)) && name !== focused) {
      throw new Error(`fake discord: option ${name} needs an integer`);
    }
    return { name, type, value: type === 3 ? String(value) : value, ...(name === focused ? { focused: true } : {}) };
  });
}

/** The `data` of `/root [group] sub options...`: Discord sends base names, whatever the user's language. */
function commandData(fake: FakeDiscord, path: string, values: Record<string, string | number>, focused?: string, stale = false, files: Record<string, PickedFile> = {}, channelId = "0") {
  const { root, group, sub, spec } = locate(fake, path, stale);
  const options: Json[] = typedOptions(spec, path, values, focused);
  // An attachment option's value is the attachment id; the attachment itself is in `resolved`.
  const attachments: Record<string, Json> = {};
  for (const [name, picked] of Object.entries(files)) {
    if (spec?.options?.find((o) => o.name === name)?.type !== 11) throw new Error(`fake discord: /${path} has no attachment option ${name}`);
    const attachment = fake.attach(channelId, picked.name, picked.data, picked.contentType);
    attachments[attachment.id as string] = attachment;
    options.push({ name, type: 11, value: attachment.id });
  }
  const leaf = { name: sub, type: 1, options };
  const id = registered(fake, root, true)?.id ?? snowflake();
  const resolved = Object.keys(attachments).length ? { resolved: { attachments } } : {};
  return { id, name: root, type: 1, guild_id: fake.guild.id, options: group ? [{ name: group, type: 2, options: [leaf] }] : [leaf], ...resolved };
}

/** `/root sub name:value...` or `/root group sub ...` (interaction type 2); `path` is `root sub` or `root group sub`. */
export function sendCommand(fake: FakeDiscord, path: string, values: Record<string, string | number>, who: Who, opts: { stale?: boolean; files?: Record<string, PickedFile> } = {}): InteractionRecord {
  const channelId = fake.channel(who.channel ?? "general").id;
  return fake.interact(base(fake, 2, commandData(fake, path, values, undefined, opts.stale, opts.files, channelId), who));
}

/** Autocomplete while typing `option` (type 4). */
export function sendAutocomplete(fake: FakeDiscord, path: string, values: Record<string, string | number>, focused: string, who: Who): InteractionRecord {
  return fake.interact(base(fake, 4, commandData(fake, path, values, focused), who));
}

/** A registered context-menu command by its base name and type (2 user, 3 message). */
function menu(fake: FakeDiscord, name: string, type: 2 | 3): Spec {
  const found = registeredSet(fake).find((c) => c.name === name && c.type === type);
  if (!found) throw new Error(`fake discord: no ${type === 2 ? "user" : "message"} command "${name}" is registered`);
  return found;
}

/**
 * A right-click on `message` → Apps → `name` (APPLICATION_COMMAND with data.type 3): the
 * message comes whole in `data.resolved.messages`, its id in `target_id`.
 */
export function sendMessageCommand(fake: FakeDiscord, name: string, message: FakeMessage, who: Who): InteractionRecord {
  const spec = menu(fake, name, 3);
  const data = { id: spec.id ?? snowflake(), name, type: 3, guild_id: fake.guild.id, target_id: message.id, resolved: { messages: { [message.id]: message } } };
  return fake.interact(base(fake, 2, data, who));
}

/**
 * A right-click on a member → Apps → `name` (data.type 2): the user in `resolved.users`,
 * the guild member (without its user) in `resolved.members`.
 */
export function sendUserCommand(fake: FakeDiscord, name: string, target: { userId: string; username: string }, who: Who): InteractionRecord {
  const spec = menu(fake, name, 2);
  const u = user(target.userId, target.username);
  fake.members.set(u.id, u.username);
  const member = { avatar: null, nick: null, roles: [], joined_at: new Date().toISOString(), pending: false, premium_since: null, permissions: "1071698660929", flags: 0 };
  const data = { id: spec.id ?? snowflake(), name, type: 2, guild_id: fake.guild.id, target_id: u.id, resolved: { users: { [u.id]: u }, members: { [u.id]: member } } };
  return fake.interact(base(fake, 2, data, who));
}

/** A click on a button of `message` (type 3); the payload carries the whole message. */
export function sendClick(fake: FakeDiscord, message: FakeMessage, customId: string, who: Who): InteractionRecord {
  const rows = (message.components ?? []) as { components: { custom_id?: string }[] }[];
  if (!rows.some((r) => r.components.some((c) => c.custom_id === customId))) throw new Error(`fake discord: no button ${customId} on the message`);
  return fake.interact(base(fake, 3, { custom_id: customId, component_type: 2 }, who, { message }));
}

/** Submits a modal the bot opened (type 5), with the typed values by input custom id. */
export function sendModalSubmit(fake: FakeDiscord, modal: Json, values: Record<string, string>, who: Who): InteractionRecord {
  const components = (modal.components as Json[]).map((c) => {
    const input = (c.type === 18 ? c.component : (c.components as Json[])[0]) as Json;
    const submitted = { type: 4, id: Math.floor(Math.random() * 1000), custom_id: input.custom_id, value: values[String(input.custom_id)] ?? "" };
    return c.type === 18 ? { type: 18, id: c.id ?? 1, component: submitted } : { type: 1, components: [submitted] };
  });
  return fake.interact(base(fake, 5, { custom_id: modal.custom_id, components }, who));
}

/** The custom ids of a message's buttons, by label. */
export function buttonsOf(message: FakeMessage | undefined): { label: string; custom_id: string }[] {
  const rows = (message?.components ?? []) as { components: { label: string; custom_id: string }[] }[];
  return rows.flatMap((r) => r.components);
}

/** All visible text of a message: content, embed titles, descriptions, fields, footers. */
export function textOf(message: FakeMessage | undefined): string {
  if (!message) return "";
  const embeds = (message.embeds ?? []) as { title?: string; description?: string; fields?: { name: string; value: string }[]; footer?: { text: string } }[];
  return [
    String(message.content ?? ""),
    ...embeds.flatMap((e) => [e.title ?? "", e.description ?? "", ...(e.fields ?? []).flatMap((f) => [f.name, f.value]), e.footer?.text ?? ""]),
  ].filter(Boolean).join("\n");
}
