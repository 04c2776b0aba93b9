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

type Spec = { name: string; type: number; options?: Spec[] };

/** The registered `/cdce` command (a test must register before sending commands). */
function registered(fake: FakeDiscord): Spec {
  const last = fake.registrations.at(-1)?.body as Spec[] | undefined;
  const cdce = last?.find((c) => c.name === "cdce");
  if (!cdce) throw new Error("fake discord: /cdce is not registered");
  return cdce;
}

/**
 * The subcommand's spec and where it sits: `kit-ajouter` (top level) or `initiative
 * modifier` (a group, then a subcommand). `stale: true` allows one Discord does not know:
 * what a client with an out-of-date command list sends.
 */
function locate(fake: FakeDiscord, path: string, stale: boolean): { group?: string; sub: string; spec?: Spec } {
  const [first, second] = path.split(" ");
  const top = registered(fake).options?.find((o) => o.name === first);
  if (second !== undefined) {
    const spec = top?.type === 2 ? top.options?.find((o) => o.name === second) : undefined;
    if (!spec && !stale) throw new Error(`fake discord: /cdce ${path} is not registered`);
    return { group: first, sub: second, spec };
  }
  if (top?.type === 2) throw new Error(`fake discord: /cdce ${path} is a group, name a subcommand`);
  if (!top && !stale) throw new Error(`fake discord: /cdce ${path} is not registered`);
  return { sub: path, spec: top };
}

/** Typed options of a subcommand, as Discord types them from the registration. */
function typedOptions(spec: Spec | undefined, path: string, values: Record<string, string | number>, focused?: string) {
  return Object.entries(values).map(([name, value]) => {
    const type = spec ? spec.options?.find((o) => o.name === name)?.type : 3;
    if (type === undefined) throw new Error(`fake discord: /cdce ${path} has no option ${name}`);
    if (type === 4 && (typeof value !== "number" || !Number.isInteger(value)) && name !== focused) {
      throw new Error(`fake discord: option ${name} needs an integer`);
    }
    return { name, type, value: type === 3 ? String(value) : value, ...(name === focused ? { focused: true } : {}) };
  });
}

/** The `data.options` of `/cdce [group] sub options...`. */
function commandOptions(fake: FakeDiscord, path: string, values: Record<string, string | number>, focused?: string, stale = false) {
  const { group, sub, spec } = locate(fake, path, stale);
  const leaf = { name: sub, type: 1, options: typedOptions(spec, path, values, focused) };
  return group ? [{ name: group, type: 2, options: [leaf] }] : [leaf];
}

/** `/cdce <sub> name:value...` or `/cdce <group> <sub> ...` (type 2); `path` is `sub` or `group sub`. */
export function sendCommand(fake: FakeDiscord, path: string, values: Record<string, string | number>, who: Who, opts: { stale?: boolean } = {}): InteractionRecord {
  const data = { id: snowflake(), name: "cdce", type: 1, guild_id: fake.guild.id, options: commandOptions(fake, path, values, undefined, opts.stale) };
  return fake.interact(base(fake, 2, data, who));
}

/** Autocomplete while typing `option` (type 4). */
export function sendAutocomplete(fake: FakeDiscord, path: string, values: Record<string, string | number>, focused: string, who: Who): InteractionRecord {
  const data = { id: snowflake(), name: "cdce", type: 1, guild_id: fake.guild.id, options: commandOptions(fake, path, values, focused) };
  return fake.interact(base(fake, 4, data, who));
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
