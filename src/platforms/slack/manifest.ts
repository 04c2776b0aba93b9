/**
 * The Slack app manifest, built from the command registry: one `/cdce` slash command whose
 * usage hint lists the sub-commands, interactivity on (buttons, modals), and the fewest
 * bot scopes that make every feature work, each with the reason it is there. Two variants:
 * Socket Mode (no public URL) and HTTP (request URLs to fill in).
 */
import type { CommandRegistry } from "../../core/commands.js";
import { CONVERSATION_EVENTS } from "./conversation.js";
import { SHORTCUTS } from "./home.js";

export type ManifestVariant = "socket" | "http";

/** Each scope the bot asks for, and why; nothing else is requested. */
export const BOT_SCOPES: ReadonlyArray<{ scope: string; why: string }> = [
  { scope: "commands", why: "the /cdce slash command" },
  { scope: "chat:write", why: "reminders and alerts (chat.postMessage), form results (chat.postEphemeral, DM fallback), removing our own posts (chat.delete)" },
  { scope: "users:read", why: "users.info: each user's time zone and, with include_locale, language" },
  { scope: "channels:history", why: "conversations.history in public channels: after a crash, find an outbox post by its metadata key before posting it again" },
  { scope: "groups:history", why: "the same check in private channels linked with /cdce config canal" },
  { scope: "im:history", why: "the same check in direct messages (personal reminders); and the message.im event: a person writing to the bot in its DM" },
  { scope: "im:write", why: "conversations.open: a person's DM channel id, where that check reads (a DM is posted to the user id), and where a private reply's files go" },
  { scope: "files:read", why: "the file input of the modal that asks for a file (/cdce kit importer): files.info, then the file's private url" },
  { scope: "files:write", why: "files.uploadV2: files that come with a reply (calendar .ics, map, personal export), in the channel for a public reply, else in the user's DM" },
  { scope: "app_mentions:read", why: "the app_mention event: a person who mentions the bot in a channel gets the closest commands" },
];

/** Why some scopes are left out on purpose (written into the YAML for reviewers). */
export const NOT_REQUESTED = [
  "chat:write.public: the bot posts only where it was invited (/invite @cdce), a deliberate limit",
  "users:read.email, channels:read: never used",
];

const SLASH = "/cdce";
const PLACEHOLDER_URL = "https://YOUR-HOST.example.org/slack/events";

/** The everyday ways in, shown as the usage hint; the rest is one `aide` away (and on the Home tab). */
export const HINT_COMMANDS = ["aide", "kit", "agenda", "initiative", "accueil"] as const;

/** A short hint, `aide | kit … | agenda | …`: the few everyday commands this registry has. */
export function usageHint(registry: CommandRegistry): string {
  const names = HINT_COMMANDS.filter((n) => registry.get(n));
  return `${names.join(" | ")} …`;
}

/** Events the bot subscribes to: the Home tab opened. */
export const BOT_EVENTS = ["app_home_opened"] as const;

export interface ManifestOptions {
  variant: ManifestVariant;
  /** HTTP variant: the public events URL (default: a placeholder to replace). */
  requestUrl?: string;
  /** App name as shown in Slack (default "CDCE"). */
  name?: string;
}

/** The manifest object (Slack's manifest schema, `_metadata` 1.1). */
export function buildManifest(registry: CommandRegistry, o: ManifestOptions): Record<string, unknown> {
  const name = (o.name ?? "CDCE").slice(0, 35);
  const url = o.requestUrl ?? PLACEHOLDER_URL;
  const command: Record<string, unknown> = {
    command: SLASH,
    description: "Assistant des Communes du Commerce Équitable (FR/DE/NL/EN)",
    usage_hint: usageHint(registry),
    // Mentions arrive as <@U123|name> (ids for /cdce role); listeners.ts unwraps links.
    should_escape: true,
  };
  if (o.variant === "http") command.url = url;
  const interactivity: Record<string, unknown> = { is_enabled: true };
  if (o.variant === "http") interactivity.request_url = url;
  return {
    _metadata: { major_version: 1, minor_version: 1 },
    display_information: {
      name,
      description: "Kits, aide et canaux du réseau des Communes du Commerce Équitable, en FR, DE, NL et EN.",
      background_color: "#2f6b3a",
    },
    features: {
      // The Home tab shows each person's home (src/features/home); the Messages tab is where DMs
      // from the bot (reminders, form results) show up, and where a person may write to it in
      // plain language (not read-only).
      app_home: { home_tab_enabled: true, messages_tab_enabled: true, messages_tab_read_only_enabled: false },
      bot_user: { display_name: name.toLowerCase(), always_online: true },
      shortcuts: SHORTCUTS.map((s) => ({ name: s.name, type: s.type, callback_id: s.callbackId, description: s.description })),
      slash_commands: [command],
    },
    oauth_config: { scopes: { bot: BOT_SCOPES.map((s) => s.scope) } },
    settings: {
      // The Home tab opened (home.ts); a DM to the bot and a mention of it go to the plain-language front door (conversation.ts).
      event_subscriptions: { ...(o.variant === "http" ? { request_url: url } : {}), bot_events: [...BOT_EVENTS, ...CONVERSATION_EVENTS] },
      interactivity,
      org_deploy_enabled: false,
      socket_mode_enabled: o.variant === "socket",
      token_rotation_enabled: false,
    },
  };
}

function scalar(v: unknown): string {
  if (typeof v === "boolean" || typeof v === "number") return String(v);
  // A JSON string is a valid YAML double-quoted scalar: no escaping rules of our own.
  return JSON.stringify(String(v));
}

function emit(value: unknown, indent: string, lines: string[], comments: Record<string, string>): void {
  if (Array.isArray(value)) {
    for (const item of value) {
      if (item !== null && typeof item === "object") {
        const sub: string[] = [];
        emit(item, `${indent}  `, sub, comments);
        lines.push(`${indent}- ${sub[0]!.trimStart()}`, ...sub.slice(1));
      } else {
        const why = typeof item === "string" ? comments[item] : undefined;
        lines.push(`${indent}- ${scalar(item)}${why ? `  # ${why}` : ""}`);
      }
    }
    return;
  }
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (v !== null && typeof v === "object") {
      lines.push(`${indent}${k}:`);
      emit(v, `${indent}  `, lines, comments);
    } else lines.push(`${indent}${k}: ${scalar(v)}`);
  }
}

/** The manifest as commented YAML (Slack's "From an app manifest" accepts YAML and JSON). */
export function manifestYaml(registry: CommandRegistry, o: ManifestOptions): string {
  const lines = [
    `# Slack app manifest for the CDCE bot, ${o.variant === "socket" ? "Socket Mode (no public URL needed)" : "HTTP mode (replace the request URLs)"}.`,
    "# Generated by `npm run slack:manifest` from the command registry: do not edit by hand.",
    "# Scopes not requested, on purpose:",
    ...NOT_REQUESTED.map((n) => `#   - ${n}`),
  ];
  const comments = Object.fromEntries(BOT_SCOPES.map((s) => [s.scope, s.why]));
  emit(buildManifest(registry, o), "", lines, comments);
  return `${lines.join("\n")}\n`;
}
