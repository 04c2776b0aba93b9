/**
 * Neutral types shared by the core, the commands and every platform adapter.
 * Nothing here knows Slack, Discord, the terminal or the database.
 */

/** Languages the bot speaks. French first. */
export const LOCALES = ["fr", "de", "nl", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "fr";
export const DEFAULT_TIME_ZONE = "Europe/Brussels";

/** A text given in several languages; `fr` is always present and is the fallback. */
export type LocalizedText = { fr: string } & Partial<Record<Exclude<Locale, "fr">, string>>;

export const PLATFORMS = ["slack", "discord", "terminal"] as const;
export type Platform = (typeof PLATFORMS)[number];

/** Roles a person holds in the network (a membership, possibly tied to a commune). */
export const ROLES = ["coordination", "copil", "elu", "agent", "benevole", "ambassadeur"] as const;
export type Role = (typeof ROLES)[number];

/** Where a message lives: a channel (or a user's DM) on one platform and workspace/guild. */
export interface ChannelRef {
  platform: Platform;
  /** Slack team id, Discord guild id, "local" for the terminal. */
  workspaceId: string;
  channelId: string;
}

/** The person behind a command, resolved from a platform account. */
export interface Actor {
  personId: string;
  name: string;
  platform: Platform;
  workspaceId: string;
  platformUserId: string;
  locale: Locale;
  timeZone: string;
  /**
   * What the actor holds: (role, commune) pairs. Rights are decided on the pair that matches
   * the target commune, in src/core/permissions.ts only.
   */
  memberships: readonly ActorMembership[];
  /**
   * Communes the actor belongs to (any role), the first being the "home" commune: a default
   * for commands that need a commune, never a right in itself.
   */
  communeIds: string[];
}

/** One role held by an actor, in one commune, or network-wide (`communeId` null: coordination). */
export interface ActorMembership {
  role: Role;
  communeId: string | null;
}

/**
 * One invocation of `/cdce`, as an adapter hands it to the core.
 * Either free `text` (Slack, terminal, buttons) or structured `options` (Discord, modals).
 */
export interface IncomingCommand {
  platform: Platform;
  workspaceId: string;
  userId: string;
  userName?: string;
  /** Locale the platform reports for this user, if any (e.g. Discord interaction locale). */
  platformLocale?: string;
  /** Time zone the platform reports, if any (e.g. Slack users.info tz). */
  platformTimeZone?: string;
  channel?: ChannelRef;
  /** Everything after `/cdce`, e.g. `kit jeunes page:2`. */
  text?: string;
  /** Structured form: sub-command name and typed options. */
  structured?: { name: string; options: Record<string, unknown> };
  /** When the platform says the person acted (a click's stamp), if it says; see core/acted-at.ts. */
  actedAt?: Date;
  /**
   * Files sent with the command (a Discord attachment option, a Slack modal's file input),
   * already downloaded by the platform, which alone holds the token to fetch them.
   */
  files?: IncomingFile[];
}

/** A file that came with a command. */
export interface IncomingFile {
  /** Its name as sent, with its extension: `kits.xlsx`. */
  name: string;
  contentType?: string;
  data: Uint8Array;
}

// ---------------------------------------------------------------- replies

export interface Button {
  label: string;
  /**
   * The `/cdce` line that a click runs (without `/cdce`), e.g. `kit jeunes page:2`.
   * Kept short: Discord custom ids hold 100 characters.
   */
  command: string;
  style?: "primary" | "danger";
}

/*
 * Text in blocks is neutral Markdown: **bold**, _italic_, `code`, [label](https://url).
 * Each adapter converts it (Slack mrkdwn, Discord Markdown, plain text in the terminal).
 */

export interface Field {
  label: string;
  value: string;
}

export type Block =
  | { type: "header"; text: string }
  | { type: "section"; text: string; fields?: Field[] }
  | { type: "context"; text: string }
  | { type: "actions"; buttons: Button[] }
  | { type: "divider" };

/** A form the platform shows as a modal (Slack views, Discord modals) or asks line by line. */
export interface FormField {
  name: string;
  label: string;
  kind: "text" | "textarea";
  required: boolean;
  placeholder?: string;
  /** Pre-filled value. */
  value?: string;
  /** Longest accepted answer, from the option it fills (set by the core, src/core/inbound.ts). */
  max?: number;
}
export interface Form {
  title: string;
  /** Sub-command that receives the submitted fields as structured options. */
  submitCommand: string;
  submitLabel: string;
  fields: FormField[];
  /**
   * The command line to type instead (after `/cdce`), in the reply's language, for a
   * platform that cannot show the form (set by the core, src/core/inbound.ts).
   */
  usage?: string;
}

/** A dialog asking for one file, whose submission runs `command` with the file in `files`. */
export interface FileRequest {
  /** The registry command that receives the file (`kit importer`). */
  command: string;
  title: string;
  label: string;
  submitLabel: string;
  /** Extensions offered, without the dot (`csv`, `xlsx`, `json`). */
  extensions: string[];
}

/**
 * The neutral reply every command returns. Adapters render it (Block Kit, embeds, text)
 * and split it to respect their platform limits.
 */
export interface Reply {
  /** `ephemeral`: only the caller sees it; `channel`: posted where the command was typed. */
  visibility: "ephemeral" | "channel";
  /** Plain-text summary, used as notification fallback. */
  text: string;
  blocks: Block[];
  /** When set, the platform opens this form instead of (or before) showing the reply. */
  form?: Form;
  /**
   * The command wants a file it did not get: a platform that can ask for one in a dialog
   * (Slack's modal file input) opens it; the others show the reply, which says how to attach it.
   */
  askFile?: FileRequest;
  /** Field-level validation errors for a submitted form: field name -> message. */
  fieldErrors?: Record<string, string>;
  /** Language the reply is written in (adapters may need it for their own chrome). */
  locale: Locale;
  /**
   * Short labels a platform may file a posted message under (Discord forum tags): at most 5,
   * 20 characters each. Ignored where there is nothing to file under.
   */
  tags?: string[];
  /**
   * Files that go with the reply (a map image, a JSON export). The terminal writes them to
   * `./data/exports/<user>/` and prints the path; platform uploads (Slack files, Discord
   * attachments) are up to each adapter, which may ignore them: the blocks must make sense
   * alone. `data` is raw bytes, or text (UTF-8).
   */
  files?: ReplyFile[];
  /**
   * Set when the command erased the caller's personal data: each platform then deletes
   * what it kept for them outside the database (files written for them).
   */
  callerErased?: true;
}

/** A file attached to a reply. */
export interface ReplyFile {
  /** File name shown to the user, with its extension: `carte-initiatives.png`. */
  name: string;
  /** MIME type: `image/png`, `image/svg+xml`, `application/geo+json`, `application/json`. */
  contentType: string;
  data: Uint8Array | string;
}

/** A clock passed in everywhere, so tests control time. */
export type Clock = () => Date;
